"""Managing a job after its creation: editing its requirements, closing and reopening it."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from hireloop.accounts.models import User
from hireloop.errors import ActionNotAllowed
from hireloop.jobs.changes import InvalidJobChange, do_close_job, do_reopen_job, do_update_job
from hireloop.jobs.enums import JobChangeKind, JobStatus
from hireloop.jobs.models import JobChange
from hireloop.jobs.services import JobClosed, check_job_accepts_candidates
from hireloop.org.models import Department, Organisation
from hireloop.privacy.models import AuditEntry
from hireloop.workflow.enums import EventType
from hireloop.workflow.models import OutboxEvent

pytestmark = pytest.mark.django_db

NEW_REQUIREMENTS = {"must_have_keywords": ["customer service"], "min_degree": 0}


def _refusers(request) -> list:  # type: ignore[no-untyped-def]
    """Everyone who sees or could see the job but may not manage it."""
    rec_off = User.objects.create(username="rec_off")
    rec_off.groups.add(Group.objects.get(name="recruiter"))
    return [request.getfixturevalue("interviewer"), request.getfixturevalue("auditor"), rec_off]


def test_only_the_jobs_recruiters_and_hr_edit_close_or_reopen_it(job, request) -> None:  # type: ignore[no-untyped-def]
    refusers = _refusers(request)
    for person in refusers:
        with pytest.raises(ActionNotAllowed):
            do_update_job(job=job, actor=person, reason="x", changes=NEW_REQUIREMENTS)
        with pytest.raises(ActionNotAllowed):
            do_close_job(job=job, actor=person)
    do_close_job(job=job, actor=request.getfixturevalue("hr_admin"))
    for person in refusers:
        with pytest.raises(ActionNotAllowed):
            do_reopen_job(job=job, actor=person)
    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED and job.must_have_keywords == ["Python"]
    assert JobChange.objects.filter(kind=JobChangeKind.REQUIREMENTS).count() == 0


def test_editing_requirements_is_recorded_audited_and_asks_for_a_rescreen(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    change = do_update_job(
        job=job,
        actor=recruiter,
        reason="We hire for the service desk now.",
        changes={**NEW_REQUIREMENTS, "title": job.title, "min_years": job.min_years},
    )
    job.refresh_from_db()
    assert job.must_have_keywords == ["customer service"] and job.min_degree == 0
    assert job.requirements_revision == 2
    # Only what changed is recorded, before and after.
    assert change.kind == JobChangeKind.REQUIREMENTS and change.actor == recruiter
    assert change.before == {"must_have_keywords": ["Python"], "min_degree": 3}
    assert change.after == {"must_have_keywords": ["customer service"], "min_degree": 0}
    entry = AuditEntry.objects.get(object_type="job_requirements", object_id=str(job.pk))
    assert entry.detail["after"] == change.after
    assert entry.detail["reason"] == "We hire for the service desk now."
    event = OutboxEvent.objects.get(type=EventType.REQUIREMENTS_CHANGED)
    assert event.payload == {"job_id": job.pk, "revision": 2}


def test_a_change_screening_does_not_read_keeps_the_scores(job, recruiter, organisation) -> None:  # type: ignore[no-untyped-def]
    sales = Department.objects.create(organisation=organisation, name="销售部", name_en="Sales")
    change = do_update_job(job=job, actor=recruiter, reason="Moved", changes={"department": sales})
    job.refresh_from_db()
    # Both names are kept: the record reads in each reader's language.
    assert job.department == sales
    assert change.after == {"department": {"name": "销售部", "name_en": "Sales"}}
    assert job.requirements_revision == 1
    assert not OutboxEvent.objects.filter(type=EventType.REQUIREMENTS_CHANGED).exists()


def test_an_edit_needs_a_reason_a_change_and_a_department_of_the_organisation(
    job, recruiter
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidJobChange):
        do_update_job(job=job, actor=recruiter, reason="  ", changes=NEW_REQUIREMENTS)
    with pytest.raises(InvalidJobChange):
        do_update_job(job=job, actor=recruiter, reason="x", changes={"title": job.title})
    elsewhere = Department.objects.create(
        organisation=Organisation.objects.create(name="其他公司"), name="其他"
    )
    with pytest.raises(InvalidJobChange):
        do_update_job(job=job, actor=recruiter, reason="x", changes={"department": elsewhere})
    with pytest.raises(ValueError, match="status"):
        do_update_job(job=job, actor=recruiter, reason="x", changes={"status": "closed"})
    assert not JobChange.objects.exists()


def test_closing_and_reopening_are_recorded_and_audited(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    check_job_accepts_candidates(job)
    do_close_job(job=job, actor=recruiter, reason="Position filled")
    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED
    with translation.override("en"), pytest.raises(JobClosed, match="is closed"):
        check_job_accepts_candidates(job)
    with pytest.raises(InvalidJobChange):
        do_close_job(job=job, actor=recruiter)
    do_reopen_job(job=job, actor=recruiter)
    job.refresh_from_db()
    assert job.status == JobStatus.OPEN
    check_job_accepts_candidates(job)
    with pytest.raises(InvalidJobChange):
        do_reopen_job(job=job, actor=recruiter)
    kinds = list(JobChange.objects.order_by("id").values_list("kind", "reason"))
    assert kinds == [(JobChangeKind.CLOSED, "Position filled"), (JobChangeKind.REOPENED, "")]
    audited = AuditEntry.objects.filter(object_type="job_status").order_by("id")
    assert [(e.detail["before"], e.detail["after"]) for e in audited] == [
        ("open", "closed"),
        ("closed", "open"),
    ]
