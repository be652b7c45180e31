"""Fixtures shared by every app's tests."""

import pytest

from hireloop.testing.factories import (
    ApplicationFactory,
    OrganisationFactory,
    UserFactory,
    staffed_job,
)
from hireloop.workflow.worker import run_queued_tasks


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test stores uploads and audit checkpoints in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The audit log's checkpoints go to the test's own file, never the machine's.
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.log"
    # Tests log in HR administrators with a password only; accounts/tests/test_logins.py
    # checks the production rule (two-factor login required for these roles) itself.
    settings.TWO_FACTOR_REQUIRED_ROLES = ()


@pytest.fixture
def run_worker():  # type: ignore[no-untyped-def]
    """Run the real database task worker until the queue is empty."""

    return run_queued_tasks


@pytest.fixture
def organisation(db):  # type: ignore[no-untyped-def]
    return OrganisationFactory()


@pytest.fixture
def recruiter(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="recruiter", role="recruiter")


@pytest.fixture
def interviewer(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="interviewer", role="interviewer")


@pytest.fixture
def other_interviewer(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="other_interviewer", role="interviewer")


@pytest.fixture
def hr_admin(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="hr_admin", role="hr_admin")


@pytest.fixture
def auditor(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="auditor", role="auditor")


@pytest.fixture
def job(organisation, recruiter, interviewer):  # type: ignore[no-untyped-def]
    return staffed_job(organisation=organisation, recruiter=recruiter, interviewer=interviewer)


@pytest.fixture
def application(job):  # type: ignore[no-untyped-def]
    return ApplicationFactory(job=job)
