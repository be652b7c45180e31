"""Bulk upload: several files or a zip, expanded by the real worker, with progress."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from hireloop.candidates.models import Application, ResumeFile
from hireloop.resumes.fields import parse_resume_text
from hireloop.screening.bulk import (
    batch_progress,
    do_expand_zip,
    do_receive_files,
    do_receive_zip,
)
from hireloop.screening.enums import BatchStatus
from hireloop.screening.models import UploadBatch
from hireloop.screening.services import ResumeRejected
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.dump import raw_database_dump
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """The refusal sentences are checked in English (the default language is Chinese)."""
    with translation.override("en"):
        yield


ZH_RESUME = (
    "张伟\n电话：13800001111\n本科 计算机科学 2015-2019\n"
    "2019.07-至今 后端工程师 Python SQL 团队协作"
)


def make_zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_members() -> dict[str, bytes]:
    return {
        "cvs/alice.pdf": pdf_bytes(STRONG_EN_RESUME),
        "cvs/bob.docx": docx_bytes(WEAK_EN_RESUME),
        "cvs/张伟.txt": ZH_RESUME.encode(),
        "__MACOSX/cvs/._alice.pdf": b"\x00\x05\x16\x07",
        "cvs/": b"",
    }


def test_a_zip_becomes_one_application_per_resume(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    members = good_members()
    members["cvs/empty.pdf"] = b""
    members["cvs/bomb.txt"] = b"0" * 5_000_000  # 5 MB of zeros deflate to ~5 KB
    batch = do_receive_zip(job=job, filename="round-1.zip", data=make_zip(members), actor=recruiter)
    assert batch.archive and batch.status == BatchStatus.RECEIVED
    run_worker()  # expands the zip, then reads and screens each resume
    batch.refresh_from_db()
    assert batch.status == BatchStatus.EXPANDED and not batch.archive  # no second copy kept
    assert Application.objects.filter(job=job).count() == 3
    assert set(ResumeFile.objects.values_list("status", flat=True)) == {"parsed"}
    assert len(batch.rejected) == 2
    refusals = batch.rejected_texts()  # in the reader's language, here English
    assert any("empty.pdf is empty" in r for r in refusals)
    assert any("bomb.txt" in r and "zip bomb" in r for r in refusals)
    (progress,) = batch_progress([batch])
    assert (progress.total, progress.parsed, progress.failed, progress.pending) == (3, 3, 0, 0)
    assert progress.is_finished and progress.percent == 100
    assert "bomb.txt" not in raw_database_dump()  # refusals name files: stored encrypted


def test_expansion_resumes_after_a_worker_died_half_way(job, recruiter, monkeypatch):  # type: ignore[no-untyped-def]
    batch = do_receive_zip(
        job=job, filename="all.zip", data=make_zip(good_members()), actor=recruiter
    )
    real_open = zipfile.ZipFile.open
    calls = {"n": 0}

    def dies_on_the_third_member(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the process is stopped here, mid-archive
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", dies_on_the_third_member)
    with pytest.raises(KeyboardInterrupt):
        do_expand_zip(batch_id=batch.pk)
    assert batch.items.count() == 2
    monkeypatch.setattr(zipfile.ZipFile, "open", real_open)
    do_expand_zip(batch_id=batch.pk)
    do_expand_zip(batch_id=batch.pk)  # a duplicate task changes nothing
    assert sorted(batch.items.values_list("position", flat=True)) == [0, 1, 2]
    assert Application.objects.filter(job=job).count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 truncated", "not a readable zip archive"),
        (b"just text", "not a readable zip archive"),
    ],
)
def test_an_unreadable_archive_is_refused_at_once(job, recruiter, data, message):  # type: ignore[no-untyped-def]
    with pytest.raises(ResumeRejected, match=message):
        do_receive_zip(job=job, filename="x.zip", data=data, actor=recruiter)
    assert not UploadBatch.objects.exists()


def test_too_many_files_fail_the_batch_with_a_reason(job, recruiter, settings, run_worker):  # type: ignore[no-untyped-def]
    settings.BULK_UPLOAD_MAX_FILES = 2
    with pytest.raises(ResumeRejected, match="holds 3 files; at most 2"):
        do_receive_zip(job=job, filename="big.zip", data=make_zip(good_members()), actor=recruiter)
    # The worker checks again (the limit may have changed since the upload).
    settings.BULK_UPLOAD_MAX_FILES = 20000
    batch = do_receive_zip(
        job=job, filename="big.zip", data=make_zip(good_members()), actor=recruiter
    )
    settings.BULK_UPLOAD_MAX_FILES = 2
    run_worker()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED and "holds 3 files; at most 2" in batch.error_text()
    assert not Application.objects.exists() and not batch.archive


def test_an_archive_over_the_limit_is_refused(job, recruiter, settings):  # type: ignore[no-untyped-def]
    settings.BULK_UPLOAD_MAX_BYTES = 100
    with pytest.raises(ResumeRejected, match="limit for an archive"):
        do_receive_zip(job=job, filename="big.zip", data=make_zip(good_members()), actor=recruiter)


def test_an_oversized_member_is_refused_even_if_its_header_lies(job, recruiter, settings):  # type: ignore[no-untyped-def]
    settings.RESUME_MAX_BYTES = 1000
    data = make_zip(
        {"a.txt": b"x" * 5000, "b.txt": ZH_RESUME.encode()}, compression=zipfile.ZIP_STORED
    )
    batch = do_receive_zip(job=job, filename="z.zip", data=data, actor=recruiter)
    do_expand_zip(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.items.count() == 1 and "a.txt is larger than" in batch.rejected_texts()[0]


def test_several_files_are_one_batch_and_refusals_are_listed(job, recruiter):  # type: ignore[no-untyped-def]
    batch = do_receive_files(
        job=job,
        files=[("a.pdf", pdf_bytes(STRONG_EN_RESUME), ""), ("b.pdf", b"", "")],
        actor=recruiter,
    )
    assert batch.items.count() == 1 and batch.rejected_texts() == ["b.pdf is empty."]


def test_the_job_page_shows_progress_and_polls_until_done(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    upload = SimpleUploadedFile("round.zip", make_zip(good_members()))
    response = client.post(reverse("web:job_upload", args=[job.pk]), {"resumes": [upload]})
    assert response.status_code == 302
    page = client.get(reverse("web:job_detail", args=[job.pk])).content.decode()
    assert 'data-testid="upload-progress"' in page and 'hx-trigger="every 1s"' in page
    polled = client.get(reverse("web:job_upload_progress", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in polled.headers  # still unpacking: keep polling
    run_worker()
    polled = client.get(reverse("web:job_upload_progress", args=[job.pk]), HTTP_HX_REQUEST="true")
    fragment = polled.content.decode()
    assert "100%" in fragment and "hx-trigger" not in fragment  # finished: polling stops
    assert polled.headers["HX-Refresh"] == "true"  # and the page reloads its ranking


def test_progress_is_only_for_people_on_the_job(client, job, other_interviewer):  # type: ignore[no-untyped-def]
    url = reverse("web:job_upload_progress", args=[job.pk])
    assert client.get(url).status_code == 302
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 404


def test_a_batch_is_read_by_one_task_through_the_sandbox_pool(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    from django_tasks_db.models import DBTaskResult

    files = [
        ("alice.pdf", pdf_bytes(STRONG_EN_RESUME), ""),
        ("bob.docx", docx_bytes(WEAK_EN_RESUME), ""),
        ("zhang.txt", ZH_RESUME.encode(), ""),
        ("broken.pdf", b"%PDF-1.7 truncated", ""),
    ]
    batch = do_receive_files(job=job, files=files, actor=recruiter)
    run_worker()
    paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths.count("hireloop.screening.tasks.parse_batch") == 1
    assert "hireloop.screening.tasks.parse_and_screen" not in paths
    by_name = {r.original_name: r for r in ResumeFile.objects.all()}
    assert {name: r.status for name, r in by_name.items()} == {
        "alice.pdf": "parsed",
        "bob.docx": "parsed",
        "zhang.txt": "parsed",
        "broken.pdf": "failed",
    }
    assert "broken.pdf" in by_name["broken.pdf"].error_text()
    # Parsed in the pool's children, taggers included: the fields a single upload gets.
    for name in ("alice.pdf", "bob.docx", "zhang.txt"):
        resume = by_name[name]
        stored = {key: value for key, value in resume.parsed.items() if key != "integrity"}
        assert stored == parse_resume_text(resume.text, known_skills=job.skills).to_dict()
    alice = by_name["alice.pdf"].application
    assert alice.match_explanation["rank"] == 1  # ranked with the others by rescreen_job
    (progress,) = batch_progress([batch])
    assert (progress.parsed, progress.failed, progress.pending) == (3, 1, 0)


def test_a_batch_read_stopped_half_way_goes_on_where_it_stopped(job, recruiter, monkeypatch):  # type: ignore[no-untyped-def]
    from hireloop.screening import services
    from hireloop.screening.bulk import do_parse_batch

    files = [(f"{name}.txt", ZH_RESUME.replace("张伟", name).encode(), "") for name in "ABC"]
    batch = do_receive_files(job=job, files=files, actor=recruiter)
    real_store, stored = services._store_reading, []

    def stops_at_the_second(resume, extraction):  # type: ignore[no-untyped-def]
        if len(stored) == 1:
            raise KeyboardInterrupt  # the worker is stopped here, mid-batch
        stored.append(resume.original_name)
        real_store(resume, extraction)

    monkeypatch.setattr(services, "_store_reading", stops_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        do_parse_batch(batch_id=batch.pk)
    assert ResumeFile.objects.filter(status="parsed").count() == 1
    monkeypatch.setattr(services, "_store_reading", real_store)
    assert do_parse_batch(batch_id=batch.pk) == 2  # only the two still waiting
    assert do_parse_batch(batch_id=batch.pk) == 0  # a duplicate task changes nothing
    assert set(ResumeFile.objects.values_list("status", flat=True)) == {"parsed"}
