"""Fixtures shared by every app's tests."""

import pytest
from django.utils import translation

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
    # Django's advice for test suites: a fast hasher. The production one (PBKDF2, 1,000,000
    # rounds) costs 0.2 s per test user created and per login;
    # test_production_passwords_use_a_slow_hash checks the product's setting.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # for users a real server logs in
    ]


@pytest.fixture(autouse=True)
def _default_language():  # type: ignore[no-untyped-def]
    """A test starts in the default language: the test client leaves the language of its last
    request active in the thread, which the next test on that worker would inherit."""
    translation.deactivate()
    yield
    translation.deactivate()


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
