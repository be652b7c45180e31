"""What the worker writes about an upload (a file it could not read, a refused file, a failed
archive) is stored as codes and shown in each reader's language, not in the worker's."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from hireloop.candidates.models import ResumeFile
from hireloop.screening.bulk import do_receive_zip
from hireloop.screening.enums import BatchStatus
from hireloop.screening.reasons import REJECTIONS, THE_ARCHIVE
from hireloop.screening.services import do_intake_resume
from hireloop.testing.documents import STRONG_EN_RESUME, pdf_bytes
from hireloop.testing.factories import PASSWORD

from .test_bulk import good_members, make_zip

pytestmark = pytest.mark.django_db(transaction=True)
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"%\((\w+)\)")


def pages(client, url: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The page as a Chinese reader and as an English reader get it."""
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    return chinese, english


def test_a_resume_the_english_worker_could_not_read_reads_in_each_readers_language(
    client, job, recruiter, run_worker
):  # type: ignore[no-untyped-def]
    with translation.override("en"):  # the worker's language
        resume = do_intake_resume(
            job=job, filename="cv.pdf", data=b"%PDF-1.7 truncated", actor=recruiter
        )
        run_worker()
    resume = ResumeFile.objects.get(pk=resume.pk)
    assert (resume.status, resume.error_code) == ("failed", "pdf_damaged")
    client.login(username=recruiter.username, password=PASSWORD)
    chinese, english = pages(
        client, reverse("web:application_detail", args=[resume.application_id])
    )
    assert "“cv.pdf”是已损坏的 PDF，无法打开，请让候选人重新导出。" in chinese
    assert "damaged PDF" not in chinese
    assert (
        escape(
            "“cv.pdf” is a damaged PDF that cannot be opened; ask the candidate to re-export it."
        )
        in english
    )


def test_a_failed_archive_and_a_refused_file_read_in_each_readers_language(
    client, job, recruiter, run_worker, settings
):  # type: ignore[no-untyped-def]
    with translation.override("en"):
        refusing = do_receive_zip(
            job=job,
            filename="round.zip",
            data=make_zip({"alice.pdf": pdf_bytes(STRONG_EN_RESUME), "cvs/empty.pdf": b""}),
            actor=recruiter,
        )
        failing = do_receive_zip(
            job=job, filename="big.zip", data=make_zip(good_members()), actor=recruiter
        )
        settings.BULK_UPLOAD_MAX_FILES = 2  # lowered after the uploads: the worker refuses big.zip
        run_worker()
    refusing.refresh_from_db()
    failing.refresh_from_db()
    assert refusing.rejected == [{"code": "empty", "params": {"name": "empty.pdf"}}]
    assert failing.status == BatchStatus.FAILED and failing.error_code == "too_many_files"
    client.login(username=recruiter.username, password=PASSWORD)
    chinese, english = pages(client, reverse("web:job_upload_progress", args=[job.pk]))
    assert (
        "empty.pdf 是空文件。" in chinese
        and "big.zip 含有 3 个文件；每个压缩包最多读取 2 个。" in chinese
    )
    assert "is empty" not in chinese and "read from one archive" not in chinese
    assert "empty.pdf is empty." in english
    assert "big.zip holds 3 files; at most 2 are read from one archive." in english


@pytest.mark.parametrize("english", [*REJECTIONS.values(), THE_ARCHIVE])
def test_every_refusal_has_a_chinese_sentence_with_the_same_parameters(english: str) -> None:
    with translation.override("zh-hans"):
        chinese = gettext(english)
    assert chinese != english and CJK.search(chinese), english
    assert set(PLACEHOLDER.findall(chinese)) == set(PLACEHOLDER.findall(english)), chinese
