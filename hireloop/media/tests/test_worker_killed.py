"""A real `manage.py db_worker` killed (SIGKILL, a power cut) while it transcribes a voice
answer: nothing of the analysis is written, the task stays RUNNING, and once re-queued the
next worker redoes the analysis exactly once.

The worker process must see the test's database. PostgreSQL's test database is reachable as
it is; SQLite's lives in this process's memory, so it is copied to a file for the worker and
copied back once the worker is dead (the SQLite backup API, whole pages, schema included).
"""

import contextlib
import os
import signal
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import do_invite, do_start, plan_questions
from hireloop.media.enums import AnalysisStatus
from hireloop.media.models import MediaAnalysis
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.processes import SharedDatabase, db_worker, worker_env
from hireloop.testing.recorded import record_answer
from hireloop.testing.speech import synthesise_english, to_webm
from hireloop.workflow.enums import EventType
from hireloop.workflow.models import OutboxEvent
from hireloop.workflow.recovery import do_requeue_stale_tasks
from hireloop.workflow.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)

AUDIO = "audio/webm;codecs=opus"
# About 40 s of speech: Whisper base needs several seconds of CPU for it, so the kill lands
# while the worker transcribes, however slow or fast the machine.
SPOKEN = [
    "I led the migration of our billing service to a new database last spring.",
    "The old system had grown over ten years and nobody knew all of its rules.",
    "We wrote down every rule we found and checked each one against real invoices.",
    "Then we moved one customer group at a time, starting with the smallest one.",
    "We measured the error rate every day and it fell by half within a month.",
    "When a payment failed we could replay it on both systems and compare them.",
    "The team met every morning for ten minutes to decide what to move next.",
    "In the end we switched off the old database without a single lost invoice.",
    "What I learned is that a migration is mostly careful checking, not clever code.",
]
STARTED_WITHIN_S = 180  # worker start, Whisper's model load and decoding, on 2 shared cores
POLL_S = 0.02


@pytest.fixture(scope="module")
def long_spoken_webm(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("speech")
    speech = synthesise_english(SPOKEN, folder / "answer.wav", pauses=[1.0] * 8, lead_in=1.0)
    assert speech.duration > 35
    return to_webm(speech.path, folder / "answer.webm")


def voice_interview(job, recruiter) -> InterviewSession:  # type: ignore[no-untyped-def]
    """An interview at its first question, to be answered by voice, with voice consent."""
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = plan_questions(session)[0]
    question.answer_mode = AnswerMode.VOICE
    question.language = "en"
    question.save()
    do_start(session=session)
    flow.do_record_consent(session=session, granted={"voice"})
    flow.do_finish_practice(session=session)
    return session


def analysis_state(shared: SharedDatabase, recording_id: int) -> tuple[str, str] | None:
    """(status, step) of the recording's analysis as the worker left it, if it exists."""
    query = f"SELECT status, step FROM {MediaAnalysis._meta.db_table} WHERE recording_id = %s"
    if shared.sqlite:
        with contextlib.closing(sqlite3.connect(shared.file, timeout=20)) as db:
            row = db.execute(query.replace("%s", "?"), (recording_id,)).fetchone()
    else:
        with connection.cursor() as cursor:
            cursor.execute(query, [recording_id])
            row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def test_a_worker_killed_while_transcribing_writes_nothing_and_the_requeued_task_redoes_it_once(  # type: ignore[no-untyped-def]
    job, recruiter, long_spoken_webm, tmp_path
) -> None:
    session = voice_interview(job, recruiter)
    answer = record_answer(session, long_spoken_webm, mime_type=AUDIO, duration=40.0)
    recording_id = answer.recording_id
    assert recording_id is not None

    shared = SharedDatabase(tmp_path)
    shared.hand_over()
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log, db_worker(worker_env(shared.url()), log) as worker:
        deadline = time.monotonic() + STARTED_WITHIN_S
        state = None
        while state != (AnalysisStatus.RUNNING, "transcribing"):
            assert worker.poll() is None, f"the worker exited: {log_path.read_text()}"
            assert time.monotonic() < deadline, f"never transcribing ({state}): {log_path}"
            assert state is None or state[0] in (AnalysisStatus.PENDING, AnalysisStatus.RUNNING)
            time.sleep(POLL_S)
            state = analysis_state(shared, recording_id)
        os.killpg(worker.pid, signal.SIGKILL)  # a power cut in the middle of Whisper
        assert worker.wait(timeout=30) == -signal.SIGKILL
    shared.take_back()

    analysis = MediaAnalysis.objects.get(recording_id=recording_id)
    assert (analysis.status, analysis.step, analysis.attempts) == ("running", "transcribing", 1)
    assert analysis.transcript == "" and analysis.segments == [] and analysis.finished_at is None
    answer.refresh_from_db()
    assert answer.text == ""
    analysed = OutboxEvent.objects.filter(
        type=EventType.MEDIA_ANALYSED, payload__analysis_id=analysis.pk
    )
    assert not analysed.exists()
    stuck = DBTaskResult.objects.get(task_path__endswith="analyse_recording")
    assert stuck.status == TaskResultStatus.RUNNING  # the dead worker's claim, not lost

    assert do_requeue_stale_tasks(older_than=timedelta(0)) == 1
    run_queued_tasks()

    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.DONE, analysis.error_text()
    assert analysis.attempts == 2 and analysis.step == "" and analysis.progress == 100
    assert "migration" in analysis.transcript.lower() and analysis.segments
    answer.refresh_from_db()
    assert answer.text == analysis.transcript.strip()
    assert "error rate" in answer.text.lower()
    assert analysed.count() == 1
    assert DBTaskResult.objects.get(pk=stuck.pk).status == TaskResultStatus.SUCCESSFUL
