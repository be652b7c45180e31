"""Uploads within bounds: zips whose entries share data, the expanded-size cap, file names,
and uploads that are streamed to disk rather than read whole."""

import io
import os
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse
from django.utils import translation

from hireloop.candidates.models import Application, ResumeFile
from hireloop.screening.bulk import (
    ArchiveRefused,
    do_expand_zip,
    do_receive_files,
    do_receive_zip,
    read_member,
)
from hireloop.screening.enums import BatchStatus
from hireloop.screening.models import UploadBatch
from hireloop.screening.services import ResumeRejected, clean_filename, do_intake_resume
from hireloop.testing.factories import PASSWORD

from .test_bulk import ZH_RESUME, good_members, make_zip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


def repeated_entries_zip(data: bytes, copies: int) -> bytes:
    """One compressed member, listed ``copies`` times in the central directory: every entry
    points at the same local header and data (the testers' 408 KB → 320 MB archive)."""
    single = make_zip({"cv.txt": data})
    eocd_at = single.rindex(b"PK\x05\x06")
    (cd_size, cd_offset) = struct.unpack("<II", single[eocd_at + 12 : eocd_at + 20])
    central = single[cd_offset : cd_offset + cd_size]
    eocd = bytearray(single[eocd_at : eocd_at + 22])
    struct.pack_into("<HHII", eocd, 8, copies, copies, cd_size * copies, cd_offset)
    return single[:cd_offset] + central * copies + bytes(eocd)


def overlapping_entries_zip() -> bytes:
    """Two members where the second's local header lies inside the first's compressed data."""
    inner = make_zip({"b.txt": ZH_RESUME.encode()}, compression=zipfile.ZIP_STORED)
    inner_cd = inner.rindex(b"PK\x01\x02")
    # The first member stores the second's local header and data as its own content.
    outer = make_zip({"a.txt": inner[:inner_cd]}, compression=zipfile.ZIP_STORED)
    outer_cd = outer.rindex(b"PK\x01\x02")
    eocd_at = outer.rindex(b"PK\x05\x06")
    first_entry = outer[outer_cd:eocd_at]
    header_of_second = 30 + len(b"a.txt")  # where a.txt's data (b.txt's header) begins
    second_entry = bytearray(inner[inner_cd : inner.rindex(b"PK\x05\x06")])
    struct.pack_into("<I", second_entry, 42, header_of_second)
    central = first_entry + bytes(second_entry)
    eocd = bytearray(outer[eocd_at : eocd_at + 22])
    struct.pack_into("<HHII", eocd, 8, 2, 2, len(central), outer_cd)
    return outer[:outer_cd] + central + bytes(eocd)


@pytest.mark.parametrize(
    "archive", [repeated_entries_zip(b"Python developer\n" * 20000, 30), overlapping_entries_zip()]
)
def test_a_zip_whose_entries_share_data_is_refused_at_upload(job, recruiter, archive):  # type: ignore[no-untyped-def]
    assert len(zipfile.ZipFile(io.BytesIO(archive)).infolist()) >= 2  # zipfile lists them all
    with pytest.raises(ArchiveRefused, match="share the same compressed data"):
        do_receive_zip(job=job, filename="bomb.zip", data=archive, actor=recruiter)
    assert not UploadBatch.objects.exists()


def test_the_worker_refuses_a_stored_zip_whose_entries_share_data(job, recruiter):  # type: ignore[no-untyped-def]
    batch = do_receive_zip(
        job=job, filename="ok.zip", data=make_zip(good_members()), actor=recruiter
    )
    bomb = repeated_entries_zip(b"Python developer\n" * 20000, 30)
    batch.archive.delete(save=False)
    batch.archive.save(batch.token, io.BytesIO(bomb), save=True)  # type: ignore[arg-type]
    do_expand_zip(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED
    assert "share the same compressed data" in batch.error_text()
    assert not Application.objects.exists()


def test_the_page_says_why_a_bomb_was_refused(client, job, recruiter):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    bomb = repeated_entries_zip(b"Python developer\n" * 20000, 30)
    response = client.post(
        reverse("web:job_upload", args=[job.pk]),
        {"resumes": [SimpleUploadedFile("bomb.zip", bomb)]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "share the same compressed data" in response.content.decode()
    with translation.override("zh-hans"), pytest.raises(ArchiveRefused, match="压缩数据"):
        do_receive_zip(job=job, filename="bomb.zip", data=bomb, actor=recruiter)


def test_an_archive_that_would_expand_beyond_the_cap_is_refused(job, recruiter, settings):  # type: ignore[no-untyped-def]
    members = {"a.txt": b"a" * 3000, "b.txt": b"b" * 3000}
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 5000
    with pytest.raises(ArchiveRefused, match="expands to more than"):
        do_receive_zip(job=job, filename="big.zip", data=make_zip(members), actor=recruiter)
    # A cap lowered after the upload is applied by the worker too.
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 10_000
    batch = do_receive_zip(job=job, filename="big.zip", data=make_zip(members), actor=recruiter)
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 5000
    do_expand_zip(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED and "expands to more than" in batch.error_text()


def test_the_bytes_read_count_against_the_cap_not_the_declared_sizes(job, recruiter):  # type: ignore[no-untyped-def]
    archive = zipfile.ZipFile(io.BytesIO(make_zip({"a.txt": b"a" * 3000})))
    (info,) = archive.infolist()
    info.file_size = 10  # a header that lies
    with pytest.raises((ArchiveRefused, ResumeRejected)):
        read_member(archive, info, budget=100)
    info.file_size = 3000
    with pytest.raises(ArchiveRefused, match="expands to more than"):
        read_member(archive, info, budget=2999)
    assert read_member(archive, info, budget=3000) == b"a" * 3000


def test_expansion_stops_at_the_cap_and_keeps_what_it_stored(job, recruiter, settings, monkeypatch):  # type: ignore[no-untyped-def]
    import hireloop.screening.bulk as bulk

    members = {"a.txt": ZH_RESUME.encode() + b"a" * 2000, "b.txt": ZH_RESUME.encode() + b"b" * 2000}
    batch = do_receive_zip(job=job, filename="two.zip", data=make_zip(members), actor=recruiter)
    settings.BULK_UPLOAD_MAX_EXPANDED_BYTES = 3000
    # As if the declared sizes had passed: the reads themselves must stop at the cap.
    monkeypatch.setattr(
        bulk, "resume_members", lambda archive, **kwargs: list(enumerate(archive.infolist()))
    )
    do_expand_zip(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.EXPANDED and batch.items.count() == 1
    assert any("The archive expands to more than" in r for r in batch.rejected_texts())


def test_uploads_are_read_from_temporary_files_not_memory(settings) -> None:  # type: ignore[no-untyped-def]
    from django.conf import settings as live

    assert live.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert "django.core.files.uploadhandler.TemporaryFileUploadHandler" in live.FILE_UPLOAD_HANDLERS


def test_a_zip_upload_is_sealed_from_its_temporary_file_in_chunks(job, recruiter, monkeypatch):  # type: ignore[no-untyped-def]
    data = make_zip({**good_members(), "scan.pdf": os.urandom(3 * 1024 * 1024)})
    upload = TemporaryUploadedFile("round.zip", "application/zip", len(data), None)
    upload.write(data)
    upload.seek(0)

    reads: list[int] = []
    real_read = upload.file.read

    def counting_read(size=-1):  # type: ignore[no-untyped-def]
        data = real_read(size)
        reads.append(len(data))
        return data

    monkeypatch.setattr(upload.file, "read", counting_read)
    batch = do_receive_zip(job=job, filename="round.zip", data=upload, actor=recruiter)
    # zipfile reads the end records; the storage reads 1 MiB chunks: never the whole file.
    assert reads and max(reads) <= 1024 * 1024
    with batch.archive.open("rb") as stored:
        assert stored.read() == data


def test_an_oversized_file_is_refused_before_it_is_read(job, recruiter, settings):  # type: ignore[no-untyped-def]
    settings.RESUME_MAX_BYTES = 100

    class NeverRead(io.BytesIO):
        size = 10_000

        def read(self, *args):  # type: ignore[no-untyped-def]
            raise AssertionError("read")

    batch = do_receive_files(job=job, files=[("big.pdf", NeverRead(), "")], actor=recruiter)
    assert batch.rejected_texts() == ["big.pdf is larger than the 0 MB limit."]


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        ("resume\u202efdp.exe", "resumefdp.exe"),
        ("\u2066cv\u2069 \u200e张伟\u200f.pdf", "cv 张伟.pdf"),
        ("cv\x00\x1b[31m.pdf", "cv[31m.pdf"),
        ("\u202aa\u202bb\u202cc\u202dd\u2067e\u2068.txt", "abcde.txt"),
    ],
)
def test_control_and_direction_characters_are_removed_from_file_names(uploaded, kept) -> None:  # type: ignore[no-untyped-def]
    assert clean_filename(uploaded) == kept


@pytest.mark.parametrize(
    ("uploaded", "message"),
    [("\u202e\u200f ", "has no usable name"), ("a" * 201 + ".pdf", "longer than 200 characters")],
)
def test_empty_or_over_long_file_names_get_a_clear_message(job, recruiter, uploaded, message):  # type: ignore[no-untyped-def]
    with pytest.raises(ResumeRejected, match=message):
        do_intake_resume(job=job, filename=uploaded, data=ZH_RESUME.encode(), actor=recruiter)
    assert not ResumeFile.objects.exists()


def test_names_inside_a_zip_and_on_the_page_are_cleaned(client, job, recruiter):  # type: ignore[no-untyped-def]
    archive = make_zip({"cvs/evil\u202etxt.exe": ZH_RESUME.encode()})
    batch = do_receive_zip(job=job, filename="r\u202eound.zip", data=archive, actor=recruiter)
    do_expand_zip(batch_id=batch.pk)
    assert batch.archive_name == "round.zip"
    assert ResumeFile.objects.get().original_name == "eviltxt.exe"
    client.login(username=recruiter.username, password=PASSWORD)
    client.post(
        reverse("web:job_upload", args=[job.pk]),
        {"resumes": [SimpleUploadedFile("a\u202eb.txt", ZH_RESUME.encode() + b" more")]},
    )
    assert set(ResumeFile.objects.values_list("original_name", flat=True)) == {
        "eviltxt.exe",
        "ab.txt",
    }
    with translation.override("zh-hans"), pytest.raises(ResumeRejected) as refused:
        clean_filename("\u202e")
    assert "文件" in str(refused.value)
