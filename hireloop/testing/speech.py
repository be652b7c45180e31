"""Speech for tests and benchmarks: English from espeak-ng, the real clips in ../shared/data/speech.

espeak-ng's English is clear enough for Whisper to transcribe; its Mandarin voice is not, so the
Chinese tests use the real recorded clip only. ``to_webm`` and ``transcode`` write the formats a
browser's MediaRecorder (WebM/Opus, 48 kHz) and other sources produce.
"""

import subprocess
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

#: The reference clips; absent on users' machines, so tests skip when it is missing.
SPEECH_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "speech"
JFK_CLIP = "en_jfk.flac"
MANDARIN_CLIP = "zh_masr_test.wav"
ESPEAK = "/usr/bin/espeak-ng"
_ESPEAK_TIMEOUT_S = 60
# espeak-ng pads each utterance with silence; trimmed below this level so planted pauses are
# exactly as long as asked.
_TRIM_LEVEL = 1e-3


@dataclass(frozen=True)
class SynthesisedSpeech:
    path: Path
    rate: int
    duration: float
    pauses: tuple[tuple[float, float], ...]  # (start, end) of each planted silence, seconds


def reference_transcripts(data: Path = SPEECH_DATA) -> dict[str, str]:
    """File name → reference transcript, from ``transcripts.tsv``."""
    lines = (data / "transcripts.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def espeak_samples(
    text: str, *, rate_wpm: int = 160, voice: str = "en-us"
) -> tuple[np.ndarray, int]:
    """One utterance from espeak-ng as float32 samples (trimmed of silence) and its rate."""
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "utterance.wav"
        subprocess.run(
            [ESPEAK, "-v", voice, "-s", str(rate_wpm), "-w", str(wav), text],
            check=True,
            capture_output=True,
            timeout=_ESPEAK_TIMEOUT_S,
        )
        samples, rate = read_wav(wav)
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


def concat_with_silence(clips: Sequence[np.ndarray], rate: int, gap: float) -> np.ndarray:
    """The clips one after another with ``gap`` seconds of silence between them."""
    parts: list[np.ndarray] = []
    for index, clip in enumerate(clips):
        if index:
            parts.append(silence(gap, rate))
        parts.append(clip.astype(np.float32, copy=False))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


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
    samples, source_rate = read_wav(wav_path)
    with av.open(str(out_path), mode="w", format=container_format) as output:
        audio_stream = output.add_stream(codec, rate=rate, layout="mono")
        video_stream = _add_video_stream(output) if with_video else None
        formats = audio_stream.codec_context.codec.audio_formats or ()
        audio_format = formats[0].name if formats else "flt"
        resampler = av.AudioResampler(format=audio_format, layout="mono", rate=rate)
        _mux_audio(output, audio_stream, resampler, samples, source_rate)
        if video_stream is not None:
            _mux_blank_video(output, video_stream, samples.size / source_rate)
    return Path(out_path)


def _mux_audio(  # type: ignore[no-untyped-def]
    output, stream, resampler, samples: np.ndarray, source_rate: int
) -> None:
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
