"""Reasons stored as sentences before they were codes stay readable, word for word, and move
out of the plain columns into the encrypted parameters."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hireloop.candidates.models import ResumeFile
from hireloop.screening.models import UploadBatch
from hireloop.testing.dump import raw_database_dump

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("candidates", "0006_search_terms"), ("screening", "0001_initial")]


def latest() -> list[tuple[str, str]]:
    """Every app's last migration. Going back to BEFORE unapplies every app that depends on
    candidates (notify, integrations…): coming back only to candidates' next migration would
    leave their tables missing for every later test on this database."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(targets: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_sentences_stored_before_codes_stay_readable(application) -> None:  # type: ignore[no-untyped-def]
    old = migrate(BEFORE)
    try:
        resume = old.get_model("candidates", "ResumeFile").objects.create(
            application_id=application.pk,
            original_name="cv.pdf",
            size=1,
            sha256="0" * 64,
            status="failed",
            error="“cv.pdf” is password-protected; ask the candidate for an unprotected copy.",
        )
        batch = old.get_model("screening", "UploadBatch").objects.create(
            job_id=application.job_id,
            token="t" * 32,
            archive_name="round.zip",
            status="failed",
            error="round.zip holds 3 files; at most 2 are read from one archive.",
            rejected=["empty.pdf 是空文件。"],
        )
    finally:
        migrate(latest())
    resume = ResumeFile.objects.get(pk=resume.pk)
    assert resume.error_code == "legacy"
    assert resume.error_text().startswith("“cv.pdf” is password-protected")
    batch = UploadBatch.objects.get(pk=batch.pk)
    assert batch.error_text() == "round.zip holds 3 files; at most 2 are read from one archive."
    assert batch.rejected_texts() == ["empty.pdf 是空文件。"]
    assert "password-protected" not in raw_database_dump()  # now in the encrypted parameters


def test_migrating_back_writes_the_english_sentences(application) -> None:  # type: ignore[no-untyped-def]
    resume = ResumeFile.objects.create(
        application=application,
        original_name="cv.pdf",
        size=1,
        sha256="0" * 64,
        status="failed",
        error_code="pdf_password",
        error_params={"name": "cv.pdf"},
    )
    batch = UploadBatch.objects.create(
        job_id=application.job_id,
        token="t" * 32,
        status="failed",
        error_code="expands_too_far",
        error_params={"name": "", "limit": 5},
        rejected=[{"code": "empty", "params": {"name": "b.pdf"}}],
    )
    try:
        old = migrate(BEFORE)
        old_resume = old.get_model("candidates", "ResumeFile").objects.get(pk=resume.pk)
        old_batch = old.get_model("screening", "UploadBatch").objects.get(pk=batch.pk)
    finally:
        migrate(latest())
    assert old_resume.error.startswith("“cv.pdf” is password-protected")
    assert old_batch.error.startswith("The archive expands to more than 5 MB")
    assert old_batch.rejected == ["b.pdf is empty."]


def test_every_app_is_migrated_again_afterwards(application) -> None:  # type: ignore[no-untyped-def]
    """The database is left as every other test expects it: nothing left to apply."""
    try:
        migrate(BEFORE)
    finally:
        migrate(latest())
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
