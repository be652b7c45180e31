from django.contrib import admin

from .models import Dimension, Job, ProfileChange


class DimensionInline(admin.StackedInline):
    model = Dimension
    extra = 0


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "department", "status", "language", "created_at")
    list_filter = ("status", "language", "organisation")
    search_fields = ("title",)
    filter_horizontal = ("recruiters", "interviewers")
    inlines = [DimensionInline]


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ("name", "job", "weight")
    list_filter = ("job",)


@admin.register(ProfileChange)
class ProfileChangeAdmin(admin.ModelAdmin):
    """A record, not a form: profile changes are made on the job's profile page."""

    list_display = ("job", "actor", "at")
    readonly_fields = ("job", "actor", "at", "reason", "before", "after")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
