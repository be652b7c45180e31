"""Decoding of interview recordings into the mono 16 kHz samples the speech engines need.

PyAV (FFmpeg's libraries, shipped inside the wheel) reads whatever a browser's MediaRecorder
produces — WebM with Opus, with or without a VP8/VP9 video track, MP4 with AAC on Safari — and
the files people upload by hand (Ogg, WAV, FLAC). Every failure comes out as
``MediaDecodeError`` with a reason the candidate or recruiter can act on (a code of
hireloop.media.reasons, read in each reader's language); FFmpeg's own errors are kept as the
cause for the logs, never shown.
"""

import logging
from pathlib import Path

import av
import numpy as np
from django.conf import settings

from .reasons import MediaError

logger = logging.getLogger(__name__)

#: FFmpeg reports durations in microseconds (``av.time_base``).
_MICROSECONDS = 1_000_000


class MediaDecodeError(MediaError):
    code = "media_undecodable"


def decode_audio(source: str | Path, *, sample_rate: int = 16000) -> np.ndarray:
    """The first audio track of ``source`` as mono float32 samples in [-1, 1] at ``sample_rate``.

    Raises ``MediaDecodeError`` for a missing, empty, damaged or over-long file, or one without
    sound.
    """
    path = Path(source)
    _check_file(path)
    max_seconds = float(settings.HIRELOOP_MEDIA_MAX_SECONDS)
    try:
        with av.open(str(path), mode="r") as container:
            stream = _first_audio_stream(container)
            _check_declared_duration(container, max_seconds)
            samples = _decode_stream(container, stream, sample_rate, max_seconds)
    except av.FFmpegError as exc:
        logger.info("FFmpeg could not read %s: %s", path.name, exc)
        raise MediaDecodeError("audio_damaged") from exc
    if samples.size == 0:
        raise MediaDecodeError("sound_track_empty")
    return samples


def audio_duration(samples: np.ndarray, rate: int) -> float:
    """Length of ``samples`` in seconds."""
    return float(len(samples)) / rate if rate > 0 else 0.0


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise MediaDecodeError("file_missing")
    if path.stat().st_size == 0:
        raise MediaDecodeError("file_empty")


def _first_audio_stream(container: av.container.InputContainer) -> av.audio.AudioStream:
    if not container.streams.audio:
        raise MediaDecodeError("no_sound")
    return container.streams.audio[0]


def _too_long_error(max_seconds: float) -> MediaDecodeError:
    if max_seconds >= 60:
        return MediaDecodeError("too_long_minutes", limit=f"{max_seconds / 60:.3g}")
    return MediaDecodeError("too_long_seconds", limit=f"{max_seconds:.3g}")


def _check_declared_duration(container: av.container.InputContainer, max_seconds: float) -> None:
    # Fail before decoding when the header already says the file is too long. MediaRecorder's
    # WebM has no duration in its header, so _decode_stream checks again while decoding.
    if container.duration is not None and container.duration / _MICROSECONDS > max_seconds + 1:
        raise _too_long_error(max_seconds)


def _decode_stream(
    container: av.container.InputContainer,
    stream: av.audio.AudioStream,
    sample_rate: int,
    max_seconds: float,
) -> np.ndarray:
    # Packed float mono at the target rate; FFmpeg's resampler mixes stereo down properly
    # (averaging channels, not dropping one).
    resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
    max_samples = int((max_seconds + 1) * sample_rate)
    chunks: list[np.ndarray] = []
    total = 0
    # decode(stream) demuxes only this stream's packets: a video track is skipped, not decoded.
    for frame in container.decode(stream):
        for out in resampler.resample(frame):
            chunk = out.to_ndarray().reshape(-1)
            chunks.append(chunk)
            total += chunk.size
        if total > max_samples:
            raise _too_long_error(max_seconds)
    for out in resampler.resample(None):  # flush the resampler's delay line
        chunks.append(out.to_ndarray().reshape(-1))
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    # Lossy decoders (AAC, Opus) overshoot full scale slightly; callers rely on [-1, 1].
    return np.clip(np.concatenate(chunks).astype(np.float32, copy=False), -1.0, 1.0)
