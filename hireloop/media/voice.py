"""How an answer was spoken: timing (rate, pauses, fillers) and, where allowed, tone of voice.

These are measurements a reviewer can check against the recording — each with its evidence
(where in the recording it happened) — and never verdicts about the person. Speaking rate and
pauses vary with language, accent, disability (stammering, hearing loss), nerves about the
recording itself and the microphone; that is why nothing here is named or scored as "confident",
"nervous", "fluent" or similar, and why pages show the figures beside the recording, not a grade.

Tone (pitch and loudness) is only computed when ``include_tone`` is true: the gating module
decides that from the organisation's compliance profile (EU AI Act Art. 5(1)(f)), and a value
that was never computed cannot leak.
"""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import webrtcvad

from hireloop.media.observations import Evidence, Observation
from hireloop.media.stt import Transcript

VAD_RATE = 16000
FRAME_S = 0.03  # webrtcvad accepts 10, 20 or 30 ms; 30 ms gives the steadiest decisions
# Mode 2 of 0–3 (3 = most eager to call a frame non-speech). Measured on espeak speech with two
# planted pauses and white noise added at −50, −40 and −30 dBFS: modes 0 and 1 heard the −30 dBFS
# hiss as speech throughout (voiced share 1.00, no pause found); modes 2 and 3 found both pauses
# within 0.1 s at every level, mode 3 marking a few more frames silent. We take the gentler of
# the two that work: an eager VAD clips quiet speech, which would lengthen the pauses of
# soft-spoken people — a bias, not a measurement.
VAD_MODE = 2
MIN_PAUSE_S = 0.5  # shorter gaps are the ordinary breaks between words and phrases
# A burst of "speech" shorter than this inside a silence is a click or a breath, not a word:
# it must not split one pause into two.
MIN_SPEECH_S = 0.09


@dataclass(frozen=True)
class Pause:
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def observe_voice(
    audio: np.ndarray, rate: int, transcript: Transcript, *, include_tone: bool
) -> list[Observation]:
    """Timing observations always; tone observations only when ``include_tone``."""
    speech = speech_frames(audio, rate)
    observations = timing_observations(speech, transcript)
    if include_tone:
        observations += tone_observations(audio, rate, speech)
    return observations


def timing_observations(speech: np.ndarray, transcript: Transcript) -> list[Observation]:
    span = speaking_span(speech, transcript)
    pauses = [p for p in find_pauses(speech) if span and _inside(p, span)]
    return [
        _speaking_rate(transcript, span),
        _pause_count(pauses),
        _pause_ratio(pauses, span),
        _longest_pause(pauses),
        _time_to_first_word(speech, transcript),
        _filler_words(transcript),
        Observation(
            "voiced_share",
            "timing",
            _round(float(speech.mean()) if speech.size else 0.0, 3),
            "share",
        ),
    ]


# -- voice activity -----------------------------------------------------------------------------


def speech_frames(audio: np.ndarray, rate: int) -> np.ndarray:
    """One bool per 30 ms frame: does webrtcvad hear speech in it."""
    samples = _at_vad_rate(np.asarray(audio, dtype=np.float32), rate)
    frame = int(VAD_RATE * FRAME_S)
    count = samples.size // frame
    if count == 0:
        return np.zeros(0, dtype=bool)
    pcm = (np.clip(samples[: count * frame], -1.0, 1.0) * 32767).astype("<i2")
    vad = webrtcvad.Vad(VAD_MODE)
    flags = [
        vad.is_speech(pcm[i * frame : (i + 1) * frame].tobytes(), VAD_RATE) for i in range(count)
    ]
    return _drop_short_bursts(np.array(flags, dtype=bool))


def _at_vad_rate(samples: np.ndarray, rate: int) -> np.ndarray:
    # decode_audio already gives 16 kHz; other rates (tests, other callers) are resampled
    # linearly, which is plenty for a speech/non-speech decision.
    if rate == VAD_RATE or samples.size == 0:
        return samples
    target = np.arange(0, samples.size / rate, 1 / VAD_RATE)
    return np.interp(target, np.arange(samples.size) / rate, samples).astype(np.float32)


def _runs(flags: np.ndarray) -> Iterable[tuple[bool, int, int]]:
    """(value, first index, end index) of each run of equal values."""
    if flags.size == 0:
        return []
    edges = np.flatnonzero(np.diff(flags.astype(np.int8))) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [flags.size]))
    return [(bool(flags[s]), int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


def _drop_short_bursts(flags: np.ndarray) -> np.ndarray:
    shortest = math.ceil(MIN_SPEECH_S / FRAME_S)
    cleaned = flags.copy()
    for value, start, end in _runs(flags):
        if value and end - start < shortest:
            cleaned[start:end] = False
    return cleaned


def find_pauses(speech: np.ndarray) -> list[Pause]:
    """Silences of at least MIN_PAUSE_S between two stretches of speech (not before or after)."""
    return [
        Pause(round(start * FRAME_S, 2), round(end * FRAME_S, 2))
        for value, start, end in _runs(speech)
        if not value and start > 0 and end < speech.size and (end - start) * FRAME_S >= MIN_PAUSE_S
    ]


def _inside(pause: Pause, span: tuple[float, float]) -> bool:
    # Silence before the first word is time_to_first_word, after the last one the end of the
    # recording, not pauses. webrtcvad marks a few frames of background noise as speech while
    # it adapts at the start, which would otherwise turn a silent lead-in into a "pause". The
    # midpoint test allows for word times that are a few hundred milliseconds off.
    return span[0] <= (pause.start + pause.end) / 2 <= span[1]


def speaking_span(speech: np.ndarray, transcript: Transcript) -> tuple[float, float] | None:
    """From the first to the last word (word timestamps), else the first to last speech frame."""
    tokens = timed_tokens(transcript)
    first = first_word_at(speech, transcript)
    if tokens and first is not None:
        return first, max(first, max(token.end for token in tokens))
    voiced = np.flatnonzero(speech)
    if voiced.size == 0:
        return None
    return float(voiced[0] * FRAME_S), float((voiced[-1] + 1) * FRAME_S)


# -- the timing observations --------------------------------------------------------------------


def _speaking_rate(transcript: Transcript, span: tuple[float, float] | None) -> Observation:
    is_chinese = transcript.language == "zh"
    unit = "cpm" if is_chinese else "wpm"
    units = count_cjk(transcript.text) if is_chinese else count_words(transcript.text)
    if span is None or units == 0 or span[1] - span[0] < 1.0:
        # Under a second of speech gives no meaningful per-minute rate.
        return Observation("speaking_rate", "timing", None, unit)
    minutes = (span[1] - span[0]) / 60
    return Observation(
        "speaking_rate", "timing", _round(units / minutes, 0), unit, (Evidence(*span),)
    )


def count_cjk(text: str) -> int:
    """Chinese characters only: punctuation, digits and embedded English words do not count."""
    return sum(1 for char in text if _is_cjk(char))


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2EBEF


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def _pause_count(pauses: list[Pause]) -> Observation:
    evidence = tuple(Evidence(p.start, p.end) for p in pauses)
    return Observation("pause_count", "timing", len(pauses), "count", evidence)


def _pause_ratio(pauses: list[Pause], span: tuple[float, float] | None) -> Observation:
    # Only pauses of MIN_PAUSE_S or more count as silence here; the short gaps between words
    # are part of speaking (voiced_share covers them).
    if span is None or span[1] <= span[0]:
        return Observation("pause_ratio", "timing", None, "share")
    inside = sum(max(0.0, min(p.end, span[1]) - max(p.start, span[0])) for p in pauses)
    return Observation("pause_ratio", "timing", _round(inside / (span[1] - span[0]), 3), "share")


def _longest_pause(pauses: list[Pause]) -> Observation:
    if not pauses:
        return Observation("longest_pause", "timing", 0.0, "s")
    longest = max(pauses, key=lambda p: p.length)
    return Observation(
        "longest_pause",
        "timing",
        _round(longest.length, 2),
        "s",
        (Evidence(longest.start, longest.end),),
    )


def first_word_at(speech: np.ndarray, transcript: Transcript) -> float | None:
    """When the first word starts, or None when nobody spoke."""
    tokens = timed_tokens(transcript)
    voiced = np.flatnonzero(speech)
    onset = float(voiced[0] * FRAME_S) if voiced.size else None
    if not tokens:
        return onset
    # Whisper's word times come from attention alignment and often start a first word up to
    # half a second early (measured 0.59 s for a word that began at 1.0 s). Where the VAD
    # hears the voice start inside that first word, its 30 ms frames are the better clock.
    first = tokens[0]
    if onset is not None and first.start <= onset <= first.end:
        return onset
    return first.start


def _time_to_first_word(speech: np.ndarray, transcript: Transcript) -> Observation:
    first = first_word_at(speech, transcript)
    if first is None:
        return Observation("time_to_first_word", "timing", None, "s")
    first = round(first, 2)
    return Observation("time_to_first_word", "timing", first, "s", (Evidence(0.0, first),))


def _filler_words(transcript: Transcript) -> Observation:
    found = find_fillers(transcript)
    evidence = tuple(Evidence(f.start, f.end, f.text) for f in found)
    return Observation("filler_words", "timing", len(found), "count", evidence)


# -- fillers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimedToken:
    text: str
    start: float
    end: float


def timed_tokens(transcript: Transcript) -> list[TimedToken]:
    """The transcript's words with times; a segment without word times counts as one token."""
    tokens: list[TimedToken] = []
    for segment in transcript.segments:
        if segment.words:
            tokens += [TimedToken(w.text, w.start, w.end) for w in segment.words if w.text]
        elif segment.text:
            tokens.append(TimedToken(segment.text, segment.start, segment.end))
    return tokens


# Sounds that are only ever hesitations in English. Whisper often leaves them out of its
# transcript altogether, so the count is a lower bound, never an exact figure.
ENGLISH_HESITATIONS = frozenset({"um", "umm", "uhm", "uh", "uhh", "er", "erm", "hmm"})
# "like" is a filler only when set off by a comma ("it was, like, three weeks") and not after
# words that make it a verb or a preposition ("I like, uh, Python", "things like, say, caching").
# Without the commas we cannot tell "like" the filler from "like" the word, and a wrongly
# counted filler says more about a person than a missed one: we count only the clear cases.
_LIKE_NOT_FILLER_AFTER = frozenset(
    {"i", "you", "we", "they", "he", "she", "i'd", "you'd", "we'd", "they'd", "would"}
    | {"really", "also", "don't", "didn't", "do", "does", "just", "more", "much"}
    | {"feel", "felt", "feels", "look", "looks", "looked", "sound", "sounds", "seem", "seems"}
    | {"things", "stuff", "something", "anything", "nothing"}
)
_CLAUSE_END = (",", ".", "?", "!", ";", "…")


def _plain(text: str) -> str:
    return re.sub(r"[^\w']", "", text.lower())


def find_fillers(transcript: Transcript) -> list[TimedToken]:
    """Each filler with its time; English and Chinese rules differ (see the comments)."""
    tokens = timed_tokens(transcript)
    if transcript.language == "zh":
        return _chinese_fillers(tokens)
    return _english_fillers(tokens)


def _english_fillers(tokens: list[TimedToken]) -> list[TimedToken]:
    found: list[TimedToken] = []
    for index, token in enumerate(tokens):
        word = _plain(token.text)
        before = tokens[index - 1] if index else None
        if word in ENGLISH_HESITATIONS:
            found.append(TimedToken(word, token.start, token.end))
        elif word == "like" and _is_filler_like(token, before, tokens[index + 1 : index + 2]):
            found.append(TimedToken("like", token.start, token.end))
        elif word == "know" and before is not None and _plain(before.text) == "you":
            earlier = tokens[index - 2] if index >= 2 else None
            # "…, you know, …" or "You know, …": set off on both sides. Not "do you know".
            opens = earlier is None or earlier.text.endswith(_CLAUSE_END)
            if opens and token.text.endswith(_CLAUSE_END):
                found.append(TimedToken("you know", before.start, token.end))
    return found


def _is_filler_like(token: TimedToken, before: TimedToken | None, after: list[TimedToken]) -> bool:
    if before is not None and _plain(before.text) in _LIKE_NOT_FILLER_AFTER:
        return False
    if after and _plain(after[0].text) == "to":  # "like to": a verb
        return False
    comma_before = before is None or before.text.endswith(",")
    return comma_before or token.text.endswith(",")


# Chinese: 嗯 and 呃 are hesitation sounds and count. 那个 counts only when it stands alone —
# before a comma or repeated (那个，那个那个) — since "那个项目" ("that project") is ordinary
# speech. 然后 ("then") and 就是说 ("that is to say") are real connectives in most answers and
# habitual fillers in some; telling them apart needs more than a transcript, so they are not
# counted. As in English, Whisper drops many hesitations: a lower bound.
_CHINESE_FILLER = re.compile(r"嗯+|呃+|那个(?=[，,、。…]|那个)")


def _chinese_fillers(tokens: list[TimedToken]) -> list[TimedToken]:
    text = ""
    owner: list[int] = []  # character position → index of the token it came from
    for index, token in enumerate(tokens):
        text += token.text
        owner += [index] * len(token.text)
    return [
        TimedToken(
            match.group(), tokens[owner[match.start()]].start, tokens[owner[match.end() - 1]].end
        )
        for match in _CHINESE_FILLER.finditer(text)
    ]


# -- tone ---------------------------------------------------------------------------------------

PITCH_FLOOR_HZ = 75.0  # Praat's defaults: cover low male and high female voices
PITCH_CEILING_HZ = 600.0
MIN_VOICED_FRAMES = 10  # below 0.1 s of voicing a mean pitch says nothing


def tone_observations(audio: np.ndarray, rate: int, speech: np.ndarray) -> list[Observation]:
    """Pitch and loudness (Praat via parselmouth); None where there is too little voice."""
    mean_hz = variation_st = loudness = loudness_sd = None
    if audio.size / rate >= 0.2:  # Praat needs a few pitch periods to analyse at all
        import parselmouth  # loaded only where tone is computed

        sound = parselmouth.Sound(np.asarray(audio, dtype=np.float64), sampling_frequency=rate)
        mean_hz, variation_st = _pitch(sound)
        loudness, loudness_sd = _loudness(sound, speech)
    return [
        Observation("pitch_mean_hz", "tone", mean_hz, "Hz"),
        # Spread in semitones (12·log2 of f0 ratios): comparable between low and high voices,
        # where a spread in Hz is not.
        Observation("pitch_variation", "tone", variation_st, "st"),
        # Praat's intensity scale (samples read as pascals): depends on microphone gain, so it
        # compares parts of one recording, not recordings made on different devices.
        Observation("loudness_mean_db", "tone", loudness, "dB"),
        Observation("loudness_variation_db", "tone", loudness_sd, "dB"),
    ]


def _pitch(sound: Any) -> tuple[float | None, float | None]:
    pitch = sound.to_pitch(pitch_floor=PITCH_FLOOR_HZ, pitch_ceiling=PITCH_CEILING_HZ)
    f0 = pitch.selected_array["frequency"]
    voiced = f0[np.isfinite(f0) & (f0 > 0)]
    if voiced.size < MIN_VOICED_FRAMES:
        return None, None
    semitones = 12 * np.log2(voiced / np.median(voiced))
    return _round(float(voiced.mean()), 1), _round(float(semitones.std()), 2)


def _loudness(sound: Any, speech: np.ndarray) -> tuple[float | None, float | None]:
    intensity = sound.to_intensity(minimum_pitch=PITCH_FLOOR_HZ)
    times, values = np.asarray(intensity.xs()), np.asarray(intensity.values[0])
    # Only frames the VAD heard as speech: silence would drag the mean down by the length of
    # the pauses, mixing loudness up with timing.
    frame = np.minimum((times / FRAME_S).astype(int), max(speech.size - 1, 0))
    in_speech = speech[frame] if speech.size else np.zeros(times.size, dtype=bool)
    # Praat writes −300 dB for digital silence.
    chosen = values[in_speech & np.isfinite(values) & (values > 0)]
    if chosen.size == 0:
        return None, None
    return _round(float(chosen.mean()), 1), _round(float(chosen.std()), 1)


def _round(value: float, digits: int) -> float | None:
    if not math.isfinite(value):
        return None  # JSON has no NaN; an undefined figure is None
    return float(round(value, digits))
