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
    # Django's advice for test suites: a fast hasher. The production one (PBKDF2, 1,000,000
    # rounds) costs 0.2 s per test user created and per login, which was a fifth of the
    # suite; test_production_passwords_use_a_slow_hash checks the real setting.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # for users a real server logs in
    ]


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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Under `-n 2 --dist loadgroup`, keep each module's tests on one worker (unless they
    name a group of their own), so that a module-scoped fixture (a sandbox pool over the
    hostile corpus, analysed videos, the route matrix's objects) is built once, not once per
    worker: measured, those set-ups cost up to 27 s each."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
