"""English speech from espeak-ng, encoded as a browser records it (WebM/Opus, 48 kHz).

The demo loader speaks one interview answer with it, and the media tests and
``bench/media.py`` use it (through ``hireloop.testing.speech``) to plant words and pauses that
speech-to-text must find. espeak-ng's English is clear enough for Whisper to transcribe; its
Mandarin voice is not, so nothing here speaks Chinese.

espeak-ng is a Debian package (``make system``), not a Python dependency: a machine without
it gets ``SpeechUnavailable``, never a crash.
"""

import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

from hireloop.errors import HireLoopError

ESPEAK_COMMAND = "espeak-ng"
_ESPEAK_TIMEOUT_S = 60
# espeak-ng pads each utterance with silence; trimmed below this level so planted pauses are
# exactly as long as asked.
_TRIM_LEVEL = 1e-3
WEBM_MIME_TYPE = "audio/webm;codecs=opus"


class SpeechUnavailable(HireLoopError):
    """espeak-ng is missing or failed; the message says which and what to do."""

    code = "speech_unavailable"


@dataclass(frozen=True)
class SynthesisedSpeech:
    path: Path
    rate: int
    duration: float
    pauses: tuple[tuple[float, float], ...]  # (start, end) of each planted silence, seconds


def espeak_path() -> str | None:
    """Where espeak-ng is on this machine's PATH, or None."""
    return shutil.which(ESPEAK_COMMAND)


def espeak_samples(
    text: str, *, rate_wpm: int = 160, voice: str = "en-us"
) -> tuple[np.ndarray, int]:
    """One utterance from espeak-ng as float32 samples (trimmed of silence) and its rate."""
    program = espeak_path()
    if program is None:
        raise SpeechUnavailable(
            "espeak-ng is not installed (run `make system`, or apt-get install espeak-ng)."
        )
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "utterance.wav"
        try:
            subprocess.run(
                [program, "-v", voice, "-s", str(rate_wpm), "-w", str(wav), text],
                check=True,
                capture_output=True,
                timeout=_ESPEAK_TIMEOUT_S,
            )
            samples, rate = read_wav(wav)
        except (OSError, subprocess.SubprocessError, wave.Error) as error:
            raise SpeechUnavailable(f"espeak-ng could not speak: {error}") from error
    return trim_silence(samples), rate


def synthesise_english(
    text: str | Sequence[str],
    path: Path,
    *,
    rate_wpm: int = 160,
    pauses: Sequence[float] = (),
    lead_in: float = 0.0,
) -> SynthesisedSpeech:
    """Speak ``text`` (one phrase, or several with ``pauses[i]`` seconds after phrase i) to WAV."""
    phrases = [text] if isinstance(text, str) else list(text)
    parts: list[np.ndarray] = []
    planted: list[tuple[float, float]] = []
    rate = 22050
    position = 0
    for index, phrase in enumerate(phrases):
        samples, rate = espeak_samples(phrase, rate_wpm=rate_wpm)
        if index == 0 and lead_in:
            parts.append(silence(lead_in, rate))
            position += parts[-1].size
        parts.append(samples)
        position += samples.size
        gap = pauses[index] if index < len(pauses) else 0.0
        if gap > 0:
            planted.append((position / rate, position / rate + gap))
            parts.append(silence(gap, rate))
            position += parts[-1].size
    audio = np.concatenate(parts)
    write_wav(path, audio, rate)
    return SynthesisedSpeech(Path(path), rate, audio.size / rate, tuple(planted))


def silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(round(seconds * rate), dtype=np.float32)


def trim_silence(samples: np.ndarray) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples) > _TRIM_LEVEL)
    return samples[loud[0] : loud[-1] + 1] if loud.size else samples[:0]


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """16-bit PCM WAV as mono float32 samples and the sample rate."""
    with wave.open(str(path), "rb") as handle:
        rate, channels = handle.getframerate(), handle.getnchannels()
        raw = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
    return (raw.reshape(-1, channels).mean(axis=1) / 32768.0).astype(np.float32), rate


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(pcm.tobytes())
    return Path(path)


def to_webm(wav_path: Path, out_path: Path) -> Path:
    """WebM with Opus at 48 kHz, as Chromium's MediaRecorder writes a voice answer."""
    return transcode(wav_path, out_path, codec="libopus", rate=48000)


def transcode(
    wav_path: Path, out_path: Path, *, codec: str, rate: int, container_format: str | None = None
) -> Path:
    """Re-encode a WAV file with PyAV: e.g. libopus → .webm/.ogg, aac → .mp4, flac → .flac."""
    samples, source_rate = read_wav(wav_path)
    with av.open(str(out_path), mode="w", format=container_format) as output:
        stream = add_audio_stream(output, codec=codec, rate=rate)
        mux_audio(output, stream, samples, source_rate)
    return Path(out_path)


def add_audio_stream(output: Any, *, codec: str, rate: int) -> Any:
    """A mono audio stream of ``codec`` at ``rate`` in an open PyAV output container."""
    return output.add_stream(codec, rate=rate, layout="mono")


def mux_audio(output: Any, stream: Any, samples: np.ndarray, source_rate: int) -> None:
    """Encode mono float32 ``samples`` into ``stream``, resampled to the stream's rate."""
    formats = stream.codec_context.codec.audio_formats or ()
    audio_format = formats[0].name if formats else "flt"
    resampler = av.AudioResampler(format=audio_format, layout="mono", rate=stream.rate)
    block = 4096
    for offset in range(0, samples.size, block):
        frame = av.AudioFrame.from_ndarray(
            samples[None, offset : offset + block], format="flt", layout="mono"
        )
        frame.sample_rate = source_rate
        frame.pts = offset
        frame.time_base = Fraction(1, source_rate)
        for converted in resampler.resample(frame):
            output.mux(stream.encode(converted))
    for converted in resampler.resample(None):
        output.mux(stream.encode(converted))
    output.mux(stream.encode(None))
