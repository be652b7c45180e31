"""The room's steps, as a candidate goes through them: consent, practice, questions with their
clock, remarks and follow-ups — each resumable from the database alone (M6, M8, M9)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode, SessionStatus
from hireloop.interviews.models import Answer, FollowUp, RecordingConsent
from hireloop.interviews.services import current_question, do_invite, do_start, link_token
from hireloop.org.enums import ComplianceProfile
from hireloop.testing.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

STORY = (
    "Last year our nightly import kept failing. I took the lead with the data team, found the "
    "root cause and after the fix failures fell from 5 a week to zero."
)
NO_RESULT = (
    "Last month I reorganised how our team reviews pull requests and talked to everyone about "
    "the new checklist."
)


@pytest.fixture
def session(job, recruiter):  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    do_start(session=session)
    return session


def make_spoken(session, mode: str = AnswerMode.VOICE):  # type: ignore[no-untyped-def]
    question = current_question(session)[0]
    question.answer_mode = mode
    question.save()
    return question


def test_without_media_questions_there_is_no_consent_step(session) -> None:  # type: ignore[no-untyped-def]
    assert flow.room_step(session) == flow.RoomStep.PRACTICE
    flow.do_finish_practice(session=session)
    assert flow.room_step(session) == flow.RoomStep.QUESTION


def test_consent_is_separate_per_scope_and_declining_means_text(session) -> None:  # type: ignore[no-untyped-def]
    question = make_spoken(session)
    assert flow.room_step(session) == flow.RoomStep.CONSENT
    assert flow.offered_scopes(session) == ["voice"]
    flow.do_record_consent(session=session, granted=set())
    consent = RecordingConsent.objects.get(session=session)
    assert consent.scope == "voice" and not consent.granted
    assert consent.text_version == flow.CONSENT_VERSION
    assert flow.answer_mode(session, question) == AnswerMode.TEXT  # the text-only path
    assert flow.room_step(session) == flow.RoomStep.PRACTICE


def test_granted_consent_allows_the_spoken_answer(session) -> None:  # type: ignore[no-untyped-def]
    question = make_spoken(session, AnswerMode.VIDEO)
    flow.do_record_consent(session=session, granted={"video", "voice"})
    assert flow.answer_mode(session, question) == AnswerMode.VIDEO
    assert list(RecordingConsent.objects.values_list("scope", "granted")) == [("video", True)]


def test_a_profile_that_offers_no_recording_asks_nothing(session) -> None:  # type: ignore[no-untyped-def]
    question = make_spoken(session)
    organisation = session.application.job.organisation
    organisation.compliance_profile = ComplianceProfile.CUSTOM
    organisation.save()
    assert flow.offered_scopes(session) == [] and flow.room_step(session) == flow.RoomStep.PRACTICE
    assert flow.answer_mode(session, question) == AnswerMode.TEXT


def test_a_missing_result_gets_one_follow_up_then_the_next_question(session) -> None:  # type: ignore[no-untyped-def]
    flow.do_finish_practice(session=session)
    first = current_question(session)[0]
    answer = flow.do_answer_in_room(session=session, question_id=first.pk, text=NO_RESULT)
    assert answer is not None and answer.remark
    assert flow.room_step(session) == flow.RoomStep.FOLLOW_UP
    follow_up = flow.open_follow_up(session)
    assert follow_up.reason == "no_result" and "result" in follow_up.question_text
    assert "what came of it" in answer.remark

    result = "Reviews got twice as fast, from 4 days to 2."
    flow.do_answer_follow_up_in_room(session=session, text=result)
    flow.do_answer_follow_up_in_room(session=session, text="again")  # a double click: nothing
    follow_up.refresh_from_db()
    assert follow_up.text == result
    assert flow.room_step(session) == flow.RoomStep.QUESTION
    # The remark above the next question is on both answers: the result is no longer missing.
    assert flow.last_remark(session) == follow_up.remark
    assert follow_up.remark and "what came of it" not in follow_up.remark


def test_the_interview_completes_only_after_the_last_follow_up(session) -> None:  # type: ignore[no-untyped-def]
    from hireloop.interviews.services import do_answer_follow_up

    flow.do_finish_practice(session=session)
    while (question := current_question(session)[0]) is not None:
        is_last = session.current_index == len(flow.plan_questions(session)) - 1
        text = NO_RESULT if is_last else STORY
        flow.do_answer_in_room(session=session, question_id=question.pk, text=text)
    assert session.status == SessionStatus.IN_PROGRESS  # the last follow-up is still open
    assert flow.room_step(session) == flow.RoomStep.FOLLOW_UP
    do_answer_follow_up(session=session, text="")  # "I have nothing to add"
    assert session.status == SessionStatus.COMPLETED
    assert FollowUp.objects.count() == 1


def test_the_clock_prep_answer_and_one_extension(session) -> None:  # type: ignore[no-untyped-def]
    flow.do_finish_practice(session=session)
    question = current_question(session)[0]
    question.prep_seconds, question.answer_seconds = 30, 120
    question.save()
    flow.do_open_question(session=session)
    started = session.question_started_at
    flow.do_open_question(session=session)  # a reload does not restart the clock
    assert session.question_started_at == started
    clock = flow.question_clock(session, question, now=started + timedelta(seconds=40))
    assert (clock.prep_left, clock.answer_left) == (0, 110)
    assert flow.do_extend(session=session) and not flow.do_extend(session=session)
    clock = flow.question_clock(session, question, now=started + timedelta(seconds=40))
    assert clock.answer_left == 170  # 60 s more, once
    late = flow.question_clock(session, question, now=started + timedelta(seconds=300))
    assert late.answer_left == 0 and late.is_late()


def test_a_late_answer_is_kept_and_marked(session) -> None:  # type: ignore[no-untyped-def]
    flow.do_finish_practice(session=session)
    question = current_question(session)[0]
    question.answer_seconds = 60
    question.save()
    flow.do_open_question(session=session)
    type(session).objects.filter(pk=session.pk).update(
        question_started_at=timezone.now() - timedelta(minutes=10)
    )
    session.refresh_from_db()
    answer = flow.do_answer_in_room(session=session, question_id=question.pk, text=STORY)
    assert answer.is_late and Answer.objects.filter(session=session).count() == 1


def test_every_step_survives_a_new_browser(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    url = reverse("web:room", args=[link_token(session)])
    steps = []
    for action in ({"start": "1"}, {"practice_done": "1"}):
        Client().post(url, action)
        steps.append(Client().get(url).context["step"])
    question = current_question(session)[0]
    Client().post(url, {"question_id": question.pk, "text": NO_RESULT})
    steps.append(Client().get(url).context["step"])  # a fresh client: no cookies, no memory
    Client().post(url, {"follow_up": "skip", "text": "ignored"})
    steps.append(Client().get(url).context["step"])
    assert steps == ["practice", "question", "follow_up", "question"]
    assert FollowUp.objects.get().text == ""


def test_the_bandwidth_probe_answers_with_the_size_received(session) -> None:  # type: ignore[no-untyped-def]
    url = reverse("web:room_ping", args=[link_token(session)])
    response = Client().post(url, data=b"x" * 65536, content_type="application/octet-stream")
    assert response.json() == {"received": 65536}
    assert Client().post("/i/forged/ping/", data=b"x", content_type="x/y").status_code == 404


def test_a_question_opened_before_the_deadline_can_still_be_answered(session) -> None:  # type: ignore[no-untyped-def]
    from hireloop.errors import InterviewLinkInvalid
    from hireloop.interviews.services import session_from_token

    flow.do_finish_practice(session=session)
    flow.do_open_question(session=session)
    type(session).objects.filter(pk=session.pk).update(
        deadline=timezone.now() - timedelta(minutes=1),
        question_started_at=timezone.now() - timedelta(minutes=5),
    )
    token = link_token(session)
    opened = session_from_token(token)  # still open: the question was shown in time
    question = current_question(opened)[0]
    flow.do_answer_in_room(session=opened, question_id=question.pk, text=STORY)
    from django.utils import translation

    with translation.override("en"), pytest.raises(InterviewLinkInvalid, match="answers you gave"):
        session_from_token(token)  # the next question would start after the deadline
    assert Answer.objects.filter(session=session).count() == 1


def test_hr_extends_a_missed_deadline_and_the_link_works_again(session, recruiter) -> None:  # type: ignore[no-untyped-def]
    from hireloop.errors import InterviewLinkInvalid
    from hireloop.interviews.services import do_extend_deadline, session_from_token
    from hireloop.privacy.models import AuditEntry

    type(session).objects.filter(pk=session.pk).update(deadline=timezone.now() - timedelta(days=1))
    with pytest.raises(InterviewLinkInvalid):
        session_from_token(link_token(session))
    session.refresh_from_db()
    do_extend_deadline(
        session=session, deadline=timezone.now() + timedelta(days=2), actor=recruiter
    )
    assert session_from_token(link_token(session)) == session
    assert AuditEntry.objects.filter(object_type="interview_session").exists()
