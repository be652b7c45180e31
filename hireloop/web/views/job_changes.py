"""Managing a job after its creation: editing its requirements, closing and reopening it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hireloop.interviews.enums import SessionStatus
from hireloop.interviews.models import InterviewSession
from hireloop.jobs.changes import InvalidJobChange, do_close_job, do_reopen_job, do_update_job
from hireloop.jobs.enums import Degree
from hireloop.jobs.models import Job, JobChange
from hireloop.jobs.services import accepts_candidates, access_job, check_may_manage_job
from hireloop.org.models import name_of_record

from ..forms import JobEditForm, JobStatusForm

HISTORY_LENGTH = 20


def _managed_job(request: HttpRequest, job_id: int) -> Job:
    job = access_job(request.user, job_id)
    check_may_manage_job(request.user, job)
    return job


@login_required
def job_edit(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _managed_job(request, job_id)
    form = JobEditForm(request.POST or None, job=job)
    if request.method == "POST" and form.is_valid():
        revision = job.requirements_revision
        try:
            do_update_job(
                job=job,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                changes=form.changes(),
            )
        except InvalidJobChange as error:
            messages.error(request, str(error))
        else:
            if job.requirements_revision != revision:
                messages.success(
                    request,
                    _(
                        "Job saved. Its resumes are being screened again against the new "
                        "requirements; until then their scores are marked as made against the "
                        "earlier ones."
                    ),
                )
            else:
                messages.success(request, _("Job saved."))
            return redirect("web:job_detail", job.pk)
    history = job.changes.select_related("actor")[:HISTORY_LENGTH]
    return render(
        request,
        "web/job_edit.html",
        {"job": job, "form": form, "history": [_described(change) for change in history]},
    )


def _described(change: JobChange) -> tuple[JobChange, list[tuple[str, str, str]]]:
    """A change with (field label, before, after) per changed field, as people read them."""
    fields = []
    for name, after in change.after.items():
        if name == "status":
            continue  # the change's kind says it
        label = str(JobEditForm.base_fields[name].label)
        fields.append((label, _readable(name, change.before.get(name)), _readable(name, after)))
    return change, fields


def _readable(name: str, value) -> str:  # type: ignore[no-untyped-def]
    if name == "min_degree" and value is not None:
        return str(Degree(value).label)
    if name == "department":
        return name_of_record(value)
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


@login_required
def job_close(request: HttpRequest, job_id: int) -> HttpResponse:
    """Asks first, saying what closing does to the invitations already sent; then closes."""
    return _change_status(request, job_id, closing=True)


@login_required
def job_reopen(request: HttpRequest, job_id: int) -> HttpResponse:
    return _change_status(request, job_id, closing=False)


def _change_status(request: HttpRequest, job_id: int, *, closing: bool) -> HttpResponse:
    job = _managed_job(request, job_id)
    if closing != accepts_candidates(job):  # closed already, or open already
        return redirect("web:job_detail", job.pk)
    form = JobStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = do_close_job if closing else do_reopen_job
        try:
            change(job=job, actor=request.user, reason=form.cleaned_data["reason"])
        except InvalidJobChange as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The job is closed.") if closing else _("The job is open again."),
            )
        return redirect("web:job_detail", job.pk)
    return render(
        request,
        "web/job_status.html",
        {"job": job, "form": form, "closing": closing, **_open_invitations(job)},
    )


def _open_invitations(job: Job) -> dict:  # type: ignore[type-arg]
    """How many candidates hold a link they can still use, and the last of their deadlines."""
    open_sessions = InterviewSession.objects.filter(
        application__job=job,
        status__in=[SessionStatus.INVITED, SessionStatus.IN_PROGRESS],
        deadline__gt=timezone.now(),
    )
    found = open_sessions.aggregate(count=Count("id"), last=Max("deadline"))
    return {"open_invitations": found["count"], "last_deadline": found["last"]}
