"""Speech for tests and benchmarks: English from espeak-ng, the real clips in ../shared/data/speech.

The synthesis and the audio encoding live in ``hireloop.demo.speech`` (the demo loader speaks an
answer with them); this module adds what only tests need: the reference clips, joining clips,
and a WebM with a blank video track or with no sound at all, as MediaRecorder writes for a video
answer or a blocked microphone.
"""

from collections.abc import Sequence
from pathlib import Path

import av
import numpy as np

from hireloop.demo import speech as _speech
from hireloop.demo.speech import (
    SynthesisedSpeech,
    espeak_samples,
    read_wav,
    silence,
    synthesise_english,
    trim_silence,
    write_wav,
)

__all__ = [
    "JFK_CLIP",
    "MANDARIN_CLIP",
    "SPEECH_DATA",
    "SynthesisedSpeech",
    "concat_with_silence",
    "espeak_samples",
    "read_wav",
    "reference_transcripts",
    "silence",
    "synthesise_english",
    "to_webm",
    "transcode",
    "trim_silence",
    "write_video_without_sound",
    "write_wav",
]

#: The reference clips; absent on users' machines, so tests skip when it is missing.
SPEECH_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "speech"
JFK_CLIP = "en_jfk.flac"
MANDARIN_CLIP = "zh_masr_test.wav"


def reference_transcripts(data: Path = SPEECH_DATA) -> dict[str, str]:
    """File name → reference transcript, from ``transcripts.tsv``."""
    lines = (data / "transcripts.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def concat_with_silence(clips: Sequence[np.ndarray], rate: int, gap: float) -> np.ndarray:
    """The clips one after another with ``gap`` seconds of silence between them."""
    parts: list[np.ndarray] = []
    for index, clip in enumerate(clips):
        if index:
            parts.append(silence(gap, rate))
        parts.append(clip.astype(np.float32, copy=False))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def to_webm(wav_path: Path, out_path: Path, *, with_video: bool = False) -> Path:
    """WebM with Opus at 48 kHz (and a VP8 track if asked), as Chromium's MediaRecorder writes."""
    return transcode(wav_path, out_path, codec="libopus", rate=48000, with_video=with_video)


def transcode(
    wav_path: Path,
    out_path: Path,
    *,
    codec: str,
    rate: int,
    container_format: str | None = None,
    with_video: bool = False,
) -> Path:
    """Re-encode a WAV file with PyAV: e.g. libopus → .webm/.ogg, aac → .mp4, flac → .flac."""
    if not with_video:
        return _speech.transcode(
            wav_path, out_path, codec=codec, rate=rate, container_format=container_format
        )
    samples, source_rate = read_wav(wav_path)
    with av.open(str(out_path), mode="w", format=container_format) as output:
        # Every stream is added before the first packet is muxed.
        audio_stream = _speech.add_audio_stream(output, codec=codec, rate=rate)
        video_stream = _add_video_stream(output)
        _speech.mux_audio(output, audio_stream, samples, source_rate)
        _mux_blank_video(output, video_stream, samples.size / source_rate)
    return Path(out_path)


def _add_video_stream(output):  # type: ignore[no-untyped-def]
    stream = output.add_stream("libvpx", rate=10)
    stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
    return stream


def _mux_blank_video(output, stream, seconds: float) -> None:  # type: ignore[no-untyped-def]
    picture = np.full((120, 160, 3), 90, dtype=np.uint8)
    for index in range(max(1, int(seconds * 10))):
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = index
        output.mux(stream.encode(frame))
    output.mux(stream.encode(None))


def write_video_without_sound(out_path: Path, *, seconds: float = 1.0) -> Path:
    """A WebM with only a VP8 track, as MediaRecorder writes when the microphone is blocked."""
    with av.open(str(out_path), mode="w") as output:
        _mux_blank_video(output, _add_video_stream(output), seconds)
    return Path(out_path)
