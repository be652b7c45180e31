"""The candidate page: actions first, long lists folded, the resume as structure, and the
original file drawn in the browser for those who may see it (access-checked and audited)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from hireloop.candidates.models import Application, ResumeFile
from hireloop.privacy.models import AuditEntry
from hireloop.resumes.integrity import Detail, Finding
from hireloop.testing.documents import STRONG_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.factories import PASSWORD

from .test_hiring_flow import upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def uploaded(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    """Alice's PDF resume, read by the real worker; the client is logged in as the recruiter."""
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.pdf", pdf_bytes(STRONG_EN_RESUME))
    run_worker()
    return Application.objects.get(job=job)


def _page(client, application) -> str:  # type: ignore[no-untyped-def]
    url = reverse("web:application_detail", args=[application.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_actions_come_before_the_explanation_and_keyword_lists_are_folded(client, uploaded):  # type: ignore[no-untyped-def]
    page = _page(client, uploaded)
    assert page.index('data-testid="actions"') < page.index('data-testid="explanation"')
    assert page.index('data-testid="invite-action"') < page.index('data-testid="explanation"')
    # The keyword lists are <details> without "open": folded until someone asks for them.
    keywords = page.split('data-testid="job-keywords"')[1].split(">")[0]
    assert "open" not in keywords


def test_the_resume_is_laid_out_as_work_history_education_and_skills(client, uploaded):  # type: ignore[no-untyped-def]
    page = _page(client, uploaded)
    work = page.split('data-testid="work-history"')[1].split("</ol>")[0]
    assert "Acme Cloud" in work and "2018-07" in work and "2024-06" in work
    assert "5 yrs 11 mos" in work  # the job's duration from its dates
    education = page.split('data-testid="education"')[1].split("</ol>")[0]
    assert "Zhejiang University" in education and "Bachelor" in education
    assert "years in total" in page


def test_the_invitation_link_and_qr_code_show_at_the_top_once_invited(client, uploaded):  # type: ignore[no-untyped-def]
    client.post(reverse("web:application_invite", args=[uploaded.pk]), {"notes": ""})
    page = _page(client, uploaded)
    assert page.index('data-testid="interview-qr"') < page.index('data-testid="explanation"')
    assert page.index('data-testid="interview-link"') < page.index('data-testid="resume"')


def test_the_recruiter_opens_the_original_pdf_as_pictures_and_the_read_is_audited(client, uploaded):  # type: ignore[no-untyped-def]
    resume = uploaded.resumes.get()
    url = reverse("web:resume_original", args=[uploaded.pk, resume.pk])
    assert url in _page(client, uploaded)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="original-pages"' in page
    image = client.get(reverse("web:resume_page", args=[uploaded.pk, resume.pk, 1]))
    assert image.status_code == 200 and image["Content-Type"] == "image/webp"
    assert image.content[:4] == b"RIFF" and image.content[8:12] == b"WEBP"
    assert (
        client.get(reverse("web:resume_page", args=[uploaded.pk, resume.pk, 2])).status_code == 404
    )
    reads = AuditEntry.objects.filter(object_type="resume_file", object_id=str(resume.pk))
    assert reads.count() >= 2  # the page and the picture, each a read of the original


def test_a_word_resume_is_shown_as_its_text(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.docx", docx_bytes(STRONG_EN_RESUME))
    run_worker()
    application = Application.objects.get(job=job)
    resume = application.resumes.get()
    page = client.get(reverse("web:resume_original", args=[application.pk, resume.pk]))
    assert page.status_code == 200
    assert 'data-testid="original-as-text"' in page.content.decode()
    assert "Acme Cloud" in page.content.decode()


def test_a_corrupt_file_gives_no_picture_and_no_server_error(client, uploaded):  # type: ignore[no-untyped-def]
    resume = uploaded.resumes.get()
    garbage = b"%PDF-1.7\n" + bytes(range(256)) * 64  # a header, then no PDF at all
    resume.file = default_storage.save("resumes/corrupt.pdf", ContentFile(garbage))
    resume.save()
    assert (
        client.get(reverse("web:resume_original", args=[uploaded.pk, resume.pk])).status_code == 200
    )
    image = client.get(reverse("web:resume_page", args=[uploaded.pk, resume.pk, 1]))
    assert image.status_code == 404


def test_an_interviewer_who_sees_contacts_masked_cannot_open_the_original(
    client, uploaded, interviewer
):  # type: ignore[no-untyped-def]
    uploaded.job.interviewers.add(interviewer)
    resume = uploaded.resumes.get()
    client.login(username=interviewer.username, password=PASSWORD)
    assert reverse("web:resume_original", args=[uploaded.pk, resume.pk]) not in _page(
        client, uploaded
    )
    for name, args in (("resume_original", []), ("resume_page", [1])):
        url = reverse(f"web:{name}", args=[uploaded.pk, resume.pk, *args])
        assert client.get(url).status_code == 403
    assert not AuditEntry.objects.filter(object_type="resume_file").exists()


def test_staff_shortlist_with_a_reason_and_cannot_jump_to_a_decision(client, uploaded):  # type: ignore[no-untyped-def]
    url = reverse("web:application_move", args=[uploaded.pk])
    client.post(url, {"to_stage": "offer", "reason": "skip ahead"})
    uploaded.refresh_from_db()
    assert uploaded.stage == "applied"  # a decision has its own door
    client.post(url, {"to_stage": "shortlisted", "reason": "Strong backend record"})
    uploaded.refresh_from_db()
    assert uploaded.stage == "shortlisted"
    change = uploaded.stage_changes.get(to_stage="shortlisted")
    assert change.reason == "Strong backend record" and change.actor_label == "recruiter"


def test_an_interviewer_may_not_move_the_stage(client, uploaded, interviewer):  # type: ignore[no-untyped-def]
    uploaded.job.interviewers.add(interviewer)
    client.login(username=interviewer.username, password=PASSWORD)
    url = reverse("web:application_move", args=[uploaded.pk])
    response = client.post(url, {"to_stage": "shortlisted", "reason": "x"})
    assert response.status_code == 403
    assert ResumeFile.objects.get().application.stage == "applied"


def test_integrity_details_read_in_the_readers_language(client, application, recruiter):  # type: ignore[no-untyped-def]
    finding = Finding.of(
        "hidden_text",
        "Kubernetes",
        Detail(
            "pale", (("colour", "#EAEAEA"), ("place", "page"), ("place_number", 1), ("size", 4.5))
        ),
    )
    ResumeFile.objects.create(
        application=application,
        file="resumes/x.pdf",
        size=1,
        status="parsed",
        parsed={"integrity": [finding.to_dict()]},
    )
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:application_detail", args=[application.pk])
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "与白色页面同色的文字（#EAEAEA，4.5 磅），第 1 页" in chinese
    assert "text coloured like the white page (#EAEAEA, 4.5 pt), page 1" in english
    assert "text coloured" not in chinese
