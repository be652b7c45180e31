"""The candidate's path through the interview room: consent, practice, questions with their
clock, remarks and follow-ups (M6, M8, M9). Every step is kept in the database, so closing
the browser or restarting the server resumes exactly where the candidate was.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from hireloop.jobs.enums import Language
from hireloop.org.compliance import Capabilities, capabilities_for

from .coding import run_code_answer
from .enums import AnswerMode, ConsentScope, SessionStatus
from .feedback import Feedback, feedback_engine
from .models import Answer, FollowUp, InterviewSession, Question, Recording, RecordingConsent
from .services import (
    SessionClosed,
    current_question,
    do_answer_follow_up,
    do_submit_answer,
    open_probe,
    plan_questions,
)

# Answers that arrive this long after their time ran out (a slow network, a tab in the
# background) are still on time; later ones are kept too, but marked late for the reviewer.
GRACE_SECONDS = 30
# The one extension on request adds this share of the answer time, at least MIN seconds.
EXTENSION_SHARE = 0.5
MIN_EXTENSION_SECONDS = 30
# Version of the consent text below; a new wording gets a new version (PIPL Art. 29, 17).
CONSENT_VERSION = "2026-12-v1"
MEDIA_MODES = {AnswerMode.VOICE: ConsentScope.VOICE, AnswerMode.VIDEO: ConsentScope.VIDEO}


class RoomStep(TextChoices):
    WELCOME = "welcome", gettext_lazy("Welcome")
    CONSENT = "consent", gettext_lazy("Consent")
    PRACTICE = "practice", gettext_lazy("Practice")
    QUESTION = "question", gettext_lazy("Question")
    FOLLOW_UP = "follow_up", gettext_lazy("Follow-up")
    PROBE = "probe", gettext_lazy("About your resume")
    DONE = "done", gettext_lazy("Done")


PRACTICE_QUESTION = {
    Language.ZH: "练习题（不计分）：请用两三句话介绍一下，您在工作或学习中最喜欢做的一件事。",
    Language.EN: "Practice (not scored): in two or three sentences, tell us about something you "
    "enjoy doing in your work or studies.",
}


def practice_question(language: str) -> str:
    return PRACTICE_QUESTION.get(Language(language), PRACTICE_QUESTION[Language.EN])


def room_step(session: InterviewSession) -> RoomStep:
    if session.status == SessionStatus.INVITED:
        return RoomStep.WELCOME
    if open_follow_up(session) is not None:
        return RoomStep.FOLLOW_UP
    if session.status == SessionStatus.COMPLETED:
        return RoomStep.DONE
    if current_question(session)[0] is None:
        return RoomStep.PROBE if open_probe(session) is not None else RoomStep.DONE
    if needs_consent(session) and session.consent_decided_at is None:
        return RoomStep.CONSENT
    if session.practiced_at is None:
        return RoomStep.PRACTICE
    return RoomStep.QUESTION


def capabilities(session: InterviewSession) -> Capabilities:
    return capabilities_for(session.application.job.organisation)


def offered_scopes(session: InterviewSession) -> list[str]:
    """The recording scopes the plan's questions would use and the profile allows."""
    allowed = capabilities(session)
    modes = {q.answer_mode for q in plan_questions(session)}
    scopes: list[str] = []
    if AnswerMode.VOICE in modes and allowed.voice_answers:
        scopes.append(ConsentScope.VOICE)
    if AnswerMode.VIDEO in modes and allowed.video_answers:
        scopes.append(ConsentScope.VIDEO)
    return scopes


def needs_consent(session: InterviewSession) -> bool:
    return bool(offered_scopes(session))


def do_record_consent(*, session: InterviewSession, granted: set[str]) -> None:
    """Record the candidate's separate decision per scope; a decline keeps a text-only path."""
    with transaction.atomic():
        for scope in offered_scopes(session):
            RecordingConsent.objects.update_or_create(
                session=session,
                scope=scope,
                defaults={"granted": scope in granted, "text_version": CONSENT_VERSION},
            )
        InterviewSession.objects.filter(pk=session.pk, consent_decided_at__isnull=True).update(
            consent_decided_at=timezone.now()
        )
    session.refresh_from_db()


def granted_scopes(session: InterviewSession) -> set[str]:
    return set(session.consents.filter(granted=True).values_list("scope", flat=True))


def answer_mode(session: InterviewSession, question: Question) -> str:
    """How this candidate answers this question: voice and video only with consent, and only
    where the organisation's profile offers them; otherwise in writing, without penalty."""
    scope = MEDIA_MODES.get(AnswerMode(question.answer_mode))
    if scope is None:
        return question.answer_mode
    return question.answer_mode if scope in granted_scopes(session) else AnswerMode.TEXT


def do_finish_practice(*, session: InterviewSession) -> None:
    """The practice answer is not stored (it is not scored); only that it was done."""
    InterviewSession.objects.filter(pk=session.pk, practiced_at__isnull=True).update(
        practiced_at=timezone.now()
    )
    session.refresh_from_db()


@dataclass(frozen=True)
class Clock:
    """The current question's timing, in whole seconds, as the server sees it."""

    prep_seconds: int
    answer_seconds: int  # 0: no limit
    extension_seconds: int
    elapsed: int  # since the question was first shown

    @property
    def prep_left(self) -> int:
        return max(0, self.prep_seconds - self.elapsed)

    @property
    def answer_left(self) -> int | None:
        if not self.answer_seconds:
            return None
        total = self.prep_seconds + self.answer_seconds + self.extension_seconds
        return max(0, total - self.elapsed)

    def is_late(self, grace: int = GRACE_SECONDS) -> bool:
        left = self.answer_left
        return left is not None and left == 0 and self.overdue() > grace

    def overdue(self) -> int:
        total = self.prep_seconds + self.answer_seconds + self.extension_seconds
        return self.elapsed - total


def question_clock(
    session: InterviewSession, question: Question, now: datetime | None = None
) -> Clock:
    plan = session.plan
    prep = plan.prep_seconds or question.prep_seconds
    answer = plan.answer_seconds or question.answer_seconds
    extension = 0
    if answer and session.extended_question_id == question.pk:
        extension = max(MIN_EXTENSION_SECONDS, math.ceil(answer * EXTENSION_SHARE))
    started = session.question_started_at or now or timezone.now()
    elapsed = int(((now or timezone.now()) - started).total_seconds())
    return Clock(prep, answer, extension, max(0, elapsed))


def do_open_question(*, session: InterviewSession) -> None:
    """Start the current question's clock the first time it is shown (not on a reload)."""
    InterviewSession.objects.filter(pk=session.pk, question_started_at__isnull=True).update(
        question_started_at=timezone.now()
    )
    session.refresh_from_db()


def do_extend(*, session: InterviewSession) -> bool:
    """Grant the one extension for the current question, where the plan allows it."""
    question, _progress = current_question(session)
    clock = question_clock(session, question) if question else None
    if question is None or clock is None or not clock.answer_seconds:
        return False
    if not session.plan.allow_extension or session.extended_question_id is not None:
        return False
    session.extended_question = question
    session.save(update_fields=["extended_question"])
    return True


def do_answer_in_room(
    *, session: InterviewSession, question_id: int, text: str, code_language: str = "python"
) -> Answer | None:
    """Store an answer given in the room, with its remark and at most one follow-up.

    A voice or video answer needs no typed text once its recording is complete; its text
    stays empty until speech-to-text fills it, so it gets no remark on content yet.
    """
    question, _progress = current_question(session)
    if question is None or question.pk != question_id:
        if not text.strip():
            return None  # a stale form of a recorded answer (a double click): nothing to do
        return do_submit_answer(session=session, question_id=question_id, text=text)
    mode = answer_mode(session, question)
    recording = (
        Recording.objects.filter(session=session, question=question, is_complete=True).first()
        if mode in MEDIA_MODES
        else None
    )
    if not text.strip() and recording is None:
        if mode in MEDIA_MODES:
            raise SessionClosed(_("Please record or write an answer before continuing."))
        raise SessionClosed(_("Please write an answer before continuing."))
    code_result = None
    if mode == AnswerMode.CODE and text.strip():
        # Code is judged by its hidden tests, not by words: no follow-up question.
        outcome = run_code_answer(question=question, code=text, language=code_language)
        result, code_result = Feedback(remark=outcome.remark), outcome.code_result
    elif text.strip():
        result = feedback_engine().feedback(
            question=question.text,
            answer=text,
            anchor_high=question.anchor_high,
            language=session.application.job.language,
        )
    else:
        result = Feedback(remark=pgettext("candidate", "We received your recording."))
    feedback = Feedback(
        remark=result.remark,
        follow_up=result.follow_up,
        reason=result.reason,
        # How the answer was given: typed text to a spoken question is a text answer.
        mode=recording.mode if recording else AnswerMode.TEXT if mode in MEDIA_MODES else mode,
        is_late=question_clock(session, question).is_late(),
        code_result=code_result,
    )
    if session.extended_question_id is not None:
        session.extended_question = None  # the extension was for this question only
        session.save(update_fields=["extended_question"])
    answer = do_submit_answer(
        session=session, question_id=question_id, text=text, feedback=feedback, recording=recording
    )
    # An unfinished recording left behind by a written answer is sensitive data without a
    # purpose: delete it (PIPL Art. 6, data minimisation).
    Recording.objects.filter(session=session, question=question, answer__isnull=True).delete()
    return answer


def open_follow_up(session: InterviewSession) -> FollowUp | None:
    return (
        FollowUp.objects.select_related("answer__question")
        .filter(answer__session=session, answered_at__isnull=True)
        .first()
    )


def do_answer_follow_up_in_room(*, session: InterviewSession, text: str) -> None:
    """Store the answer to the open follow-up with a fresh remark on the first answer and
    this one together: the first remark asked for what the follow-up may now have given."""
    follow_up = open_follow_up(session)
    remark = ""
    if follow_up is not None and text.strip():
        answer = follow_up.answer
        remark = (
            feedback_engine()
            .feedback(
                question=answer.question.text,
                answer=f"{answer.text}\n{text.strip()}",
                anchor_high=answer.question.anchor_high,
                language=session.application.job.language,
            )
            .remark
        )
    do_answer_follow_up(session=session, text=text, remark=remark)


def position_of(session: InterviewSession, question_id: int) -> int:
    """The question's number in the plan, from 1 (as "Question n/total" shows it)."""
    ids = [question.pk for question in plan_questions(session)]
    return ids.index(question_id) + 1 if question_id in ids else len(ids)


def last_remark(session: InterviewSession) -> str:
    """The remark shown above the next question: on the latest answer, or, once its follow-up
    was answered, on both together; none after a skipped follow-up (its page showed it)."""
    answer = session.answers.select_related("follow_up").order_by("-submitted_at", "-id").first()
    if answer is None:
        return ""
    follow_up = getattr(answer, "follow_up", None)
    if follow_up is not None and follow_up.answered_at is not None:
        return follow_up.remark
    return answer.remark


def code_results(session: InterviewSession) -> list[tuple[str, str]]:
    """Each coding answer's question and its remark (how many hidden tests passed): the done
    page repeats them, since a coding question asked last has no next page to show it on."""
    answers = session.answers.filter(mode=AnswerMode.CODE).select_related("question")
    return [(a.question.text, a.remark) for a in answers.order_by("submitted_at", "id")]


def pause_until(session: InterviewSession) -> datetime | None:
    """When the next question may appear: the plan's pause after the latest answer."""
    answer = session.answers.order_by("-submitted_at", "-id").first()
    if answer is None or not session.plan.pause_seconds:
        return None
    return answer.submitted_at + timedelta(seconds=session.plan.pause_seconds)
