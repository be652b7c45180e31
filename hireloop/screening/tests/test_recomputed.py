"""After HR changes a job's requirements and the worker recomputes the scores, the job's
ranking and each application page say when the scores were recomputed and why."""

from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from hireloop.candidates.models import Application
from hireloop.jobs.changes import do_update_job
from hireloop.screening.services import do_intake_resume
from hireloop.testing.documents import STRONG_EN_RESUME, pdf_bytes
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
REASON = "Service desk instead of backend"
CATALOGUE = Path(__file__).parents[2] / "locale/zh_Hans/LC_MESSAGES/django.po"


def _page(client: Client, name: str, *args: int) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_the_pages_say_when_and_why_the_scores_were_recomputed(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    do_intake_resume(
        job=job, filename="alice.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    run_worker()
    application = Application.objects.get(job=job)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.login(username=recruiter.username, password=PASSWORD)
    # Never changed: nothing to say.
    assert "scores-recomputed" not in _page(client, "web:job_detail", job.pk)

    change = do_update_job(job=job, actor=recruiter, reason=REASON, changes={"skills": ["Excel"]})
    # Not yet recomputed: the page marks the stale scores instead.
    waiting = _page(client, "web:job_detail", job.pk)
    assert 'data-testid="stale-scores"' in waiting and "scores-recomputed" not in waiting

    run_worker()
    application.refresh_from_db()
    recomputed_at = application.match_explanation["screened_at"]
    assert recomputed_at > change.at.isoformat()
    ranking = _page(client, "web:job_detail", job.pk)
    assert 'data-testid="scores-recomputed"' in ranking
    assert "because the requirements changed on" in ranking and f"“{REASON}”" in ranking
    detail = _page(client, "web:application_detail", application.pk)
    assert 'data-testid="score-recomputed"' in detail and f"“{REASON}”" in detail
    assert "This score was recomputed on" in detail


def test_the_recomputed_lines_are_translated_into_chinese() -> None:
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    for msgid in (
        "Scores recomputed on %(when)s because the requirements changed on %(changed)s: "
        "“%(reason)s”.",
        "This score was recomputed on %(when)s because the job's requirements changed on "
        "%(changed)s: “%(reason)s”.",
    ):
        entry = catalogue.split(f'msgid "{msgid}"', 1)
        assert len(entry) == 2, msgid
        translated = entry[1].split("\n\n", 1)[0]
        assert "重新计算" in translated
