from django.contrib import admin
from django.core.exceptions import ValidationError

from hireloop.accounts.services import SelfAssignmentRefused, check_may_change_access_of

from .models import Dimension, Job, JobChange, ProfileChange
from .services import do_assign_job_team, job_team, team_changes


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

    def get_form(self, request, obj=None, change=False, **kwargs):  # type: ignore[no-untyped-def]
        """The form refuses a change of the editor's own assignment before anything is saved."""
        form = super().get_form(request, obj, change, **kwargs)

        class TeamChecked(form):  # type: ignore[valid-type,misc]
            def clean(self):  # type: ignore[no-untyped-def]
                cleaned = super().clean()
                before = job_team(obj)
                after = {team: {p.pk for p in cleaned.get(team) or []} for team in before}
                try:
                    check_may_change_access_of(
                        actor=request.user, people=team_changes(before, after)
                    )
                except SelfAssignmentRefused as refusal:
                    raise ValidationError(str(refusal)) from refusal
                return cleaned

        return TeamChecked

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        # The team is set by the audited service, not by the form's own M2M save.
        recruiters = form.cleaned_data.pop("recruiters", [])
        interviewers = form.cleaned_data.pop("interviewers", [])
        super().save_related(request, form, formsets, change)
        do_assign_job_team(
            job=form.instance, recruiters=recruiters, interviewers=interviewers, actor=request.user
        )


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


@admin.register(JobChange)
class JobChangeAdmin(admin.ModelAdmin):
    """A record, not a form: jobs are edited, closed and reopened on their own pages."""

    list_display = ("job", "kind", "actor", "at")
    list_filter = ("kind",)
    readonly_fields = ("job", "kind", "actor", "at", "reason", "before", "after")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
