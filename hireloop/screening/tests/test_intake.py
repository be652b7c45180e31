"""Resume intake through the real worker: good files are ranked, bad ones explained."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from hireloop.candidates.models import Application, ResumeFile
from hireloop.screening.services import ResumeRejected, do_intake_resume, do_parse_and_screen
from hireloop.testing.documents import STRONG_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_resume_is_parsed_screened_and_explained(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    resume = do_intake_resume(
        job=job, filename="cv.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    run_worker()
    resume.refresh_from_db()
    application = Application.objects.select_related("candidate").get(pk=resume.application_id)
    assert resume.status == "parsed" and application.candidate.name == "Alice Chen"
    assert application.candidate.phone == "13912345678"
    assert application.match_explanation["passes_filters"] is True
    python_check = next(
        c
        for c in application.match_explanation["checks"]
        if c["requirement"] == "Python" and c["kind"] == "must_have"
    )
    assert python_check["met"] and "Python" in python_check["evidence"]


def test_parsing_twice_changes_nothing(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    resume = do_intake_resume(
        job=job, filename="cv.docx", data=docx_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    run_worker()
    first = Application.objects.get(pk=resume.application_id).match_score
    do_parse_and_screen(resume_id=resume.pk)  # a retried task after a crash
    assert Application.objects.get(pk=resume.application_id).match_score == first


def test_a_corrupt_file_keeps_a_readable_error_and_is_not_lost(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    broken = pdf_bytes(STRONG_EN_RESUME)[:200]  # a PDF cut off in transfer
    resume = do_intake_resume(job=job, filename="cut.pdf", data=broken, actor=recruiter)
    run_worker()
    resume = ResumeFile.objects.get(pk=resume.pk)
    assert resume.status == "failed" and resume.error_code == "pdf_damaged"
    assert resume.file.open("rb").read() == broken  # the upload itself is kept


@override_settings(RESUME_MAX_BYTES=1000)
def test_an_oversized_upload_is_refused_before_it_is_stored(job, recruiter):  # type: ignore[no-untyped-def]
    with translation.override("en"), pytest.raises(ResumeRejected, match="larger than"):
        do_intake_resume(job=job, filename="huge.pdf", data=b"%PDF" + b"0" * 2000, actor=recruiter)
    assert not ResumeFile.objects.exists() and not Application.objects.exists()


def test_an_empty_upload_is_refused(job, recruiter):  # type: ignore[no-untyped-def]
    with translation.override("en"), pytest.raises(ResumeRejected, match="empty"):
        do_intake_resume(job=job, filename="empty.pdf", data=b"", actor=recruiter)


def test_uploaded_files_are_encrypted_on_disk(job, recruiter, settings):  # type: ignore[no-untyped-def]
    resume = do_intake_resume(
        job=job, filename="cv.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    on_disk = (settings.MEDIA_ROOT / resume.file.name).read_bytes()
    assert on_disk.startswith(b"HLS1") and b"%PDF" not in on_disk
    assert resume.file.name.rsplit("/", 1)[-1] == resume.sha256  # never the uploaded name


def test_a_deleted_application_takes_its_resume_file_with_it(job, recruiter, settings):  # type: ignore[no-untyped-def]
    resume = do_intake_resume(
        job=job, filename="cv.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    on_disk = settings.MEDIA_ROOT / resume.file.name
    assert on_disk.exists()
    resume.application.delete()  # an erasure: the personal data must not outlive its row
    assert not on_disk.exists()


def test_a_hostile_upload_fails_with_a_readable_error(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    picture = b"\x89PNG\r\n\x1a\n" + bytes(200)  # a PNG renamed to .pdf
    resume = do_intake_resume(job=job, filename="cv.pdf", data=picture, actor=recruiter)
    run_worker()
    resume = ResumeFile.objects.get(pk=resume.pk)
    assert resume.status == "failed"
    with translation.override("en"):
        assert "picture" in resume.error_text() and "cv.pdf" in resume.error_text()


def test_hidden_white_keywords_do_not_meet_a_must_have_and_are_recorded(
    job, recruiter, run_worker, client
):  # type: ignore[no-untyped-def]
    visible = [line.replace("Python", "Ruby") for line in STRONG_EN_RESUME]
    resume = do_intake_resume(
        job=job,
        filename="cv.pdf",
        data=_pdf_with_white_text(visible, "Python Django"),
        actor=recruiter,
    )
    run_worker()
    resume = ResumeFile.objects.get(pk=resume.pk)
    application = Application.objects.get(pk=resume.application_id)
    python_check = next(
        c
        for c in application.match_explanation["checks"]
        if c["requirement"] == "Python" and c["kind"] == "must_have"
    )
    assert resume.status == "parsed" and not python_check["met"]
    assert "Python Django" not in resume.text
    assert {key: resume.parsed["integrity"][0][key] for key in ("kind", "evidence")} == {
        "kind": "hidden_text",
        "evidence": "Python Django",
    }
    client.login(username=recruiter.username, password=PASSWORD)
    page = client.get(
        reverse("web:application_detail", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Hidden text (a reader cannot see it)" in page and "Python Django" in page


def _pdf_with_white_text(lines: list[str], hidden: str) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    for row, line in enumerate(lines):
        page.drawString(50, 800 - 18 * row, line)
    page.setFillColorRGB(1, 1, 1)
    page.drawString(50, 300, hidden)
    page.save()
    return buffer.getvalue()
