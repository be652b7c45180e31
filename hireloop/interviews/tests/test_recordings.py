"""Voice and video answers uploaded in chunks: stored once, in order, only with consent, only
for the current question of an open interview, and never beyond the size limit."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from hireloop.interviews import recordings
from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode, SessionStatus
from hireloop.interviews.models import InterviewSession, Recording, RecordingChunk
from hireloop.interviews.services import current_question, do_invite, do_start, plan_questions
from hireloop.testing.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

AUDIO = "audio/webm;codecs=opus"
VIDEO = "video/webm;codecs=vp8,opus"


@pytest.fixture
def session(job, recruiter):  # type: ignore[no-untyped-def]
    """An interview at its first question (voice); the second question is video."""
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    first, second = plan_questions(session)[:2]
    first.answer_mode, second.answer_mode = AnswerMode.VOICE, AnswerMode.VIDEO
    first.save()
    second.save()
    do_start(session=session)
    flow.do_record_consent(session=session, granted={"voice", "video"})
    flow.do_finish_practice(session=session)
    return session


def store(session, seq: int, data: bytes, take: str, mime: str = AUDIO, question=None):  # type: ignore[no-untyped-def]
    question = question or current_question(session)[0]
    return recordings.do_store_chunk(
        session=session, question_id=question.pk, take=take, seq=seq, data=data, mime_type=mime
    )


def complete(session, take: str, chunks: int, total: int):  # type: ignore[no-untyped-def]
    return recordings.do_complete_recording(
        session=session,
        question_id=current_question(session)[0].pk,
        take=take,
        chunks=chunks,
        total_bytes=total,
        duration_seconds=3.2,
    )


def plaintext(recording: Recording) -> bytes:
    chunks = recordings.recording_chunks(recording)
    return b"".join(recordings.iter_bytes(chunks, 0, recording.bytes_received - 1))


def test_a_chunk_sent_twice_is_stored_once(session) -> None:  # type: ignore[no-untyped-def]
    take = str(uuid.uuid4())
    state, stored = store(session, 0, b"first", take)
    assert stored and state.as_json() == {
        "take": take,
        "next_seq": 1,
        "bytes": 5,
        "complete": False,
    }
    state, stored = store(session, 0, b"first", take)  # the answer was lost: sent again
    assert not stored and state.next_seq == 1 and state.bytes == 5
    assert RecordingChunk.objects.count() == 1


def test_an_early_chunk_is_refused_with_the_number_expected(session) -> None:  # type: ignore[no-untyped-def]
    take = str(uuid.uuid4())
    store(session, 0, b"a", take)
    with pytest.raises(recordings.OutOfOrder) as refused:
        store(session, 2, b"c", take)
    assert refused.value.state.next_seq == 1 and refused.value.status == 409
    store(session, 1, b"b", take)
    store(session, 2, b"c", take)
    assert plaintext(Recording.objects.get()) == b"abc"


def test_other_bytes_under_a_stored_number_are_refused(session) -> None:  # type: ignore[no-untyped-def]
    take = str(uuid.uuid4())
    store(session, 0, b"original", take)
    with pytest.raises(recordings.ChunkMismatch):
        store(session, 0, b"tampered", take)
    assert plaintext(Recording.objects.get()) == b"original"


def test_only_the_current_question_can_be_recorded(session) -> None:  # type: ignore[no-untyped-def]
    later = plan_questions(session)[1]
    with pytest.raises(recordings.NotCurrentQuestion):
        store(session, 0, b"x", str(uuid.uuid4()), VIDEO, question=later)
    assert not Recording.objects.exists()


def test_without_consent_nothing_is_recorded(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    first = plan_questions(session)[0]
    first.answer_mode = AnswerMode.VIDEO
    first.save()
    do_start(session=session)
    flow.do_record_consent(session=session, granted={"voice"})  # voice yes, video no
    flow.do_finish_practice(session=session)
    with pytest.raises(recordings.NoConsent) as refused:
        store(session, 0, b"x", str(uuid.uuid4()), VIDEO)
    assert refused.value.status == 403 and not Recording.objects.exists()


def test_a_video_cannot_be_sent_for_a_voice_answer(session) -> None:  # type: ignore[no-untyped-def]
    for mime in (VIDEO, "text/html", "audio/webm; codecs=opus<script>"):
        with pytest.raises(recordings.BadChunk):
            store(session, 0, b"x", str(uuid.uuid4()), mime)
    store(session, 0, b"x", str(uuid.uuid4()), 'audio/webm; codecs="opus"')
    assert Recording.objects.get().mime_type == AUDIO


def test_a_recording_beyond_the_size_limit_is_refused(session, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_RECORDING_MAX_BYTES = 10
    take = str(uuid.uuid4())
    store(session, 0, b"123456", take)
    with pytest.raises(recordings.RecordingTooLarge) as refused:
        store(session, 1, b"78901", take)
    assert refused.value.status == 413 and refused.value.state.bytes == 6
    settings.HIRELOOP_RECORDING_CHUNK_MAX_BYTES = 3
    with pytest.raises(recordings.RecordingTooLarge):
        store(session, 1, b"7890", take)


def test_a_closed_or_expired_interview_takes_no_recording(session) -> None:  # type: ignore[no-untyped-def]
    InterviewSession.objects.filter(pk=session.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    session.refresh_from_db()
    with pytest.raises(recordings.RecordingClosed):
        store(session, 0, b"x", str(uuid.uuid4()))
    # A question shown before the deadline may still be answered (and recorded) for a while.
    InterviewSession.objects.filter(pk=session.pk).update(
        question_started_at=timezone.now() - timedelta(minutes=2)
    )
    session.refresh_from_db()
    assert store(session, 0, b"x", str(uuid.uuid4()))[1]
    InterviewSession.objects.filter(pk=session.pk).update(
        deadline=timezone.now() + timedelta(days=1), status=SessionStatus.COMPLETED
    )
    session.refresh_from_db()
    with pytest.raises(recordings.RecordingClosed) as refused:
        store(session, 0, b"x", str(uuid.uuid4()))
    assert refused.value.status == 410


def test_re_recording_starts_over_and_refuses_the_old_takes_chunks(
    session, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    old, new = str(uuid.uuid4()), str(uuid.uuid4())
    store(session, 0, b"old-0", old)
    store(session, 1, b"old-1", old)
    old_files = [Path(settings.MEDIA_ROOT) / c.file.name for c in RecordingChunk.objects.all()]
    assert all(f.exists() for f in old_files)
    with django_capture_on_commit_callbacks(execute=True):
        store(session, 0, b"new-0", new)
    with pytest.raises(recordings.StaleTake):
        store(session, 2, b"old-2", old)  # still in flight when "Re-record" was pressed
    recording = Recording.objects.get()
    assert plaintext(recording) == b"new-0" and recording.chunk_count == 1
    assert not any(f.exists() for f in old_files)  # deleted once the new take committed


def test_complete_needs_every_chunk_and_is_idempotent(session) -> None:  # type: ignore[no-untyped-def]
    take = str(uuid.uuid4())
    store(session, 0, b"ab", take)
    with pytest.raises(recordings.UploadIncomplete) as refused:
        complete(session, take, chunks=2, total=4)
    assert refused.value.state.next_seq == 1
    store(session, 1, b"cd", take)
    assert complete(session, take, chunks=2, total=4).complete
    assert complete(session, take, chunks=2, total=4).complete  # a retried request
    with pytest.raises(recordings.RecordingRefused):
        store(session, 2, b"ef", take)  # nothing is added to a complete take
    recording = Recording.objects.get()
    assert recording.is_complete and recording.duration_seconds == 3.2


def test_chunks_are_encrypted_at_rest(session) -> None:  # type: ignore[no-untyped-def]
    secret = b"my voice " * 100
    store(session, 0, secret, str(uuid.uuid4()))
    raw = (Path(settings.MEDIA_ROOT) / RecordingChunk.objects.get().file.name).read_bytes()
    assert raw.startswith(b"HLS1") and b"my voice" not in raw


def test_a_complete_recording_is_an_answer_without_text(session) -> None:  # type: ignore[no-untyped-def]
    question = current_question(session)[0]
    with pytest.raises(flow.SessionClosed):
        flow.do_answer_in_room(session=session, question_id=question.pk, text="")
    take = str(uuid.uuid4())
    store(session, 0, b"spoken", take)
    complete(session, take, chunks=1, total=6)
    answer = flow.do_answer_in_room(session=session, question_id=question.pk, text="")
    assert answer is not None and answer.mode == AnswerMode.VOICE and answer.text == ""
    assert answer.recording == Recording.objects.get() and answer.remark
    # The same form sent again (a double click) changes nothing and raises nothing.
    assert flow.do_answer_in_room(session=session, question_id=question.pk, text="") is None
    assert session.answers.count() == 1 and session.current_index == 1


def test_a_written_answer_drops_an_unfinished_recording(
    session, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    question = current_question(session)[0]
    store(session, 0, b"half", str(uuid.uuid4()))
    path = Path(settings.MEDIA_ROOT) / RecordingChunk.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        answer = flow.do_answer_in_room(
            session=session, question_id=question.pk, text="I would rather write it down."
        )
    assert answer.mode == AnswerMode.TEXT and answer.recording is None
    assert not Recording.objects.exists() and not path.exists()


def test_the_state_tells_a_reloaded_page_where_to_resume(session) -> None:  # type: ignore[no-untyped-def]
    question = current_question(session)[0]
    assert recordings.recording_state(session=session, question_id=question.pk).next_seq == 0
    take = str(uuid.uuid4())
    store(session, 0, b"abc", take)
    state = recordings.recording_state(session=session, question_id=question.pk)
    assert (state.take, state.next_seq, state.bytes, state.complete) == (take, 1, 3, False)
