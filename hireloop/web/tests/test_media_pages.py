"""The media analysis on the staff pages: the weight of observations on the profile page
(reason required, audited, HR only) and the stills of a report (access-checked, audited)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import Recording
from hireloop.media.models import MediaAnalysis, ObservationThumbnail
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "I helped the team debug the release together and measured the root cause."
JPEG = b"\xff\xd8\xff\xe0" + b"still" * 20


def weight_form(weight: str, reason: str = "Validated on last year's hires") -> dict:
    return {
        "form": "observation_weight",
        "observation_weight": weight,
        "observation_reason": reason,
    }


def test_hr_sets_the_weight_of_observations_with_a_reason(client, job, recruiter):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:job_profile", args=[job.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="observation-weight-form"' in page and "Current share: 0" in page

    refused = client.post(url, weight_form("0.5"), HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200 and "0.3" in refused.content.decode()
    no_reason = client.post(url, weight_form("0.2", reason=""), HTTP_ACCEPT_LANGUAGE="en")
    assert no_reason.status_code == 200
    job.refresh_from_db()
    assert (
        job.observation_weight == 0
        and not AuditEntry.objects.filter(object_type="job_observation_weight").exists()
    )

    assert client.post(url, weight_form("0.2")).status_code == 302
    job.refresh_from_db()
    assert str(job.observation_weight) == "0.20"
    entry = AuditEntry.objects.get(object_type="job_observation_weight")
    assert entry.actor == recruiter and entry.detail["reason"] == "Validated on last year's hires"
    history = client.get(url).content.decode()
    assert "observation weight 0.00 → 0.20" in history


def test_an_interviewer_cannot_set_the_weight(client, job, interviewer):  # type: ignore[no-untyped-def]
    client.login(username=interviewer.username, password=PASSWORD)
    response = client.post(reverse("web:job_profile", args=[job.pk]), weight_form("0.2"))
    assert response.status_code in (403, 404)
    job.refresh_from_db()
    assert job.observation_weight == 0


@pytest.fixture
def still(job, recruiter):  # type: ignore[no-untyped-def]
    """A report whose first answer was a video, analysed, with one still behind it."""
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    answer = session.answers.first()
    recording = Recording.objects.create(
        session=session,
        question=answer.question,
        mode=AnswerMode.VIDEO,
        mime_type="video/webm",
        take="6f1c2f4e-8a8b-4bb0-9f43-0c6f5d5b2a11",
        is_complete=True,
    )
    answer.recording = recording
    answer.save(update_fields=["recording"])
    analysis = MediaAnalysis.objects.create(
        recording=recording,
        status="done",
        transcript=ANSWER,
        observations=[
            {
                "key": "multiple_faces",
                "group": "face",
                "value": 3,
                "unit": "count",
                "evidence": [{"start": 4.0, "end": 6.5, "note": ""}],
                "flag": True,
            }
        ],
    )
    thumbnail = ObservationThumbnail(
        analysis=analysis, observation_key="multiple_faces", at_seconds=4.0
    )
    thumbnail.file.save("observations/test/4.jpg", ContentFile(JPEG), save=False)
    thumbnail.save()
    return session.report, thumbnail


def test_the_report_shows_observations_and_serves_stills_to_its_readers_only(  # type: ignore[no-untyped-def]
    client, still, interviewer, other_interviewer
) -> None:
    report, thumbnail = still
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:report_detail", args=[report.pk]), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "Pictures with more than one face" in html and "worth a look" in html
    assert "4.0–6.5 s" in html
    url = reverse("web:observation_still", args=[report.pk, thumbnail.pk])
    response = client.get(url)
    assert response.status_code == 200 and response.content == JPEG
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(object_type="observation_still", action="reveal").exists()

    client.logout()
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 404  # not on this job: as if it did not exist


def test_the_progress_of_the_analysis_is_polled_until_done(client, still, interviewer):  # type: ignore[no-untyped-def]
    report, _thumbnail = still
    MediaAnalysis.objects.update(status="running", progress=40)
    client.login(username=interviewer.username, password=PASSWORD)
    url = reverse("web:report_media_progress", args=[report.pk])
    running = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "hx-get" in running and "(40%)" in running
    MediaAnalysis.objects.update(status="done", progress=100)
    done = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "hx-get" not in done and "Show the updated report" in done
