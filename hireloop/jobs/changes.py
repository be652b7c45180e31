"""Changes of a job after its creation: its requirements edited, the job closed or reopened."""

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from hireloop.errors import HireLoopError
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import JobChangeKind, JobStatus
from .models import Job, JobChange
from .services import check_may_manage_job


class InvalidJobChange(HireLoopError):
    code = "invalid_job_change"


# What screening compares resumes with (screening.services.job_spec_of): a change of any of
# these makes the stored scores out of date, so the job's resumes are screened again.
SCREENING_FIELDS = (
    "title",
    "description",
    "min_degree",
    "min_years",
    "skills",
    "must_have_keywords",
    "bonus_keywords",
)
EDITABLE_FIELDS = (*SCREENING_FIELDS, "department")


def _recorded(job: Job, name: str) -> Any:
    """A field's value as a change record and the audit log keep it (JSON, readable): the
    department by its names in both languages, each reader sees theirs (name_of_record)."""
    if name == "department":
        return job.department.as_record() if job.department else ""
    return getattr(job, name)


def do_update_job(*, job: Job, actor: Any, reason: str, changes: dict[str, Any]) -> JobChange:
    """Edit a job's title, description, hard requirements or department after its creation.

    Recorded (before, after, who, why) and audited. A change of what screening compares
    resumes with raises the job's requirements revision and, once committed, re-screens its
    resumes on the worker; until then the ranking marks the scores made against the earlier
    requirements (Application.screened_revision).
    """
    check_may_manage_job(actor, job)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if not reason.strip():
        raise InvalidJobChange(_("Please say why the job changes."))
    department = changes.get("department")
    if department is not None and department.organisation_id != job.organisation_id:
        raise InvalidJobChange(_("This department belongs to another organisation."))
    changed = [name for name, value in changes.items() if getattr(job, name) != value]
    if not changed:
        raise InvalidJobChange(_("Nothing was changed."))
    rescreen = any(name in SCREENING_FIELDS for name in changed)
    before = {name: _recorded(job, name) for name in changed}
    with transaction.atomic():
        for name in changed:
            setattr(job, name, changes[name])
        fields = list(changed)
        if rescreen:
            job.requirements_revision = F("requirements_revision") + 1  # type: ignore[assignment]
            fields.append("requirements_revision")
        job.save(update_fields=fields)
        if rescreen:
            job.refresh_from_db(fields=["requirements_revision"])
        after = {name: _recorded(job, name) for name in changed}
        change = JobChange.objects.create(
            job=job,
            kind=JobChangeKind.REQUIREMENTS,
            actor=actor,
            reason=reason,
            before=before,
            after=after,
        )
        if rescreen:
            record_event(
                type=EventType.REQUIREMENTS_CHANGED,
                payload={"job_id": job.pk, "revision": job.requirements_revision},
            )
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="job_requirements",
            object_id=job.pk,
            detail={"before": before, "after": after, "reason": reason},
        )
    return change


def do_close_job(*, job: Job, actor: Any, reason: str = "") -> JobChange:
    """Close a job: no new resumes or invitations until it is reopened.

    Invitations already sent stay valid until their own deadlines: the candidates were
    promised that time, and may still finish (the confirmation page says so, with their number).
    """
    return _set_status(job=job, actor=actor, reason=reason, to_status=JobStatus.CLOSED)


def do_reopen_job(*, job: Job, actor: Any, reason: str = "") -> JobChange:
    """Reopen a closed job: it takes resumes and sends invitations again."""
    return _set_status(job=job, actor=actor, reason=reason, to_status=JobStatus.OPEN)


def _set_status(*, job: Job, actor: Any, reason: str, to_status: JobStatus) -> JobChange:
    check_may_manage_job(actor, job)
    closing = to_status == JobStatus.CLOSED
    with transaction.atomic():
        # Locked, so two people closing at once record one change, not two.
        current = Job.objects.select_for_update().only("status").get(pk=job.pk).status
        if closing and current == JobStatus.CLOSED:
            raise InvalidJobChange(_("This job is already closed."))
        if not closing and current != JobStatus.CLOSED:
            raise InvalidJobChange(_("This job is not closed."))
        job.status = to_status
        job.save(update_fields=["status"])
        change = JobChange.objects.create(
            job=job,
            kind=JobChangeKind.CLOSED if closing else JobChangeKind.REOPENED,
            actor=actor,
            reason=reason,
            before={"status": current},
            after={"status": to_status.value},
        )
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="job_status",
            object_id=job.pk,
            detail={"before": current, "after": to_status.value, "reason": reason},
        )
    return change
