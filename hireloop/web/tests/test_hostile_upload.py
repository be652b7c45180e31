"""Hostile files uploaded through the page: a clear error on the application, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from hireloop.candidates.models import ResumeFile
from hireloop.resumes.tests.hostile import hostile_files
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
PICKED = {
    "empty.pdf",
    "random.pdf",
    "truncated-30.pdf",
    "encrypted.pdf",
    "png-named.pdf",
    "zip-bomb.docx",
    "page.pdf",
    "too-big.pdf",
}


def test_hostile_uploads_end_as_readable_errors_on_the_pages(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    picked = [f for f in hostile_files() if f.name in PICKED]
    assert len(picked) == len(PICKED)
    client.login(username=recruiter.username, password=PASSWORD)
    for hostile in picked:
        response = client.post(
            reverse("web:job_upload", args=[job.pk]),
            {"resumes": [SimpleUploadedFile(hostile.name, hostile.data)]},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 302, hostile.name
    run_worker()
    assert client.get(reverse("web:job_detail", args=[job.pk])).status_code == 200
    for resume in ResumeFile.objects.select_related("application"):
        page = client.get(
            reverse("web:application_detail", args=[resume.application_id]),
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert page.status_code == 200
        if resume.status == "failed":
            with translation.override("en"):
                error = escape(resume.error_text())
            assert error.startswith(f"“{resume.original_name}”") and error in page.content.decode()
    assert ResumeFile.objects.filter(status="failed").exists()
