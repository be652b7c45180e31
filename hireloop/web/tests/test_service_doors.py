"""The services that change a job refuse whoever may not manage it, not only the pages:
a view and a service ask the same rule (jobs.services.check_may_manage_job)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hireloop.errors import ActionNotAllowed
from hireloop.interviews.services import do_extend_deadline, do_invite, do_update_plan, ensure_plan
from hireloop.jobs.services import do_set_observation_weight, do_update_profile
from hireloop.screening.bulk import do_receive_files, do_receive_zip
from hireloop.testing.factories import ApplicationFactory, DimensionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _attempts(application):  # type: ignore[no-untyped-def]
    job = application.job
    return {
        "invite": lambda actor: do_invite(application=application, actor=actor),
        "plan": lambda actor: do_update_plan(
            plan=ensure_plan(job), actor=actor, question_ids=[], pacing={}
        ),
        "profile": lambda actor: do_update_profile(
            job=job, actor=actor, weights={}, new_dimensions=[], reason="x"
        ),
        "observation weight": lambda actor: do_set_observation_weight(
            job=job, actor=actor, weight=Decimal("0.1"), reason="x"
        ),
        "files": lambda actor: do_receive_files(
            job=job, files=[("cv.txt", b"Python developer", "text/plain")], actor=actor
        ),
        "zip": lambda actor: do_receive_zip(job=job, filename="cvs.zip", data=b"PK", actor=actor),
    }


@pytest.mark.parametrize(
    "action", ["invite", "plan", "profile", "observation weight", "files", "zip"]
)
@pytest.mark.parametrize("role", ["interviewer", "recruiter", "auditor"])
def test_who_may_not_manage_the_job_is_refused_by_the_service(action, role) -> None:  # type: ignore[no-untyped-def]
    application = ApplicationFactory()
    DimensionFactory(job=application.job)
    outsider = UserFactory(role=role)  # a recruiter, but not on this job
    if role == "interviewer":
        application.job.interviewers.add(outsider)  # on the job, yet not its manager
    with pytest.raises(ActionNotAllowed):
        _attempts(application)[action](outsider)
    assert not application.job.upload_batches.exists()
    application.refresh_from_db()
    assert application.stage == "applied"


def test_the_jobs_recruiter_may_invite_and_extend_but_an_outsider_may_not_extend() -> None:
    application = ApplicationFactory()
    DimensionFactory(job=application.job)
    recruiter = UserFactory(role="recruiter")
    application.job.recruiters.add(recruiter)
    session = do_invite(application=application, actor=recruiter)
    later = timezone.now() + timedelta(days=30)
    with pytest.raises(ActionNotAllowed):
        do_extend_deadline(session=session, deadline=later, actor=UserFactory(role="recruiter"))
    do_extend_deadline(session=session, deadline=later, actor=recruiter)
    session.refresh_from_db()
    assert session.deadline == later
