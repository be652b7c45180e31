"""Face observations on generated videos of real photographs (hireloop.testing.video_media)."""

import io
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from hireloop.media.audio import MediaDecodeError
from hireloop.media.observations import Observation
from hireloop.media.video import MAX_THUMBNAILS, VideoObservations, observe_video
from hireloop.testing.video_media import write_face_video, write_y4m

# The spans planted in the interview video (seconds).
ABSENT = (6.0, 10.0)
SECOND_FACE = (13.0, 16.0)
TURNED_AWAY = (18.0, 20.0)
SMILING = [(3.0, 6.0), (12.0, 15.0)]


def by_key(result: VideoObservations) -> dict[str, Observation]:
    return {observation.key: observation for observation in result.observations}


def overlaps(evidence_span: tuple[float, float], planted: tuple[float, float]) -> bool:
    return evidence_span[0] < planted[1] and planted[0] < evidence_span[1]


@pytest.fixture(scope="module")
def interview_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_face_video(
        tmp_path_factory.mktemp("video") / "interview.webm",
        seconds=24,
        fps=10,
        absent=[ABSENT],
        second_face=[SECOND_FACE],
        turned_away=[TURNED_AWAY],
    )


@pytest.fixture(scope="module")
def interview(interview_video: Path) -> VideoObservations:
    return observe_video(interview_video, sample_fps=2)


@pytest.fixture(scope="module")
def smiling_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_face_video(
        tmp_path_factory.mktemp("video") / "smiling.webm", seconds=20, fps=10, smiling=SMILING
    )


@pytest.fixture(scope="module")
def empty_room_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_face_video(
        tmp_path_factory.mktemp("video") / "empty.webm",
        seconds=12,
        fps=5,
        width=320,
        height=240,
        faces=0,
    )


def test_every_observation_is_in_the_face_group(interview: VideoObservations) -> None:
    keys = [o.key for o in interview.observations]
    assert keys == [
        "face_present_ratio",
        "multiple_faces",
        "looking_away_ratio",
        "smile_frequency",
        "longest_absence",
        "absences",
    ]
    assert {o.group for o in interview.observations} == {"face"}


def test_a_face_in_the_picture_throughout_gives_a_ratio_near_one(smiling_video: Path) -> None:
    observations = by_key(observe_video(smiling_video, sample_fps=2))
    assert observations["face_present_ratio"].value >= 0.9
    assert observations["longest_absence"].value == 0
    assert observations["multiple_faces"].value == 0


def test_a_planted_absence_is_found_at_its_time(interview: VideoObservations) -> None:
    longest = by_key(interview)["longest_absence"]
    assert longest.value == pytest.approx(4, abs=1)
    (evidence,) = longest.evidence
    assert evidence.start == pytest.approx(ABSENT[0], abs=1)
    assert evidence.end == pytest.approx(ABSENT[1], abs=1)
    absences = by_key(interview)["absences"]
    assert absences.value == 1  # 4 s counts (≥ 3 s) ...
    assert absences.flag is False  # ... but is no flag (< 10 s)


def test_a_second_face_over_several_samples_is_flagged_with_its_span(
    interview: VideoObservations,
) -> None:
    multiple = by_key(interview)["multiple_faces"]
    assert multiple.flag is True
    assert multiple.value >= 4  # 3 s at 2 samples a second, give or take the edges
    assert all(overlaps((e.start, e.end), SECOND_FACE) for e in multiple.evidence)
    assert multiple.evidence


def test_a_face_seen_from_the_side_counts_as_looking_away(interview: VideoObservations) -> None:
    looking_away = by_key(interview)["looking_away_ratio"]
    # 2 s of 20 s in which a face is visible
    assert looking_away.value == pytest.approx(0.1, abs=0.05)
    assert any(overlaps((e.start, e.end), TURNED_AWAY) for e in looking_away.evidence)
    # A side view is a person in the room, not an absence.
    assert not any(
        overlaps((e.start, e.end), TURNED_AWAY)
        for e in by_key(interview)["longest_absence"].evidence
    )


def test_an_empty_room_gives_no_face_and_a_flagged_absence(empty_room_video: Path) -> None:
    observations = by_key(observe_video(empty_room_video))
    assert observations["face_present_ratio"].value == 0
    assert observations["looking_away_ratio"].value is None  # no face: nothing to compare
    assert observations["smile_frequency"].value is None
    assert observations["longest_absence"].value == pytest.approx(12, abs=0.6)
    assert observations["absences"].value == 1
    assert observations["absences"].flag is True  # ≥ 10 s


def test_smiles_are_counted_once_per_run_and_only_while_smiling(smiling_video: Path) -> None:
    # Verified by hand: the smile cascade fires on the astronaut in every sample and stays
    # silent on the neutral LFW face the helper shows between the smiles.
    smiles = by_key(observe_video(smiling_video, sample_fps=2))["smile_frequency"]
    assert len(smiles.evidence) == 2
    for evidence, planted in zip(smiles.evidence, SMILING, strict=True):
        assert overlaps((evidence.start, evidence.end), planted)
    assert smiles.value == pytest.approx(2 / (20 / 60), rel=0.1)  # 2 smiles in 20 s of face


def test_sample_fps_decides_how_many_frames_are_looked_at(smiling_video: Path) -> None:
    for fps in (1, 2, 4):
        result = observe_video(smiling_video, sample_fps=fps)
        assert result.duration == pytest.approx(20, abs=0.2)
        assert result.frames_sampled == pytest.approx(result.duration * fps, abs=1)


def test_the_setting_is_the_default_sample_rate(smiling_video: Path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_VIDEO_SAMPLE_FPS = 1
    assert observe_video(smiling_video).frames_sampled == pytest.approx(20, abs=1)


def test_no_more_than_the_maximum_length_is_decoded(smiling_video: Path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_MEDIA_MAX_SECONDS = 5
    result = observe_video(smiling_video, sample_fps=2)
    assert result.duration == pytest.approx(5, abs=0.2)
    assert result.frames_sampled == pytest.approx(10, abs=1)


def test_thumbnails_are_small_jpegs_backing_observations(interview: VideoObservations) -> None:
    assert 0 < len(interview.thumbnails) <= MAX_THUMBNAILS
    keys = {o.key for o in interview.observations}
    for thumbnail in interview.thumbnails:
        assert thumbnail.observation_key in keys
        image = Image.open(io.BytesIO(thumbnail.jpeg))
        assert image.format == "JPEG"
        assert image.width <= 320
    at = {t.observation_key: t.at_seconds for t in interview.thumbnails}
    assert SECOND_FACE[0] <= at["multiple_faces"] < SECOND_FACE[1]
    assert ABSENT[0] <= at["longest_absence"] < ABSENT[1]
    assert "face_present_ratio" in at


def test_an_mp4_recording_is_read_too(tmp_path: Path) -> None:
    try:
        av.codec.Codec("libx264", "w")
    except av.FFmpegError:
        pytest.skip("this PyAV build has no H.264 encoder")
    path = write_face_video(tmp_path / "answer.mp4", seconds=3, fps=10, container="mp4")
    assert by_key(observe_video(path))["face_present_ratio"].value >= 0.9


def test_a_recording_cut_off_mid_upload_still_gives_observations(
    interview_video: Path, tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.webm"
    truncated.write_bytes(interview_video.read_bytes()[: interview_video.stat().st_size // 2])
    result = observe_video(truncated)
    assert 5 < result.duration < 20


def test_the_fake_camera_file_holds_a_face(tmp_path: Path) -> None:
    path = write_y4m(tmp_path / "camera.y4m", seconds=2, fps=10, width=320, height=240)
    content = path.read_bytes()
    assert content.startswith(b"YUV4MPEG2 W320 H240 F10:1 Ip A1:1 C420jpeg\nFRAME\n")
    assert len(content) == len(b"YUV4MPEG2 W320 H240 F10:1 Ip A1:1 C420jpeg\n") + 20 * (
        6 + 320 * 240 * 3 // 2
    )
    assert by_key(observe_video(path))["face_present_ratio"].value == 1


def _write_audio_only(path: Path) -> Path:
    with av.open(str(path), mode="w", format="webm") as output:
        stream = output.add_stream("libopus", rate=48000)
        assert isinstance(stream, av.AudioStream)
        stream.layout = "mono"
        for index in range(50):
            frame = av.AudioFrame.from_ndarray(
                np.zeros((1, 960), np.float32), format="flt", layout="mono"
            )
            frame.sample_rate, frame.pts, frame.time_base = 48000, index * 960, Fraction(1, 48000)
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    return path


@pytest.mark.parametrize("kind", ["empty", "corrupt", "audio_only", "missing", "header_only"])
def test_unreadable_recordings_raise_a_decode_error(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "answer.webm"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "corrupt":
        path.write_bytes(np.random.default_rng(1).bytes(20_000))
    elif kind == "audio_only":
        _write_audio_only(path)
    elif kind == "header_only":
        with av.open(str(path), mode="w", format="webm") as output:
            stream = output.add_stream("libvpx", rate=10)
            stream.width, stream.height = 320, 240
            output.start_encoding()
    with pytest.raises(MediaDecodeError) as raised:
        observe_video(path)
    assert raised.value.code == "media_undecodable"
    assert "could not be read" in str(raised.value)


def test_no_text_reads_as_a_verdict_about_the_person(interview: VideoObservations) -> None:
    words = ("confiden", "nervous", "engag", "emotion", "happy", "honest")
    texts = [o.key for o in interview.observations] + [
        e.note for o in interview.observations for e in o.evidence
    ]
    assert not [t for t in texts if any(w in t.lower() for w in words)]
