"""The demo's interviews, taken through the product's own services as HR and candidates would.

Plans are generated (``ensure_plan``) and edited in HR's name (``do_update_plan``) before any
invitation, so the customer-service plan, whose job invites no one, stays editable. Each
interviewed candidate is invited (``do_invite``), starts, decides on recording consent and
finishes the practice as in the room, then answers: typed answers through
``do_submit_answer``, code through the room (``do_answer_in_room``, which runs it in the
sandbox against the hidden tests), and the spoken answer as the browser sends it, in chunks
through ``interviews.recordings``; the worker then transcribes and observes it
(``media.analyse_recording``) like any candidate's recording.
"""

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
from django.db import transaction
from django.utils import translation

from hireloop.candidates.models import Application
from hireloop.interviews import recordings
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import InterviewSession, Question
from hireloop.interviews.room import (
    answer_mode,
    do_answer_in_room,
    do_finish_practice,
    do_record_consent,
)
from hireloop.interviews.services import (
    current_question,
    do_answer_probe,
    do_invite,
    do_start,
    do_submit_answer,
    do_update_plan,
    ensure_plan,
    open_probe,
)
from hireloop.jobs.models import Job

from .content_answers import ANSWERS_BY_JOB, FALLBACK_ANSWERS, PROBE_ANSWERS
from .content_interviews import (
    CODE_ANSWERS,
    CONSENT,
    IN_PROGRESS_ANSWERS,
    IN_PROGRESS_CONSENT,
    PLANS,
    SPOKEN_ANSWER,
    SPOKEN_LEAD_IN,
    SPOKEN_PAUSES,
    SPOKEN_QUESTION,
)
from .content_questions import QUESTIONS_BY_JOB
from .content_resumes import COMPLETED
from .speech import WEBM_MIME_TYPE, SpeechUnavailable, synthesise_english, to_webm

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Interviewee:
    job_key: str
    application_id: int
    state: str  # content_resumes.COMPLETED or IN_PROGRESS


@dataclass(frozen=True)
class SpokenAnswer:
    webm: bytes
    seconds: float


def edit_plans(jobs: dict[str, Job], question_ids: dict[str, int], recruiter: Any) -> None:
    """Each job's generated plan, edited by the recruiter into ``PLANS`` (content_interviews)."""
    for key, job in jobs.items():
        plan = ensure_plan(job)
        chosen = [question_ids[question_key] for question_key in PLANS[key]]
        do_update_plan(plan=plan, actor=recruiter, question_ids=chosen, pacing={})


def speak_answer() -> SpokenAnswer | None:
    """The backend candidate's spoken answer as a browser records it; None without espeak-ng."""
    try:
        with tempfile.TemporaryDirectory(prefix="hireloop-demo-") as folder:
            speech = synthesise_english(
                SPOKEN_ANSWER,
                Path(folder) / "answer.wav",
                pauses=SPOKEN_PAUSES,
                lead_in=SPOKEN_LEAD_IN,
            )
            webm = to_webm(speech.path, Path(folder) / "answer.webm")
            return SpokenAnswer(webm.read_bytes(), round(speech.duration, 1))
    except (SpeechUnavailable, av.FFmpegError, OSError) as error:
        logger.warning(
            "The demo interview has no recorded voice answer; the candidate types it instead. "
            "Reason: %s",
            error,
        )
        return None


def take_interviews(
    interviewees: list[Interviewee], recruiter: Any, spoken: SpokenAnswer | None
) -> None:
    with transaction.atomic():
        for interviewee in interviewees:
            application = Application.objects.select_related("job", "candidate").get(
                pk=interviewee.application_id
            )
            # The demo candidates are fictional: no invitation e-mail is sent to them.
            session = do_invite(application=application, actor=recruiter, email_candidate=False)
            # The room speaks the job's language, so its remarks are stored in it.
            with translation.override(application.job.language):
                _take(session, interviewee, spoken)


def _take(session: InterviewSession, interviewee: Interviewee, spoken: SpokenAnswer | None) -> None:
    do_start(session=session)
    if interviewee.state == COMPLETED:
        _enter_room(session, CONSENT[interviewee.job_key])
        _answer_all(session, interviewee.job_key, spoken)
    else:
        _enter_room(session, IN_PROGRESS_CONSENT)
        _answer_first(session, interviewee.job_key, IN_PROGRESS_ANSWERS)


def _enter_room(session: InterviewSession, consent: frozenset[str]) -> None:
    """The room's steps before the first question: the consent decision, the practice."""
    do_record_consent(session=session, granted=set(consent))
    do_finish_practice(session=session)


def _answer_all(session: InterviewSession, job_key: str, spoken: SpokenAnswer | None) -> None:
    keys = _keys_by_text(job_key)
    answers = ANSWERS_BY_JOB[job_key]
    _first, progress = current_question(session)
    for _ in range(progress.total):  # bounded: a refused answer must not loop forever
        question, _progress = current_question(session)
        if question is None:
            break
        key = keys.get(question.text, "")
        if key in CODE_ANSWERS:
            do_answer_in_room(session=session, question_id=question.pk, text=CODE_ANSWERS[key])
        elif key == SPOKEN_QUESTION and spoken and _may_record(session, question):
            _record(session, question, spoken)
            do_answer_in_room(session=session, question_id=question.pk, text="")
        else:
            text = answers.get(key) or _typed_instead(key) or FALLBACK_ANSWERS[question.language]
            do_submit_answer(session=session, question_id=question.pk, text=text)
    while (probe := open_probe(session)) is not None:  # about the resume's own claims
        language = session.application.job.language
        do_answer_probe(session=session, probe_id=probe.pk, text=PROBE_ANSWERS[language])


def _answer_first(session: InterviewSession, job_key: str, answers: dict[str, str]) -> None:
    """Answer the plan's first questions, as far as ``answers`` go; the rest stays open."""
    keys = _keys_by_text(job_key)
    for _ in range(len(answers)):
        question, _progress = current_question(session)
        if question is None or keys.get(question.text) not in answers:
            break
        text = answers[keys[question.text]]
        do_submit_answer(session=session, question_id=question.pk, text=text)


def _may_record(session: InterviewSession, question: Question) -> bool:
    """The room records a voice answer only with the candidate's consent to it."""
    return answer_mode(session, question) == AnswerMode.VOICE


def _keys_by_text(job_key: str) -> dict[str, str]:
    return {q.text: q.key for q in QUESTIONS_BY_JOB[job_key]}


def _typed_instead(key: str) -> str:
    # Without espeak-ng the spoken answer is typed, word for word.
    return " ".join(SPOKEN_ANSWER) if key == SPOKEN_QUESTION else ""


def _record(session: InterviewSession, question: Question, spoken: SpokenAnswer) -> None:
    """Upload the recording in numbered chunks and complete it, as the room's recorder does."""
    recordings.do_upload_recording(
        session=session,
        question_id=question.pk,
        data=spoken.webm,
        mime_type=WEBM_MIME_TYPE,
        duration_seconds=spoken.seconds,
    )
