"""Real-looking interview videos for tests and benchmarks, built from real photographs.

The faces are photographs that ship with scikit-image, so everything works offline:

* the astronaut (Eileen Collins, NASA portrait): frontal and smiling — the frontal and the
  smile cascade both find her;
* the cameraman, looking to the side through his camera: the frontal cascade misses him and
  the profile cascade (on the picture or its mirror) finds him — a real "turned away" face;
* faces from the LFW subset (25×25 crops of Labeled Faces in the Wild, scaled up): a second
  person, and a neutral main face for runs where the candidate is not smiling.

Which photograph the cascades treat how was checked by hand; see ``docs/media.md``.
"""

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Literal

import av
import cv2
import numpy as np
from skimage import data as skimage_data

Span = tuple[float, float]
Container = Literal["webm", "mp4"]

BACKGROUND_RGB = (96, 112, 128)  # a plain wall behind the candidate
# LFW subset indices, chosen by eye and checked against the cascades: #55 looks neutral and the
# smile cascade stayed silent on it in every sample of the encoded test videos (1 of 15 raw
# frames with added noise fired); #43 is a second person the frontal cascade found beside the
# main face in every frame at 320×240, 640×480 and 1280×720.
NEUTRAL_LFW_INDEX = 55
SECOND_PERSON_LFW_INDEX = 43
AUDIO_RATE = 48_000


def _rgb(image: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.dstack([image] * 3) if image.ndim == 2 else image[..., :3])


@cache
def smiling_person() -> np.ndarray:
    """Head and shoulders of the astronaut (RGB)."""
    return _rgb(skimage_data.astronaut()[10:300, 100:350])


@cache
def turned_away_person() -> np.ndarray:
    """The cameraman, head turned to the side (RGB)."""
    return _rgb(skimage_data.camera()[40:300, 120:340])


@cache
def lfw_face(index: int) -> np.ndarray:
    """One 25×25 face of the LFW subset as uint8 RGB."""
    face = skimage_data.lfw_subset()[index]
    return _rgb((face * 255).round().astype(np.uint8))


def neutral_person() -> np.ndarray:
    return lfw_face(NEUTRAL_LFW_INDEX)


def second_person() -> np.ndarray:
    return lfw_face(SECOND_PERSON_LFW_INDEX)


def _inside(t: float, spans: Iterable[Span]) -> bool:
    return any(start <= t < end for start, end in spans)


PICTURES: dict[str, Callable[[], np.ndarray]] = {
    "smiling": smiling_person,
    "turned": turned_away_person,
    "neutral": neutral_person,
    "second": second_person,
}


@cache
def _scaled(name: str, height: int) -> np.ndarray:
    picture = PICTURES[name]()
    width = max(2, round(picture.shape[1] * height / picture.shape[0]))
    return cv2.resize(picture, (width, height), interpolation=cv2.INTER_CUBIC)


def _paste(frame: np.ndarray, name: str, *, height: int, x: int, bottom: int) -> int:
    """Paste picture ``name`` scaled to ``height``, its lower edge at ``bottom``; return its
    width."""
    scaled = _scaled(name, height)
    width = scaled.shape[1]
    top = max(0, bottom - height)
    x0, x1 = max(0, x), min(frame.shape[1], x + width)
    y1 = min(frame.shape[0], top + height)
    frame[top:y1, x0:x1] = scaled[: y1 - top, x0 - x : x1 - x]
    return width


def _main_picture(
    t: float, *, turned_away: Sequence[Span], smiling: Sequence[Span] | None
) -> tuple[str, float]:
    """Which picture shows the candidate at ``t``, and its height as a share of the frame."""
    if _inside(t, turned_away):
        return "turned", 0.8
    if smiling is None or _inside(t, smiling):
        return "smiling", 0.8
    return "neutral", 0.4  # a tight face crop: smaller, so the face keeps a similar size


def _draw_candidate(frame: np.ndarray, t: float, name: str, share: float) -> None:
    height, width = frame.shape[:2]
    # A little sway, as a person on a chair never sits perfectly still.
    dx = round(width * 0.005 * math.sin(2 * math.pi * t / 2.7))
    dy = round(height * 0.005 * math.sin(2 * math.pi * t / 3.1))
    size = round(height * share)
    picture_width = _scaled(name, size).shape[1]
    bottom = height if share > 0.5 else round(height * 0.7)  # shoulders, or a face crop
    _paste(frame, name, height=size, x=(width - picture_width) // 2 + dx, bottom=bottom + dy)


def _draw_second_person(frame: np.ndarray) -> None:
    height, width = frame.shape[:2]
    side = round(height * 0.27)
    _paste(frame, "second", height=side, x=width - side - width // 64, bottom=round(height * 0.45))


def face_frames(
    *,
    seconds: float,
    fps: int = 15,
    width: int = 640,
    height: int = 480,
    faces: int = 1,
    absent: Sequence[Span] = (),
    second_face: Sequence[Span] = (),
    turned_away: Sequence[Span] = (),
    smiling: Sequence[Span] | None = None,
) -> Iterator[np.ndarray]:
    """Yield RGB frames of a candidate in front of a wall.

    ``faces=0`` gives an empty room throughout, ``faces=2`` a second person throughout;
    ``absent`` spans leave the room empty; ``second_face`` spans add another person at the
    side; ``turned_away`` spans show a face looking to the side; with ``smiling`` spans the
    candidate smiles only then (a neutral face otherwise), without them the smiling astronaut
    is shown throughout.
    """
    for index in range(round(seconds * fps)):
        t = index / fps
        frame = np.empty((height, width, 3), np.uint8)
        frame[:] = BACKGROUND_RGB
        if faces > 0 and not _inside(t, absent):
            name, share = _main_picture(t, turned_away=turned_away, smiling=smiling)
            _draw_candidate(frame, t, name, share)
            if faces > 1 or _inside(t, second_face):
                _draw_second_person(frame)
        yield frame


def _add_audio_stream(output: av.container.OutputContainer, container: Container) -> av.AudioStream:
    codec = "libopus" if container == "webm" else "aac"
    audio = output.add_stream(codec, rate=AUDIO_RATE)
    assert isinstance(audio, av.AudioStream)
    audio.layout = "mono"
    return audio


def _audio_frames(stream: av.AudioStream, *, until: float, sent: int) -> Iterator[av.AudioFrame]:
    """Quiet 220 Hz tone up to ``until`` seconds, in the encoder's frame size."""
    size = stream.codec_context.frame_size or 1024
    while sent / AUDIO_RATE < until:
        t = (np.arange(size) + sent) / AUDIO_RATE
        samples = (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(samples[np.newaxis, :], format="flt", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = sent
        sent += size
        yield frame


def write_video(
    path: str | Path,
    frames: Iterable[np.ndarray],
    *,
    fps: int = 15,
    container: Container = "webm",
    with_audio: bool = True,
) -> Path:
    """Encode RGB frames like Chromium's MediaRecorder does (VP8 + Opus in WebM), or as
    H.264 + AAC in MP4."""
    path = Path(path)
    # MediaRecorder streams its WebM and never goes back to write the duration or an index;
    # the muxer's live mode writes the same kind of file.
    # bitexact: no random segment id or library version inside, so equal frames give equal files.
    options = {"fflags": "+bitexact", **({"live": "1"} if container == "webm" else {})}
    with av.open(str(path), mode="w", format=container, options=options) as output:
        video = output.add_stream("libvpx" if container == "webm" else "libx264", rate=fps)
        video.pix_fmt = "yuv420p"
        # A fixed speed (negative cpu-used): with a positive one libvpx adapts its speed to the
        # time each frame took, so the same frames encoded differently on a busy machine.
        video.options = {"deadline": "realtime", "cpu-used": "-8", "b": "1M"}
        if container == "mp4":
            video.options = {"preset": "ultrafast"}
        audio = _add_audio_stream(output, container) if with_audio else None
        sent_samples = 0
        for index, rgb in enumerate(frames):
            if index == 0:
                video.width, video.height = rgb.shape[1], rgb.shape[0]
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts, frame.time_base = index, Fraction(1, fps)
            output.mux(video.encode(frame))
            if audio is not None:
                for chunk in _audio_frames(audio, until=(index + 1) / fps, sent=sent_samples):
                    sent_samples += chunk.samples
                    output.mux(audio.encode(chunk))
        output.mux(video.encode(None))
        if audio is not None:
            output.mux(audio.encode(None))
    return path


def write_face_video(
    path: str | Path,
    *,
    seconds: float,
    fps: int = 15,
    width: int = 640,
    height: int = 480,
    faces: int = 1,
    absent: Sequence[Span] = (),
    second_face: Sequence[Span] = (),
    turned_away: Sequence[Span] = (),
    smiling: Sequence[Span] | None = None,
    container: Container = "webm",
) -> Path:
    """Write a video of a candidate (see ``face_frames`` for the spans) and return its path."""
    frames = face_frames(
        seconds=seconds,
        fps=fps,
        width=width,
        height=height,
        faces=faces,
        absent=absent,
        second_face=second_face,
        turned_away=turned_away,
        smiling=smiling,
    )
    return write_video(path, frames, fps=fps, container=container)


def write_y4m(
    path: str | Path,
    frames: Iterable[np.ndarray] | None = None,
    *,
    seconds: float = 3,
    fps: int = 10,
    width: int = 320,
    height: int = 240,
    faces: int = 1,
    absent: Sequence[Span] = (),
    second_face: Sequence[Span] = (),
    turned_away: Sequence[Span] = (),
    smiling: Sequence[Span] | None = None,
) -> Path:
    """Write a YUV4MPEG2 (I420) file for Chromium's ``--use-file-for-fake-video-capture``.

    Chromium loops the file, so a few seconds are enough: 3 s of 320×240 at 10 fps is 3.5 MB
    (each frame is width × height × 1.5 bytes, uncompressed; 640×480 at 15 fps would be
    6.9 MB a second). Without ``frames`` the candidate of ``face_frames`` with these spans is
    drawn. Chromium reads only I420, so width and height must be even.
    """
    if frames is None:
        frames = face_frames(
            seconds=seconds,
            fps=fps,
            width=width,
            height=height,
            faces=faces,
            absent=absent,
            second_face=second_face,
            turned_away=turned_away,
            smiling=smiling,
        )
    path = Path(path)
    with path.open("wb") as out:
        header_written = False
        for rgb in frames:
            if not header_written:
                h, w = rgb.shape[:2]
                if h % 2 or w % 2:
                    raise ValueError(f"YUV 4:2:0 needs an even width and height, not {w}×{h}")
                out.write(f"YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n".encode("ascii"))
                header_written = True
            out.write(b"FRAME\n")
            out.write(cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420).tobytes())
    return path
