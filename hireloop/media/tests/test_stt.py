"""Speech-to-text: the model joined from its wheels; real English and Mandarin transcribed."""

import re
from concurrent.futures import ThreadPoolExecutor

import jiwer
import numpy as np
import pytest

from hireloop.media import stt
from hireloop.media.audio import decode_audio
from hireloop.media.stt import (
    WHISPER_BASE_SHA256,
    Segment,
    SpeechModelError,
    Transcript,
    Word,
    get_engine,
    normalise_language,
    reset_engine,
    whisper_base_dir,
)
from hireloop.testing.speech import (
    JFK_CLIP,
    MANDARIN_CLIP,
    SPEECH_DATA,
    reference_transcripts,
    synthesise_english,
)

needs_clips = pytest.mark.skipif(not SPEECH_DATA.is_dir(), reason="../shared/data/speech is absent")
# Traditional forms of characters in the Mandarin reference (这 说 们 and the clip's own words).
TRADITIONAL = set("這說們幾書給兒壓歲勸親錢")


def _wer(reference: str, hypothesis: str) -> float:
    clean = [" ".join(re.sub(r"[^\w' ]", " ", t.lower()).split()) for t in (reference, hypothesis)]
    return float(jiwer.wer(clean[0], clean[1]))


def _cer(reference: str, hypothesis: str) -> float:
    hanzi = [re.sub(r"[^\u4e00-\u9fff]", "", t) for t in (reference, hypothesis)]
    return float(jiwer.cer(hanzi[0], hanzi[1]))


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return get_engine()


# -- assembling the default weights --------------------------------------------------------------


def test_the_model_is_joined_from_both_wheels_and_matches_its_pinned_hash(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MODEL_CACHE = tmp_path
    folder = whisper_base_dir()
    assert folder == tmp_path / "whisper-base-ct2"
    assert stt._sha256(folder / "model.bin") == WHISPER_BASE_SHA256
    assert {p.name for p in folder.iterdir()} == {
        "model.bin",
        "config.json",
        "tokenizer.json",
        "vocabulary.json",
    }
    built = (folder / "model.bin").stat().st_mtime_ns
    assert whisper_base_dir() == folder
    assert (folder / "model.bin").stat().st_mtime_ns == built  # verified, not rebuilt


def test_a_damaged_cached_model_is_detected_and_rebuilt(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MODEL_CACHE = tmp_path
    model = whisper_base_dir() / "model.bin"
    with model.open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00\xff\x00\xff")
    (model.parent / "tokenizer.json").write_text("{}")
    assert stt._sha256(model) != WHISPER_BASE_SHA256
    whisper_base_dir()
    assert stt._sha256(model) == WHISPER_BASE_SHA256
    assert (model.parent / "tokenizer.json").stat().st_size > 1_000_000


def test_parts_that_do_not_join_to_the_pinned_hash_are_reported_and_removed(  # type: ignore[no-untyped-def]
    settings, tmp_path, monkeypatch
):
    settings.HIRELOOP_MODEL_CACHE = tmp_path
    monkeypatch.setattr(stt, "WHISPER_BASE_SHA256", "0" * 64)
    with pytest.raises(SpeechModelError, match="damaged or of an unexpected version"):
        whisper_base_dir()
    folder = tmp_path / "whisper-base-ct2"
    assert not (folder / "model.bin").exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary left


def test_two_workers_assembling_at_once_both_get_a_whole_model(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MODEL_CACHE = tmp_path
    with ThreadPoolExecutor(max_workers=2) as pool:
        folders = list(pool.map(lambda _: whisper_base_dir(), range(2)))
    assert folders[0] == folders[1]
    assert stt._sha256(folders[0] / "model.bin") == WHISPER_BASE_SHA256
    assert not [p for p in folders[0].iterdir() if p.name.startswith(".")]


def test_a_model_folder_setting_without_model_bin_is_a_clear_error(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_STT_MODEL_DIR = str(tmp_path)
    reset_engine()
    try:
        with pytest.raises(SpeechModelError, match="holds no model.bin"):
            get_engine()
    finally:
        reset_engine()


def test_an_unknown_engine_name_is_a_clear_error(settings):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_STT_ENGINE = "whisper-huge"
    reset_engine()
    try:
        with pytest.raises(SpeechModelError, match="Unknown speech-to-text engine"):
            get_engine()
    finally:
        reset_engine()


def test_a_model_folder_setting_names_the_engine_after_the_folder(settings, tmp_path, engine):  # type: ignore[no-untyped-def]
    folder = tmp_path / "my-whisper"
    folder.mkdir()
    for source in whisper_base_dir().iterdir():
        (folder / source.name).symlink_to(source)
    settings.HIRELOOP_STT_MODEL_DIR = str(folder)
    reset_engine()
    try:
        assert get_engine().name == "faster-whisper:my-whisper"
    finally:
        reset_engine()


def test_the_engine_is_built_once_per_process(engine):  # type: ignore[no-untyped-def]
    assert get_engine() is get_engine()
    assert engine.name == "faster-whisper:whisper-base"


# -- plain data ------------------------------------------------------------------------------------


def test_a_transcript_survives_json():  # type: ignore[no-untyped-def]
    words = (Word("Hello", 0.5, 0.9, 0.98), Word("there.", 0.9, 1.3, 0.91))
    transcript = Transcript(
        "Hello there.", "en", (Segment("Hello there.", 0.5, 1.3, words),), "test", 2.0
    )
    assert Transcript.from_json(transcript.as_json()) == transcript
    assert transcript.words == words


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh", "zh"), ("zh-hans", "zh"), ("zh-Hans", "zh"), ("zh_CN", "zh"), ("en", "en")]
    + [("en-US", "en"), (None, None), ("", None), ("klingon", None)],
)
def test_language_codes_are_normalised_to_whispers(code, expected):  # type: ignore[no-untyped-def]
    assert normalise_language(code) == expected


# -- transcription ---------------------------------------------------------------------------------


@needs_clips
def test_jfk_is_transcribed_word_for_word(engine):  # type: ignore[no-untyped-def]
    transcript = engine.transcribe(decode_audio(SPEECH_DATA / JFK_CLIP), language="en")
    assert _wer(reference_transcripts()[JFK_CLIP], transcript.text) <= 0.1
    assert transcript.language == "en" and transcript.duration == pytest.approx(11.0)
    words = transcript.words
    assert words[0].text.lower().startswith("and") and words[0].start < 1.0
    assert all(a.start <= b.start for a, b in zip(words, words[1:], strict=False))


@needs_clips
@pytest.mark.parametrize("language", ["zh-hans", None])
def test_mandarin_is_transcribed_in_simplified_characters(engine, language):  # type: ignore[no-untyped-def]
    transcript = engine.transcribe(decode_audio(SPEECH_DATA / MANDARIN_CLIP), language=language)
    assert transcript.language == "zh"
    reference = reference_transcripts()[MANDARIN_CLIP]
    assert _cer(reference, transcript.text) <= 0.2
    assert not TRADITIONAL & set(transcript.text), transcript.text


def test_an_espeak_sentence_comes_back_as_text(engine, tmp_path):  # type: ignore[no-untyped-def]
    sentence = "I reduced the deployment time from two hours to ten minutes."
    speech = synthesise_english(sentence, tmp_path / "s.wav")
    transcript = engine.transcribe(decode_audio(speech.path), language="en")
    assert _wer(sentence, transcript.text.replace("2", "two").replace("10", "ten")) <= 0.15


def test_silence_gives_an_empty_transcript_not_a_hallucination(engine):  # type: ignore[no-untyped-def]
    transcript = engine.transcribe(np.zeros(16000 * 3, dtype=np.float32), language=None)
    assert transcript.text == "" and transcript.segments == ()
    empty = engine.transcribe(np.zeros(0, dtype=np.float32), language="en")
    assert empty.text == "" and empty.duration == 0.0
