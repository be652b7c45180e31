"""Decoding recordings: every format browsers and people send, and readable errors otherwise."""

from pathlib import Path

import numpy as np
import pytest

from hireloop.media import audio
from hireloop.media.audio import MediaDecodeError, audio_duration, decode_audio
from hireloop.testing.speech import (
    JFK_CLIP,
    MANDARIN_CLIP,
    SPEECH_DATA,
    synthesise_english,
    to_webm,
    transcode,
    write_video_without_sound,
)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("decode")
    return synthesise_english("We shipped the release on time.", folder / "answer.wav")


def _assert_same_speech(samples: np.ndarray, expected_seconds: float) -> None:
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(audio_duration(samples, 16000) - expected_seconds) < 0.1
    assert samples.min() >= -1.0 and samples.max() <= 1.0
    assert np.abs(samples).max() > 0.1  # sound came through, not silence


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("answer.webm", {"codec": "libopus", "rate": 48000}),
        ("answer.ogg", {"codec": "libopus", "rate": 48000}),
        ("answer.mp4", {"codec": "aac", "rate": 44100}),
        ("answer.flac", {"codec": "flac", "rate": 22050}),
        ("answer.mkv", {"codec": "flac", "rate": 22050, "with_video": True}),
    ],
)
def test_each_recording_format_decodes_to_the_same_speech(spoken, tmp_path, name, options):  # type: ignore[no-untyped-def]
    path = transcode(spoken.path, tmp_path / name, **options)
    _assert_same_speech(decode_audio(path), spoken.duration)


def test_wav_decodes_and_is_resampled_from_espeaks_22050_hz(spoken):  # type: ignore[no-untyped-def]
    _assert_same_speech(decode_audio(spoken.path), spoken.duration)
    at_8k = decode_audio(spoken.path, sample_rate=8000)
    assert abs(at_8k.size / 8000 - spoken.duration) < 0.1


def test_webm_with_video_and_opus_sound_as_mediarecorder_writes_it(spoken, tmp_path):  # type: ignore[no-untyped-def]
    sound_only = decode_audio(to_webm(spoken.path, tmp_path / "a.webm"))
    with_video = decode_audio(to_webm(spoken.path, tmp_path / "av.webm", with_video=True))
    _assert_same_speech(with_video, spoken.duration)
    length = min(sound_only.size, with_video.size)
    assert np.allclose(sound_only[:length], with_video[:length], atol=1e-4)


@pytest.mark.skipif(not SPEECH_DATA.is_dir(), reason="../shared/data/speech is absent")
def test_the_real_reference_clips_decode_at_their_known_lengths():  # type: ignore[no-untyped-def]
    assert audio_duration(decode_audio(SPEECH_DATA / JFK_CLIP), 16000) == pytest.approx(11.0, 0.01)
    assert audio_duration(decode_audio(SPEECH_DATA / MANDARIN_CLIP), 16000) == pytest.approx(
        8.39, abs=0.01
    )


def test_random_bytes_are_reported_as_damaged_not_as_an_ffmpeg_error(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "answer.webm"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    with pytest.raises(MediaDecodeError, match="damaged or is not a sound or video format") as err:
        decode_audio(path)
    assert err.value.code == "media_undecodable"


def test_text_pretending_to_be_sound_is_reported_as_damaged(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "answer.mp3"
    path.write_text("not really sound")
    with pytest.raises(MediaDecodeError, match="damaged"):
        decode_audio(path)


def test_an_empty_file_says_it_is_empty(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "answer.webm"
    path.touch()
    with pytest.raises(MediaDecodeError, match="the file is empty"):
        decode_audio(path)


def test_a_missing_file_says_it_is_missing(tmp_path):  # type: ignore[no-untyped-def]
    with pytest.raises(MediaDecodeError, match="missing"):
        decode_audio(tmp_path / "nowhere.webm")


def test_a_video_without_a_sound_track_says_it_contains_no_sound(tmp_path):  # type: ignore[no-untyped-def]
    path = write_video_without_sound(tmp_path / "muted.webm")
    with pytest.raises(MediaDecodeError, match="contains no sound"):
        decode_audio(path)


def test_a_recording_over_the_limit_is_refused_from_its_header(spoken, settings):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MEDIA_MAX_SECONDS = 0.5
    with pytest.raises(MediaDecodeError, match="longer than 0.5 seconds"):
        decode_audio(spoken.path)


def test_a_stream_without_a_declared_length_is_stopped_while_decoding(  # type: ignore[no-untyped-def]
    spoken, settings, tmp_path, monkeypatch
):
    # MediaRecorder's WebM carries no duration: only counting decoded samples catches it.
    monkeypatch.setattr(audio, "_check_declared_duration", lambda container, limit: None)
    settings.HIRELOOP_MEDIA_MAX_SECONDS = 0.5
    with pytest.raises(MediaDecodeError, match="longer than 0.5 seconds"):
        decode_audio(to_webm(spoken.path, tmp_path / "a.webm"))


def test_the_limit_reads_in_minutes_for_real_settings(spoken, settings):  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MEDIA_MAX_SECONDS = 900
    assert decode_audio(spoken.path).size > 0
    assert "15 minutes" in str(audio._too_long_error(900))


def test_a_recording_cut_off_mid_upload_gives_what_arrived(spoken, tmp_path):  # type: ignore[no-untyped-def]
    whole = to_webm(spoken.path, tmp_path / "a.webm").read_bytes()
    cut = Path(tmp_path / "cut.webm")
    cut.write_bytes(whole[: len(whole) // 2])
    samples = decode_audio(cut)
    assert 0 < audio_duration(samples, 16000) < spoken.duration
