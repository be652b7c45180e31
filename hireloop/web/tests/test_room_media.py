"""The recording endpoints over HTTP: the candidate's chunked upload (CSRF-protected, link-
scoped) and the reviewer's player (only for those who may see the report)."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.assessment.services import do_score_session
from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import Answer, Recording
from hireloop.interviews.services import current_question, do_invite, link_token, plan_questions
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory

pytestmark = pytest.mark.django_db

AUDIO = "audio/webm;codecs=opus"
VIDEO = "video/webm;codecs=vp8,opus"


@pytest.fixture
def room(job, recruiter):  # type: ignore[no-untyped-def]
    """A candidate at the first question (voice) of an interview whose second is video."""
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    for question, mode in zip(
        plan_questions(session)[:2], (AnswerMode.VOICE, AnswerMode.VIDEO), strict=True
    ):
        question.answer_mode = mode
        question.save()
    url = reverse("web:room", args=[link_token(session)])
    candidate = Client(enforce_csrf_checks=True)
    page = candidate.get(url).content.decode()
    for action in ({"start": "1"}, {"consent": "1", "scope": ["voice", "video"]}):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        page = candidate.post(url, {**action, "csrfmiddlewaretoken": token}, follow=True)
        page = page.content.decode()
    flow.do_finish_practice(session=session)
    page = candidate.get(url).content.decode()
    candidate.csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return session, candidate


def media_url(session, question=None) -> str:  # type: ignore[no-untyped-def]
    question = question or current_question(session)[0]
    return reverse("web:room_media", args=[link_token(session), question.pk])


def send(client, url: str, data: bytes, **params):  # type: ignore[no-untyped-def]
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.post(
        f"{url}?{query}",
        data=data,
        content_type=params.pop("mime", AUDIO),
        headers={"X-CSRFToken": client.csrf},
    )


def record(session, client, chunks: list[bytes], mime: str = AUDIO) -> str:  # type: ignore[no-untyped-def]
    session.refresh_from_db()
    url, take = media_url(session), str(uuid.uuid4())
    for seq, data in enumerate(chunks):
        response = client.post(
            f"{url}?take={take}&seq={seq}",
            data=data,
            content_type=mime,
            headers={"X-CSRFToken": client.csrf},
        )
        assert response.status_code == 200, response.content
    total = sum(map(len, chunks))
    response = send(client, url, b"", take=take, complete=1, chunks=len(chunks), bytes=total)
    assert response.json()["complete"]
    return take


def test_the_upload_needs_the_pages_csrf_token(room) -> None:  # type: ignore[no-untyped-def]
    session, candidate = room
    url = f"{media_url(session)}?take={uuid.uuid4()}&seq=0"
    assert candidate.post(url, data=b"x", content_type=AUDIO).status_code == 403
    response = candidate.post(
        url, data=b"x", content_type=AUDIO, headers={"X-CSRFToken": candidate.csrf}
    )
    assert response.status_code == 200 and response.json()["stored"] is True


def test_the_state_and_the_refusals_as_status_codes(room) -> None:  # type: ignore[no-untyped-def]
    session, candidate = room
    url, take = media_url(session), str(uuid.uuid4())
    assert candidate.get(url).json() == {"take": None, "next_seq": 0, "bytes": 0, "complete": False}
    assert send(candidate, url, b"abc", take=take, seq=0).json()["next_seq"] == 1
    again = send(candidate, url, b"abc", take=take, seq=0)
    assert again.status_code == 200 and again.json()["stored"] is False
    early = send(candidate, url, b"xyz", take=take, seq=3)
    assert early.status_code == 409 and early.json()["error"] == "out_of_order"
    assert early.json()["next_seq"] == 1
    assert send(candidate, url, b"v", take=uuid.uuid4(), seq=0, mime=VIDEO).status_code == 400
    assert send(candidate, url, b"x", take="not-a-take", seq=0).status_code == 400
    later = media_url(session, plan_questions(session)[1])
    assert send(candidate, later, b"x", take=take, seq=0, mime=VIDEO).status_code == 409
    assert candidate.get(url).json() == {"take": take, "next_seq": 1, "bytes": 3, "complete": False}
    assert candidate.put(url, headers={"X-CSRFToken": candidate.csrf}).status_code == 405


def test_a_forged_link_gets_404(room) -> None:  # type: ignore[no-untyped-def]
    session, candidate = room
    question = current_question(session)[0]
    forged = reverse("web:room_media", args=["forged-token", question.pk])
    assert candidate.get(forged).status_code == 404
    assert send(candidate, forged, b"x", take=uuid.uuid4(), seq=0).status_code == 404


def test_an_oversized_chunk_is_refused_before_it_is_read(room, settings) -> None:  # type: ignore[no-untyped-def]
    session, candidate = room
    settings.HIRELOOP_RECORDING_CHUNK_MAX_BYTES = 1000
    response = send(candidate, media_url(session), b"x" * 1001, take=uuid.uuid4(), seq=0)
    assert response.status_code == 413 and response.json()["error"] == "too_large"


def test_without_consent_the_upload_is_forbidden(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = plan_questions(session)[0]
    question.answer_mode = AnswerMode.VOICE
    question.save()
    url = reverse("web:room", args=[link_token(session)])
    client = Client()
    for action in ({"start": "1"}, {"consent": "none"}, {"practice_done": "1"}):
        client.post(url, action)
    client.csrf = ""
    response = send(client, media_url(session), b"x", take=uuid.uuid4(), seq=0)
    assert response.status_code == 403 and response.json()["error"] == "no_consent"
    assert not Recording.objects.exists()


def test_recorded_answers_are_submitted_scored_and_played_to_reviewers_only(
    room, client, interviewer, other_interviewer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    session, candidate = room
    room_url = reverse("web:room", args=[link_token(session)])
    voice = [b"voice-0-" * 50, b"voice-1-" * 30]
    record(session, candidate, voice)
    question = current_question(session)[0]
    form = {"question_id": question.pk, "text": "", "csrfmiddlewaretoken": candidate.csrf}
    assert candidate.post(room_url, form).status_code == 302
    answer = Answer.objects.get(question=question)
    assert answer.mode == AnswerMode.VOICE and answer.text == "" and answer.recording
    # The second question (video) is answered with a recording and a typed note.
    record(session, candidate, [b"video-" * 100], VIDEO)
    second = current_question(session)[0]
    form = {
        "question_id": second.pk,
        "text": "See my video.",
        "csrfmiddlewaretoken": candidate.csrf,
    }
    candidate.post(room_url, form)
    while (question := current_question(session)[0]) is not None:
        form = {"question_id": question.pk, "text": "We debugged it together and measured it."}
        candidate.post(room_url, {**form, "csrfmiddlewaretoken": candidate.csrf})
        session.refresh_from_db()
    # The answer awaiting speech-to-text does not break scoring, nor count as a zero.
    report = do_score_session(session_id=session.pk)
    assert report.scores.count() == 2

    play = reverse("web:answer_recording", args=[report.pk, answer.pk])
    assert client.get(play).status_code == 302  # not logged in: to the login page
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.get(play).status_code == 404  # not their job's report
    client.logout()
    client.login(username=interviewer.username, password=PASSWORD)
    response = client.get(play)
    assert response.status_code == 200 and response["Content-Type"] == AUDIO
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == b"".join(voice)
    assert AuditEntry.objects.filter(object_type="recording").count() == 1
    ranged = client.get(play, headers={"Range": "bytes=398-405"})
    assert ranged.status_code == 206 and ranged["Content-Range"] == "bytes 398-405/640"
    assert b"".join(ranged.streaming_content) == b"".join(voice)[398:406]
    assert client.get(play, headers={"Range": "bytes=700-"}).status_code == 416
    page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    assert page.count("<audio") == 1 and page.count("<video") == 1 and play in page
    other = reverse("web:answer_recording", args=[report.pk, Answer.objects.last().pk])
    assert client.get(other).status_code == 404  # a written answer has no recording
    # The candidate's link tells the upload's state, never the recording itself.
    assert candidate.get(media_url(session, answer.question)).json()["complete"] is True
