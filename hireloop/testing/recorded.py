"""Recorded answers for tests: a media file uploaded in chunks through the real protocol."""

from pathlib import Path

from hireloop.interviews import recordings
from hireloop.interviews.models import Answer, InterviewSession
from hireloop.interviews.room import do_answer_in_room
from hireloop.interviews.services import current_question


def record_answer(
    session: InterviewSession, media: Path | bytes, *, mime_type: str, duration: float = 5.0
) -> Answer:
    """Upload ``media`` as the answer to the current question and submit it, as the room does."""
    data = media if isinstance(media, bytes) else Path(media).read_bytes()
    question = current_question(session)[0]
    assert question is not None, "the interview has no open question"
    recordings.do_upload_recording(
        session=session,
        question_id=question.pk,
        data=data,
        mime_type=mime_type,
        duration_seconds=duration,
    )
    answer = do_answer_in_room(session=session, question_id=question.pk, text="")
    assert answer is not None
    return answer
