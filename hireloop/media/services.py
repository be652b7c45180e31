"""Analysing recorded answers on the worker: the public API of the media app.

One task per recording (``tasks.analyse_recording``), started when the answer is submitted.
The work runs outside any transaction (a minute of audio takes seconds); its results are
written in one transaction at the end, under a lock, and only if no other run has written
them first, so a retried or doubled task never stores two results. A recording that cannot
be decoded ends as a readable error on that answer alone; the interview and the other
answers go on, and scoring leaves that answer out.
"""

import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hireloop.errors import HireLoopError
from hireloop.interviews.models import Answer, InterviewSession, Recording
from hireloop.interviews.services import do_fill_transcript
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import AnalysisStatus
from .gating import Gate, gate_for
from .models import MediaAnalysis, ObservationThumbnail
from .observations import Observation, Thumbnail
from .reasons import ANALYSIS_FAILED, MediaError

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
SAMPLE_RATE = 16000


@dataclass(frozen=True)
class AnalysisResult:
    transcript: str
    language: str
    engine: str
    duration: float
    segments: list[dict[str, Any]]
    observations: list[Observation]
    thumbnails: list[Thumbnail]


def on_answer_recorded(payload: dict[str, Any]) -> None:
    """Subscriber of interview.answer_recorded: queue the analysis once the answer commits."""
    from .tasks import analyse_recording

    recording_id = payload["recording_id"]
    MediaAnalysis.objects.get_or_create(recording_id=recording_id)
    transaction.on_commit(lambda: analyse_recording.enqueue(recording_id))


def do_analyse_recording(*, recording_id: int) -> MediaAnalysis:
    """Transcribe and observe one recording; idempotent (a finished analysis is returned)."""
    analysis = _claim(recording_id)
    if analysis.is_finished:
        return analysis
    recording = analysis.recording
    gate = gate_for(recording)
    if not gate.consented:
        return _finish(analysis, status=AnalysisStatus.SKIPPED, gate=gate)
    started = time.monotonic()
    try:
        result = _analyse(analysis, recording, gate)
    except HireLoopError as error:  # undecodable, empty or too long: final, explained
        return _finish(analysis, status=AnalysisStatus.FAILED, gate=gate, error=error)
    except Exception as error:
        return _retry_or_fail(analysis, gate, error)
    return _finish(
        analysis,
        status=AnalysisStatus.DONE,
        gate=gate,
        result=result,
        seconds=time.monotonic() - started,
    )


def _claim(recording_id: int) -> MediaAnalysis:
    with transaction.atomic():
        analysis, _created = MediaAnalysis.objects.select_for_update().get_or_create(
            recording_id=recording_id
        )
        if not analysis.is_finished:
            # A run that died (worker killed) left RUNNING behind; this run simply redoes it.
            analysis.status = AnalysisStatus.RUNNING
            analysis.attempts += 1
            analysis.started_at = timezone.now()
            analysis.progress, analysis.step = 0, "decoding"
            analysis.save(update_fields=["status", "attempts", "started_at", "progress", "step"])
    return MediaAnalysis.objects.select_related(
        "recording__session__application__job__organisation"
    ).get(pk=analysis.pk)


def _progress(analysis: MediaAnalysis, percent: int, step: str) -> None:
    # Outside any transaction, so the report page sees it while the work goes on.
    MediaAnalysis.objects.filter(pk=analysis.pk).update(progress=percent, step=step)


def _analyse(analysis: MediaAnalysis, recording: Recording, gate: Gate) -> AnalysisResult:
    from .audio import decode_audio
    from .stt import get_engine
    from .voice import observe_voice

    folder = Path(tempfile.mkdtemp(prefix="hireloop-media-"))  # 0700: only this process
    try:
        path = _write_recording(recording, folder)
        audio = decode_audio(path, sample_rate=SAMPLE_RATE)
        _progress(analysis, 15, "transcribing")
        transcript = get_engine().transcribe(audio, language=recording.question.language)
        _progress(analysis, 70, "observing")
        observations = observe_voice(
            audio, SAMPLE_RATE, transcript, include_tone=gate.includes_tone
        )
        thumbnails: list[Thumbnail] = []
        if gate.includes_face:
            from .video import observe_video

            _progress(analysis, 80, "video")
            video = observe_video(path, sample_fps=settings.HIRELOOP_VIDEO_SAMPLE_FPS)
            observations += video.observations
            thumbnails = video.thumbnails
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return AnalysisResult(
        transcript=transcript.text,
        language=transcript.language,
        engine=transcript.engine,
        duration=transcript.duration,
        segments=transcript.as_json()["segments"],
        observations=[o for o in observations if o.group in gate.groups],
        thumbnails=thumbnails,
    )


def _write_recording(recording: Recording, folder: Path) -> Path:
    """The chunks joined into one plaintext file for the decoder, in a private temp folder."""
    path = folder / ("answer.webm" if "webm" in recording.mime_type else "answer.media")
    with path.open("wb") as out:
        for chunk in recording.chunks.order_by("seq"):
            with default_storage.open(chunk.file.name, "rb") as stored:
                out.write(stored.read())
    return path


def _finish(
    analysis: MediaAnalysis,
    *,
    status: str,
    gate: Gate,
    result: AnalysisResult | None = None,
    error: Exception | None = None,
    seconds: float | None = None,
) -> MediaAnalysis:
    with transaction.atomic():
        locked = MediaAnalysis.objects.select_for_update().get(pk=analysis.pk)
        if locked.is_finished:
            return locked  # another run finished first: its result stands, ours is dropped
        locked.status, locked.skipped = status, gate.skipped
        locked.progress, locked.step, locked.finished_at = 100, "", timezone.now()
        locked.seconds_taken = round(seconds, 2) if seconds is not None else None
        if error is not None:
            _store_error(locked, error)
        if result is not None:
            _store_result(locked, result)
        locked.save()
        answer = Answer.objects.filter(recording_id=locked.recording_id).first()
        if result is not None and answer is not None:
            do_fill_transcript(answer_id=answer.pk, transcript=result.transcript)
        record_event(
            type=EventType.MEDIA_ANALYSED,
            payload={"session_id": locked.recording.session_id, "analysis_id": locked.pk},
        )
    return locked


def _store_error(analysis: MediaAnalysis, error: Exception) -> None:
    """A reason of reasons.FAILURES is stored as its code and parameters, for each reader's
    language; any other error keeps its class's code and its own words."""
    if isinstance(error, MediaError):
        analysis.error_code, analysis.error_params = error.reason, error.params
        analysis.error = ""
    else:
        analysis.error_code, analysis.error_params = getattr(error, "code", "error"), {}
        analysis.error = str(error)[:2000]


def _store_result(analysis: MediaAnalysis, result: AnalysisResult) -> None:
    analysis.transcript, analysis.language = result.transcript, result.language
    analysis.engine, analysis.duration_seconds = result.engine[:80], round(result.duration, 1)
    analysis.segments = result.segments
    analysis.observations = [o.as_json() for o in result.observations]
    analysis.error_code, analysis.error_params, analysis.error = "", {}, ""
    for still in result.thumbnails:
        thumbnail = ObservationThumbnail(
            analysis=analysis, observation_key=still.observation_key, at_seconds=still.at_seconds
        )
        # No personal data in the path; the default storage encrypts the picture.
        name = f"observations/{analysis.recording_id}/{still.at_seconds:08.2f}.jpg"
        thumbnail.file.save(name, ContentFile(still.jpeg), save=False)
        thumbnail.save()


def _retry_or_fail(analysis: MediaAnalysis, gate: Gate, error: Exception) -> MediaAnalysis:
    """An unexpected failure (a bug, a full disk) is retried; after MAX_ATTEMPTS it is final."""
    logger.exception("Analysing recording %s failed", analysis.recording_id)
    if analysis.attempts >= MAX_ATTEMPTS:
        failure = MediaError(ANALYSIS_FAILED)
        return _finish(analysis, status=AnalysisStatus.FAILED, gate=gate, error=failure)
    from .tasks import analyse_recording

    MediaAnalysis.objects.filter(pk=analysis.pk).update(
        status=AnalysisStatus.PENDING, error=str(error)[:2000], step=""
    )
    analyse_recording.enqueue(analysis.recording_id)
    analysis.refresh_from_db()
    return analysis


def analyses_of(session: InterviewSession) -> QuerySet[MediaAnalysis]:
    return MediaAnalysis.objects.filter(recording__session=session)


def is_analysing(session: InterviewSession) -> bool:
    """Whether recordings of this session still wait for their transcript."""
    return (
        analyses_of(session)
        .filter(status__in=[AnalysisStatus.PENDING, AnalysisStatus.RUNNING])
        .exists()
    )
