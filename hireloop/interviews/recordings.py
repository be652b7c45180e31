"""Voice and video answers, uploaded by the browser in numbered chunks (docs/interview-room.md).

The protocol is built for phones on weak networks: every chunk carries its take (one
recording attempt) and its sequence number, so a chunk sent twice is stored once, a chunk
that arrives early is refused with the number the server expects next, and a browser that
lost its connection or was reloaded asks for the state and continues from there. Nothing is
stored without the candidate's separate consent to the mode (PIPL Art. 28-29).
"""

import hashlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hireloop.errors import HireLoopError
from hireloop.privacy.storage import delete_files_with_rows

from .enums import AnswerMode, SessionStatus
from .models import InterviewSession, Question, Recording, RecordingChunk
from .room import MEDIA_MODES, RoomStep, answer_mode, room_step
from .services import _may_finish_after_deadline, current_question

# What MediaRecorder writes in current browsers (Chromium, Firefox: WebM/Ogg; Safari: MP4),
# with optional codec parameters. Anything else is refused: the type is served back as the
# Content-Type of the recording, so it must be one a media element can play.
MIME_TYPE = re.compile(r"^(audio|video)/(webm|ogg|mp4)(;codecs=[a-z0-9.,]+)?$")
MODE_MEDIA = {AnswerMode.VOICE: "audio", AnswerMode.VIDEO: "video"}


@dataclass(frozen=True)
class RecordingState:
    """What the browser needs to resume: the take, the next chunk number, the bytes so far."""

    take: str | None = None
    next_seq: int = 0
    bytes: int = 0
    complete: bool = False

    @classmethod
    def of(cls, recording: Recording | None) -> "RecordingState":
        if recording is None:
            return cls()
        return cls(
            take=str(recording.take),
            next_seq=recording.chunk_count,
            bytes=recording.bytes_received,
            complete=recording.is_complete,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "take": self.take,
            "next_seq": self.next_seq,
            "bytes": self.bytes,
            "complete": self.complete,
        }


class RecordingRefused(HireLoopError):
    """An upload the server will not store; ``status`` is the HTTP status the view answers."""

    code = "recording_refused"
    status = 409

    def __init__(self, message: str, state: RecordingState | None = None) -> None:
        super().__init__(message)
        self.state = state or RecordingState()


class RecordingClosed(RecordingRefused):
    code = "session_closed"
    status = 410


class NotCurrentQuestion(RecordingRefused):
    code = "not_current_question"


class NoConsent(RecordingRefused):
    code = "no_consent"
    status = 403


class RecordingTooLarge(RecordingRefused):
    code = "too_large"
    status = 413


class BadChunk(RecordingRefused):
    code = "bad_chunk"
    status = 400


class OutOfOrder(RecordingRefused):
    """The browser sent a chunk ahead of one the server lacks; it resends from ``next_seq``."""

    code = "out_of_order"


class StaleTake(RecordingRefused):
    """A chunk of an earlier take (sent before "Re-record"); the browser drops it."""

    code = "stale_take"


class ChunkMismatch(RecordingRefused):
    """A chunk number already stored with other bytes: never overwritten silently."""

    code = "chunk_mismatch"


class UploadIncomplete(RecordingRefused):
    """``complete`` named more chunks or bytes than arrived; the browser sends the rest."""

    code = "incomplete"


def max_bytes() -> int:
    return int(settings.HIRELOOP_RECORDING_MAX_BYTES)


def chunk_max_bytes() -> int:
    return int(settings.HIRELOOP_RECORDING_CHUNK_MAX_BYTES)


def check_recording_allowed(*, session: InterviewSession, question_id: int) -> tuple[Question, str]:
    """The current question and its recording mode, or the reason nothing may be recorded."""
    # Past the deadline, only a question opened before it may still be answered, as the link
    # itself decides (services.session_from_token); the upload follows the same rule.
    is_late = session.deadline < timezone.now() and not _may_finish_after_deadline(session)
    if session.status != SessionStatus.IN_PROGRESS or is_late:
        raise RecordingClosed(_("This interview is closed; nothing more can be recorded."))
    question, _progress = current_question(session)
    if question is None or question.pk != question_id or room_step(session) != RoomStep.QUESTION:
        raise NotCurrentQuestion(_("This recording is not for the current question."))
    mode = answer_mode(session, question)
    if mode not in MEDIA_MODES:
        # Without consent to this mode the candidate answers in writing (PIPL Art. 29).
        raise NoConsent(
            pgettext(
                "candidate",
                "You did not agree to this kind of recording; please answer in writing.",
            )
        )
    return question, mode


def normalise_mime_type(value: str) -> str:
    return value.replace(" ", "").replace('"', "").lower()


def check_mime_type(mime_type: str, mode: str) -> None:
    match = MIME_TYPE.match(mime_type)
    if match is None or match.group(1) != MODE_MEDIA[AnswerMode(mode)]:
        raise BadChunk(_("This kind of recording cannot be stored."))


def recording_state(*, session: InterviewSession, question_id: int) -> RecordingState:
    """The server's view of this question's recording, for a browser that resumes."""
    return RecordingState.of(
        Recording.objects.filter(session=session, question_id=question_id).first()
    )


def do_store_chunk(
    *,
    session: InterviewSession,
    question_id: int,
    take: str,
    seq: int,
    data: bytes,
    mime_type: str,
) -> tuple[RecordingState, bool]:
    """Store chunk ``seq`` of ``take``; returns the new state and whether it was new.

    Chunk 0 of a new take starts the recording over (the candidate chose "Re-record"); a
    chunk already stored with the same bytes is acknowledged without storing it again.
    """
    take_id = _parse_take(take)
    if not data:
        raise BadChunk(_("An empty chunk was sent."))
    if len(data) > chunk_max_bytes():
        raise RecordingTooLarge(_("This chunk is too large."))
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        # One lock per session orders this chunk against other uploads and the answer itself.
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        question, mode = check_recording_allowed(session=locked, question_id=question_id)
        recording = Recording.objects.filter(session=locked, question=question).first()
        state = RecordingState.of(recording)
        if recording is None or recording.take != take_id:
            if seq != 0:
                raise StaleTake(_("This chunk belongs to an earlier recording."), state)
            check_mime_type(normalise_mime_type(mime_type), mode)
            recording = _new_take(recording, locked, question, mode, take_id, mime_type)
        if seq < recording.chunk_count:
            stored = recording.chunks.get(seq=seq)
            if stored.sha256 != digest:
                raise ChunkMismatch(_("This part of the recording was already received."), state)
            return RecordingState.of(recording), False
        if seq > recording.chunk_count:
            raise OutOfOrder(_("A part of the recording is missing; sending it again."), state)
        if recording.is_complete:
            raise RecordingRefused(_("This recording is already complete."), state)
        if recording.bytes_received + len(data) > max_bytes():
            raise RecordingTooLarge(_("This recording is too long to be stored."), state)
        _save_chunk(recording, locked.public_id, seq, data, digest)
        recording.chunk_count += 1
        recording.bytes_received += len(data)
        recording.save(update_fields=["chunk_count", "bytes_received"])
    return RecordingState.of(recording), True


def do_complete_recording(
    *,
    session: InterviewSession,
    question_id: int,
    take: str,
    chunks: int,
    total_bytes: int,
    duration_seconds: float | None = None,
) -> RecordingState:
    """Mark the take complete once every chunk the browser sent has arrived (idempotent)."""
    take_id = _parse_take(take)
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        question, _mode = check_recording_allowed(session=locked, question_id=question_id)
        recording = Recording.objects.filter(session=locked, question=question).first()
        state = RecordingState.of(recording)
        if recording is None or recording.take != take_id:
            raise StaleTake(_("This recording was replaced by a newer one."), state)
        if recording.chunk_count == 0:
            raise BadChunk(_("Nothing was recorded."), state)
        if (chunks, total_bytes) != (recording.chunk_count, recording.bytes_received):
            raise UploadIncomplete(_("Parts of the recording are still on their way."), state)
        if not recording.is_complete:
            recording.is_complete = True
            recording.completed_at = timezone.now()
            if duration_seconds is not None and 0 < duration_seconds < 24 * 3600:
                recording.duration_seconds = round(duration_seconds, 1)
            recording.save(update_fields=["is_complete", "completed_at", "duration_seconds"])
    return RecordingState.of(recording)


def do_upload_recording(
    *,
    session: InterviewSession,
    question_id: int,
    data: bytes,
    mime_type: str,
    duration_seconds: float,
    chunk_bytes: int = 64 * 1024,  # what a browser sends per request, well under the limit
) -> RecordingState:
    """Store a whole recording held on the server as one take, through the same chunk and
    completion steps as the room's recorder (the demo's synthesised answers, tests)."""
    take = str(uuid.uuid4())
    parts = [data[i : i + chunk_bytes] for i in range(0, len(data), chunk_bytes)] or [b"\0"]
    for seq, part in enumerate(parts):
        do_store_chunk(
            session=session,
            question_id=question_id,
            take=take,
            seq=seq,
            data=part,
            mime_type=mime_type,
        )
    return do_complete_recording(
        session=session,
        question_id=question_id,
        take=take,
        chunks=len(parts),
        total_bytes=sum(len(part) for part in parts),
        duration_seconds=duration_seconds,
    )


def _parse_take(take: str) -> uuid.UUID:
    try:
        return uuid.UUID(take)
    except (TypeError, ValueError) as error:
        raise BadChunk(_("The recording is not named correctly.")) from error


def _new_take(
    recording: Recording | None,
    session: InterviewSession,
    question: Question,
    mode: str,
    take: uuid.UUID,
    mime_type: str,
) -> Recording:
    mime_type = normalise_mime_type(mime_type)
    if recording is None:
        return Recording.objects.create(
            session=session, question=question, mode=mode, take=take, mime_type=mime_type
        )
    recording.chunks.all().delete()  # the files go after commit (see _delete_chunk_file)
    recording.take, recording.mode, recording.mime_type = take, mode, mime_type
    recording.chunk_count, recording.bytes_received = 0, 0
    recording.is_complete, recording.completed_at, recording.duration_seconds = False, None, None
    recording.save()
    return recording


def _save_chunk(
    recording: Recording, session_id: uuid.UUID, seq: int, data: bytes, digest: str
) -> None:
    # No personal data in the path; the storage encrypts the content (PIPL Art. 51).
    name = f"recordings/{session_id}/{recording.pk}-{recording.take}/{seq:06d}"
    chunk = RecordingChunk(recording=recording, seq=seq, size=len(data), sha256=digest)
    chunk.file.save(name, ContentFile(data), save=False)
    try:
        chunk.save()
    except Exception:
        chunk.file.delete(save=False)
        raise


# A deleted chunk (re-record, erasure, a deleted session) takes its file with it.
delete_files_with_rows(RecordingChunk)


def completed_recording_for(*, session: InterviewSession, question: Question) -> Recording | None:
    return Recording.objects.filter(session=session, question=question, is_complete=True).first()


def recording_chunks(recording: Recording) -> list[tuple[int, str]]:
    """(size, stored name) of each chunk in order: the map that byte ranges are read from."""
    return list(recording.chunks.order_by("seq").values_list("size", "file"))


def iter_bytes(chunks: list[tuple[int, str]], start: int, end: int) -> Iterator[bytes]:
    """Plaintext bytes ``start``..``end`` (inclusive), decrypting one chunk at a time."""
    offset = 0
    for size, name in chunks:
        first, last = offset, offset + size - 1
        offset += size
        if last < start:
            continue
        if first > end:
            break
        with default_storage.open(name, "rb") as stored:
            data = stored.read()
        yield data[max(0, start - first) : end - first + 1]
