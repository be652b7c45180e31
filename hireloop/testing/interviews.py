"""Taking an interview through the real services, for tests that need a scored report."""

from typing import Any

from hireloop.candidates.models import Application
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import (
    current_question,
    do_answer_probe,
    do_invite,
    do_start,
    do_submit_answer,
    open_probe,
)
from hireloop.workflow.worker import run_queued_tasks


def take_interview(
    *, application: Application, actor: Any, answers: list[str] | str
) -> InterviewSession:
    """Invite, start and answer every question (cycling through ``answers``), then run the
    worker so the report is written; returns the completed session."""
    session = do_invite(application=application, actor=actor)
    do_start(session=session)
    return finish_interview(session, answers)


def finish_interview(session: InterviewSession, answers: list[str] | str) -> InterviewSession:
    """Answer every open question and resume-claim question (cycling through ``answers``), then
    run the worker so the report is written; returns the completed session."""
    texts = [answers] if isinstance(answers, str) else answers
    index = 0
    while (question := current_question(session)[0]) is not None:
        do_submit_answer(session=session, question_id=question.pk, text=texts[index % len(texts)])
        index += 1
    while (probe := open_probe(session)) is not None:  # questions about the resume's claims
        do_answer_probe(session=session, probe_id=probe.pk, text=texts[index % len(texts)])
        index += 1
    run_queued_tasks()
    session.refresh_from_db()
    return session
