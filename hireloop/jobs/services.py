"""Jobs and their competency profiles: the public API of the jobs app."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from hireloop.accounts.roles import Role
from hireloop.accounts.services import check_may_change_access_of, has_role, sees_all_jobs
from hireloop.errors import ActionNotAllowed, HireLoopError, NotFoundOrForbidden
from hireloop.org.models import Organisation
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import JobStatus
from .models import Dimension, Job, ProfileChange


class InvalidProfile(HireLoopError):
    code = "invalid_profile"


class JobClosed(HireLoopError):
    """A closed job takes no new resumes and sends no new invitations until it is reopened."""

    code = "job_closed"


@dataclass
class DimensionSpec:
    name: str
    weight: Decimal
    anchor_low: str
    anchor_mid: str
    anchor_high: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)


def do_assign_job_team(
    *, job: Job, recruiters: Iterable[Any], interviewers: Iterable[Any], actor: Any
) -> None:
    """Set who recruits and interviews for a job; audited, and never one's own assignment."""
    before = job_team(job)
    after = {
        "recruiters": {person.pk for person in recruiters},
        "interviewers": {person.pk for person in interviewers},
    }
    changed = team_changes(before, after)
    if not changed:
        return
    check_may_change_access_of(actor=actor, people=changed)
    with transaction.atomic():
        job.recruiters.set(after["recruiters"])
        job.interviewers.set(after["interviewers"])
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="job_team",
            object_id=job.pk,
            detail={
                team: {"before": sorted(before[team]), "after": sorted(after[team])}
                for team in before
            },
        )


def job_team(job: Job | None) -> dict[str, set[int]]:
    """The ids of a job's recruiters and interviewers (none yet for a job being created)."""
    if job is None:
        return {"recruiters": set(), "interviewers": set()}
    return {
        "recruiters": set(job.recruiters.values_list("pk", flat=True)),
        "interviewers": set(job.interviewers.values_list("pk", flat=True)),
    }


def team_changes(before: dict[str, set[int]], after: dict[str, set[int]]) -> set[int]:
    """The people added to or removed from either team."""
    return {pk for team in before for pk in before[team] ^ after.get(team, set())}


def jobs_visible_to(user: Any) -> QuerySet[Job]:
    """Jobs the user may open: all for HR admins, else those they recruit or interview for."""
    jobs = Job.objects.all()
    if sees_all_jobs(user):
        return jobs
    if has_role(user, Role.RECRUITER, Role.INTERVIEWER):
        return jobs.filter(
            Q(recruiters=user) | Q(interviewers=user) | Q(created_by=user)
        ).distinct()
    return jobs.none()


def access_job(user: Any, job_id: int) -> Job:
    job = jobs_visible_to(user).filter(pk=job_id).first()
    if job is None:
        raise NotFoundOrForbidden("Job not found.")
    return job


# Who may open a new job: recruiters and HR (the creator becomes one of its recruiters).
JOB_CREATORS = (Role.RECRUITER, Role.HR_ADMIN, Role.ADMIN)


def may_create_job(user: Any) -> bool:
    return has_role(user, *JOB_CREATORS)


def check_may_create_job(user: Any) -> None:
    if not may_create_job(user):
        raise ActionNotAllowed(_("Your role may not create jobs."))


def may_manage_job(user: Any, job: Job) -> bool:
    """Recruiters on the job and HR admins change it and move its candidates."""
    if sees_all_jobs(user):
        return True
    return has_role(user, Role.RECRUITER) and (
        job.created_by_id == user.pk or job.recruiters.filter(pk=user.pk).exists()
    )


def check_may_manage_job(user: Any, job: Job) -> None:
    if not may_manage_job(user, job):
        raise ActionNotAllowed(_("Only the job's recruiters and HR may change this job."))


def check_profile(dimensions: list[DimensionSpec]) -> None:
    if not dimensions:
        raise InvalidProfile(_("A job needs at least one competency dimension."))
    names = [d.name.strip() for d in dimensions]
    if len(set(names)) != len(names):
        raise InvalidProfile(_("Two dimensions have the same name."))
    if sum(d.weight for d in dimensions) <= 0:
        raise InvalidProfile(_("The dimension weights must add up to more than zero."))


def do_create_job(
    *,
    organisation: Organisation,
    actor: Any,
    title: str,
    dimensions: list[DimensionSpec],
    **details: Any,
) -> Job:
    """Create a job with its profile; the creator becomes one of its recruiters."""
    check_may_create_job(actor)
    check_profile(dimensions)
    interviewers = details.pop("interviewers", [])
    with transaction.atomic():
        job = Job.objects.create(
            organisation=organisation, title=title, created_by=actor, **details
        )
        job.recruiters.add(actor)
        job.interviewers.set(interviewers)
        Dimension.objects.bulk_create(
            Dimension(job=job, position=i, **spec.__dict__) for i, spec in enumerate(dimensions)
        )
        record_event(type=EventType.JOB_CREATED, payload={"job_id": job.pk})
        do_audit(actor=actor, action=AuditAction.CREATE, object_type="job", object_id=job.pk)
    return job


def profile_weights(job: Job) -> dict[str, str]:
    """dimension name -> weight as text, the form a ProfileChange records."""
    return {d.name: str(d.weight) for d in job.dimensions.all()}


def do_update_profile(
    *,
    job: Job,
    actor: Any,
    weights: dict[int, Decimal],
    new_dimensions: list[DimensionSpec],
    reason: str,
) -> ProfileChange:
    """Change dimension weights and add custom dimensions (M11); reports are re-computed.

    The change is recorded (before and after, who, why) and audited; the assessment app
    re-computes the job's reports when the event is delivered.
    """
    check_may_manage_job(actor, job)
    current = list(job.dimensions.all())
    specs = [
        DimensionSpec(
            d.name, weights.get(d.pk, d.weight), d.anchor_low, d.anchor_mid, d.anchor_high
        )
        for d in current
    ] + new_dimensions
    check_profile(specs)
    if not new_dimensions and all(weights.get(d.pk, d.weight) == d.weight for d in current):
        raise InvalidProfile(_("Nothing was changed."))
    before = profile_weights(job)
    with transaction.atomic():
        for dimension in current:
            if dimension.pk in weights and weights[dimension.pk] != dimension.weight:
                dimension.weight = weights[dimension.pk]
                dimension.save(update_fields=["weight"])
        start = len(current)
        Dimension.objects.bulk_create(
            Dimension(job=job, position=start + i, **spec.__dict__)
            for i, spec in enumerate(new_dimensions)
        )
        change = ProfileChange.objects.create(
            job=job, actor=actor, reason=reason, before=before, after=profile_weights(job)
        )
        record_event(type=EventType.PROFILE_CHANGED, payload={"job_id": job.pk})
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="job_profile",
            object_id=job.pk,
            detail={"before": change.before, "after": change.after},
        )
    return change


OBSERVATION_WEIGHT_LABEL = "observation weight"  # its key in ProfileChange before/after


def do_set_observation_weight(
    *, job: Job, actor: Any, weight: Decimal, reason: str
) -> ProfileChange:
    """Give the delivery observations of recorded answers a share of the overall score.

    Zero by default (compliance.md: observations carry no weight unless HR enables one);
    every change is recorded like a profile change, audited, and re-computes the reports.
    """
    check_may_manage_job(actor, job)
    if not Decimal(0) <= weight <= Decimal("0.3"):
        raise InvalidProfile(_("The weight of observations must be between 0 and 0.3."))
    if not reason.strip():
        raise InvalidProfile(_("Please say why the weight of observations changes."))
    if weight == job.observation_weight:
        raise InvalidProfile(_("Nothing was changed."))
    before = {OBSERVATION_WEIGHT_LABEL: f"{job.observation_weight:.2f}"}
    with transaction.atomic():
        job.observation_weight = weight
        job.save(update_fields=["observation_weight"])
        change = ProfileChange.objects.create(
            job=job,
            actor=actor,
            reason=reason,
            before=before,
            after={OBSERVATION_WEIGHT_LABEL: f"{weight:.2f}"},
        )
        record_event(type=EventType.PROFILE_CHANGED, payload={"job_id": job.pk})
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="job_observation_weight",
            object_id=job.pk,
            detail={"before": change.before, "after": change.after, "reason": reason},
        )
    return change


def accepts_candidates(job: Job) -> bool:
    """Whether the job takes new resumes and sends new invitations (it is not closed)."""
    return job.status != JobStatus.CLOSED


def check_job_accepts_candidates(job: Job) -> None:
    """Called by the doors that add candidates to a job: uploads and invitations."""
    if not accepts_candidates(job):
        raise JobClosed(
            _(
                "%(job)s is closed: it takes no new resumes and sends no new invitations. "
                "A recruiter of the job or HR can reopen it."
            )
            % {"job": job.title}
        )
