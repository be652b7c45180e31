from django.contrib import admin

from .models import Dimension, Job


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
