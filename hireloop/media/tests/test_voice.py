"""Voice observations: pauses, rate and fillers where they were planted; tone only when allowed."""

import json

import numpy as np
import pytest

from hireloop.media.audio import decode_audio
from hireloop.media.stt import Segment, Transcript, Word, get_engine
from hireloop.media.voice import (
    count_cjk,
    find_fillers,
    observe_voice,
    speech_frames,
)
from hireloop.testing.speech import synthesise_english

# The end-to-end test loads the model: keep it in the speech-to-text process.

PHRASES = [
    "Um, I think the main problem was the database.",
    "We added an index, and the latency dropped a lot.",
]
TIMING_KEYS = {
    "speaking_rate",
    "pause_count",
    "pause_ratio",
    "longest_pause",
    "time_to_first_word",
    "filler_words",
    "voiced_share",
}
TONE_KEYS = {"pitch_mean_hz", "pitch_variation", "loudness_mean_db", "loudness_variation_db"}
# Words a verdict would use; observations must never contain them.
VERDICTS = ("confiden", "nervous", "fluent", "anxious", "honest", "enthusias", "stress")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Speech with a 2 s pause after the first phrase, preceded by 1 s of silence."""
    folder = tmp_path_factory.mktemp("voice")
    speech = synthesise_english(PHRASES, folder / "answer.wav", pauses=[2.0], lead_in=1.0)
    return speech, decode_audio(speech.path)


def _by_key(observations):  # type: ignore[no-untyped-def]
    return {o.key: o for o in observations}


def _transcript(words: list[tuple[str, float, float]], language: str = "en") -> Transcript:
    timed = tuple(Word(text, start, end, 0.9) for text, start, end in words)
    separator = "" if language == "zh" else " "
    text = separator.join(w.text for w in timed)
    segment = Segment(text, timed[0].start if timed else 0, timed[-1].end if timed else 0, timed)
    return Transcript(text, language, (segment,) if timed else (), "test", 10.0)


def _fillers(text: str, language: str = "en") -> list[str]:
    tokens = list(text) if language == "zh" else text.split()
    words = [(token, i * 0.3, i * 0.3 + 0.25) for i, token in enumerate(tokens)]
    return [f.text for f in find_fillers(_transcript(words, language))]


def test_the_planted_pause_is_found_where_it_was_planted(planted):  # type: ignore[no-untyped-def]
    speech, audio = planted
    (start, end) = speech.pauses[0]
    observed = _by_key(
        observe_voice(
            audio, 16000, get_engine().transcribe(audio, language="en"), include_tone=False
        )
    )
    assert observed["pause_count"].value == 1
    longest = observed["longest_pause"]
    assert longest.value == pytest.approx(2.0, abs=0.3)
    assert longest.evidence[0].start == pytest.approx(start, abs=0.3)
    assert longest.evidence[0].end == pytest.approx(end, abs=0.3)
    assert observed["time_to_first_word"].value == pytest.approx(1.0, abs=0.3)
    # "Um," was planted; Whisper keeps it in the transcript.
    fillers = observed["filler_words"]
    assert fillers.value == 1 and fillers.evidence[0].note == "um"
    assert fillers.evidence[0].start == pytest.approx(1.0, abs=0.5)
    span = observed["speaking_rate"].evidence[0]
    assert observed["pause_ratio"].value == pytest.approx(2.0 / (span.end - span.start), abs=0.06)
    assert 100 <= observed["speaking_rate"].value <= 220  # espeak at 160 wpm, pauses included
    assert observed["speaking_rate"].unit == "wpm"


def test_tone_is_not_computed_unless_allowed(planted, monkeypatch):  # type: ignore[no-untyped-def]
    _speech, audio = planted
    transcript = _transcript([("We", 1.0, 1.2), ("added", 1.2, 1.5)])
    from hireloop.media import voice

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("tone was computed although it is not allowed")

    monkeypatch.setattr(voice, "tone_observations", refuse)
    observed = observe_voice(audio, 16000, transcript, include_tone=False)
    assert {o.key for o in observed} == TIMING_KEYS
    assert {o.group for o in observed} == {"timing"}


def test_tone_when_allowed_measures_the_voice(planted):  # type: ignore[no-untyped-def]
    _speech, audio = planted
    transcript = _transcript([("We", 1.0, 1.2), ("added", 1.2, 1.5)])
    tone = {
        o.key: o
        for o in observe_voice(audio, 16000, transcript, include_tone=True)
        if o.group == "tone"
    }
    assert set(tone) == TONE_KEYS
    assert 70 <= tone["pitch_mean_hz"].value <= 200  # espeak's default voice is male, ~100 Hz
    assert tone["pitch_variation"].unit == "st" and 0 < tone["pitch_variation"].value < 12
    assert 40 < tone["loudness_mean_db"].value < 100
    assert tone["loudness_variation_db"].value > 0


def test_silence_gives_sane_values_and_valid_json():  # type: ignore[no-untyped-def]
    silent = np.zeros(16000 * 5, dtype=np.float32)
    empty = Transcript("", "en", (), "test", 5.0)
    observed = observe_voice(silent, 16000, empty, include_tone=True)
    values = _by_key(observed)
    assert values["pause_count"].value == 0 and values["filler_words"].value == 0
    assert values["voiced_share"].value == 0.0
    assert values["speaking_rate"].value is None and values["pitch_mean_hz"].value is None
    json.dumps([o.as_json() for o in observed], allow_nan=False)  # raises on NaN


def test_a_fraction_of_a_second_or_no_audio_at_all_does_not_fail():  # type: ignore[no-untyped-def]
    for samples in (np.zeros(0, dtype=np.float32), np.zeros(800, dtype=np.float32)):
        observed = observe_voice(
            samples, 16000, Transcript("", "", (), "t", 0.0), include_tone=True
        )
        json.dumps([o.as_json() for o in observed], allow_nan=False)


def test_pauses_come_from_the_vad_when_there_are_no_word_times(planted):  # type: ignore[no-untyped-def]
    speech, audio = planted
    observed = _by_key(
        observe_voice(audio, 16000, Transcript("", "en", (), "t", 0), include_tone=False)
    )
    assert observed["pause_count"].value == 1
    assert observed["longest_pause"].evidence[0].start == pytest.approx(
        speech.pauses[0][0], abs=0.3
    )
    assert observed["time_to_first_word"].value == pytest.approx(1.0, abs=0.15)


def test_audio_at_another_rate_is_resampled_for_the_vad(planted):  # type: ignore[no-untyped-def]
    _speech, audio = planted
    at_16k = speech_frames(audio, 16000)
    at_8k = speech_frames(audio[::2], 8000)
    assert abs(at_16k.size - at_8k.size) <= 1
    assert np.mean(at_16k[: at_8k.size] == at_8k[: at_16k.size]) > 0.9


def test_chinese_rate_counts_characters_per_minute():  # type: ignore[no-untyped-def]
    text = "我负责了Kubernetes迁移，效果很好。"
    assert count_cjk(text) == 10
    words = [(char, i * 0.25, i * 0.25 + 0.2) for i, char in enumerate(text)]
    observed = _by_key(
        observe_voice(
            np.zeros(16000 * 10, dtype=np.float32),
            16000,
            _transcript(words, "zh"),
            include_tone=False,
        )
    )
    rate = observed["speaking_rate"]
    assert rate.unit == "cpm"
    duration = words[-1][2] - words[0][1]
    assert rate.value == pytest.approx(10 / duration * 60, abs=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, I think uh we shipped it.", ["um", "uh"]),
        ("It was, like, three weeks.", ["like"]),
        ("I'd like to explain. I like, uh, Python.", ["uh"]),
        ("Things like, say, caching helped.", []),
        ("We would like to hire more. It looks like a bug.", []),
        ("So, you know, we fixed it.", ["you know"]),
        ("Do you know the answer? You know, I do.", ["you know"]),
        ("I want you to know that.", []),
    ],
)
def test_english_fillers_are_only_the_clear_cases(text, expected):  # type: ignore[no-untyped-def]
    assert _fillers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("嗯，我觉得呃这个项目很好", ["嗯", "呃"]),
        ("那个项目是我负责的", []),
        ("那个，我们当时那个那个方案", ["那个", "那个"]),
        ("然后我们就是说上线了", []),
    ],
)
def test_chinese_fillers_are_hesitations_not_connectives(text, expected):  # type: ignore[no-untyped-def]
    assert _fillers(text, "zh") == expected


def test_filler_evidence_points_at_the_filler():  # type: ignore[no-untyped-def]
    transcript = _transcript([("So,", 0.0, 0.3), ("um,", 2.0, 2.4), ("yes.", 2.5, 2.8)])
    (found,) = find_fillers(transcript)
    assert (found.start, found.end) == (2.0, 2.4)


def test_no_observation_is_named_or_noted_as_a_verdict(planted):  # type: ignore[no-untyped-def]
    _speech, audio = planted
    transcript = _transcript([("Um,", 1.0, 1.3), ("we", 1.3, 1.5)])
    serialised = json.dumps(
        [o.as_json() for o in observe_voice(audio, 16000, transcript, include_tone=True)]
    ).lower()
    assert not [word for word in VERDICTS if word in serialised]
    assert all(not o.flag for o in observe_voice(audio, 16000, transcript, include_tone=True))
