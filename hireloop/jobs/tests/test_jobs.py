"""Who may create a job: one rule, used by the page and the service alike."""

from decimal import Decimal

import pytest

from hireloop.errors import ActionNotAllowed
from hireloop.jobs.services import DimensionSpec, do_create_job, may_create_job

pytestmark = pytest.mark.django_db

DIMENSION = DimensionSpec(
    name="teamwork", weight=Decimal(100), anchor_low="alone", anchor_mid="some", anchor_high="team"
)


@pytest.mark.parametrize("role", ["interviewer", "auditor"])
def test_only_recruiters_and_hr_create_jobs_even_through_the_service(organisation, role, request):  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    assert not may_create_job(user)
    with pytest.raises(ActionNotAllowed):
        do_create_job(organisation=organisation, actor=user, title="x", dimensions=[DIMENSION])


def test_a_recruiter_creates_a_job_and_recruits_for_it(organisation, recruiter) -> None:  # type: ignore[no-untyped-def]
    job = do_create_job(
        organisation=organisation, actor=recruiter, title="Analyst", dimensions=[DIMENSION]
    )
    assert list(job.recruiters.all()) == [recruiter]
