"""The report's radar chart as an SVG string, drawn on the server.

Written by hand because the PDF renderer (WeasyPrint) runs no JavaScript, so the page's ECharts
chart cannot be reused, and matplotlib would be a large dependency for one chart. Labels are
dimension names, i.e. user input: every text is escaped here. Fewer than three axes make no
polygon (two points are a line), so one or two dimensions are drawn as horizontal bars on the
same 0–10 grid.

No label is ever cut. Names wrap onto as many lines as they need; every text is laid out as a
box (from a width estimate that errs on the wide side, see ``text_width``), the radius grows
until no two label boxes overlap, and the viewBox is the union of all boxes plus a margin, so
a long English or Chinese name moves the edge of the picture instead of running past it.
"""

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

SCALE_MAX = 10.0
RINGS = (2, 4, 6, 8, 10)
AI_COLOUR = "#1f6feb"
REVIEW_COLOUR = "#d9480f"
FILL_OPACITY = 0.25
GRID_COLOUR = "#c9ced6"
TEXT_COLOUR = "#343a40"
TICK_COLOUR = "#868e96"
FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
)
FONT_SIZE = 11
TICK_SIZE = 8
LINE_HEIGHT = FONT_SIZE + 3
# Above its baseline a line reaches at most one em (CJK ideographs fill the em box), below it
# about a quarter em (descenders of g, p, y).
ASCENT, DESCENT = 1.0, 0.3
LABEL_WIDTH = 120  # a label wraps at this width (about ten Chinese characters)
MIN_RADIUS = 100
RADIUS_STEP = 10
MAX_RADIUS = 400
LABEL_GAP = 12  # between the outer ring and its label
MARGIN = 6  # around everything, inside the viewBox
BAR_LENGTH = 240
BAR_HEIGHT = 12
BAR_GAP = 12  # between two rows of bars


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def union(self, other: "Box") -> "Box":
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


def radar_svg(
    *,
    labels: Sequence[str],
    values: Sequence[float],
    second_values: Sequence[float] | None = None,
    series_names: tuple[str, str] = ("AI", ""),
    title: str = "",
) -> str:
    """An SVG chart of 0–10 scores, one axis per label; `second_values` adds a second series.

    `series_names` label the legend (shown only when there is a second series); `title` becomes
    the SVG's accessible name.
    """
    if len(values) != len(labels):
        raise ValueError("one value per label")
    if second_values is not None and len(second_values) != len(labels):
        raise ValueError("one second value per label")
    first = [_clamp(v) for v in values]
    second = [_clamp(v) for v in second_values] if second_values is not None else None
    if len(labels) >= 3:
        body, box = _radar(labels, first, second)
    else:
        body, box = _bars(labels, first, second)
    if second is not None:
        legend, legend_box = _legend(series_names, left=box.left, top=box.bottom + 8)
        body += legend
        box = box.union(legend_box)
    left, top = math.floor(box.left - MARGIN), math.floor(box.top - MARGIN)
    width = math.ceil(box.right + MARGIN) - left
    height = math.ceil(box.bottom + MARGIN) - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left} {top} {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="{FONT_FAMILY}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


@dataclass(frozen=True)
class _Label:
    """One axis label: the name's lines and the score line under them, placed as a block."""

    x: float
    anchor: str  # SVG text-anchor
    baselines: list[float]  # one per row: the name's lines, then the score
    box: Box


def _radar(
    labels: Sequence[str], first: list[float], second: list[float] | None
) -> tuple[str, Box]:
    count = len(labels)
    lines = [wrap(label, LABEL_WIDTH) for label in labels]
    scores = [_score_text(first[i], second[i] if second else None) for i in range(count)]
    # The centre is at (0, 0); the viewBox is fitted around whatever the labels need.
    radius = MIN_RADIUS
    placed = _place_labels(lines, scores, radius)
    while radius < MAX_RADIUS and _any_overlap([label.box for label in placed]):
        radius += RADIUS_STEP
        placed = _place_labels(lines, scores, radius)

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = _angle(axis, count)
        r = radius * value / SCALE_MAX
        return r * math.cos(angle), r * math.sin(angle)

    def polygon(values: list[float]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))

    parts = [
        f'<polygon points="{polygon([ring] * count)}" fill="none" '
        f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
        for ring in RINGS
    ]
    for axis in range(count):
        x, y = point(axis, SCALE_MAX)
        parts.append(
            f'<line x1="0" y1="0" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
        )
    box = Box(-radius, -radius, radius, radius)
    for ring in RINGS:
        y = -radius * ring / SCALE_MAX + TICK_SIZE + 1
        parts.append(
            f'<text x="3" y="{y:.1f}" font-size="{TICK_SIZE}" fill="{TICK_COLOUR}">{ring}</text>'
        )
        box = box.union(_line_box(3, y, "start", str(ring), TICK_SIZE))
    parts.append(_series_polygon(polygon(first), AI_COLOUR))
    if second is not None:
        parts.append(_series_polygon(polygon(second), REVIEW_COLOUR, dashed=True))
    for axis, label in enumerate(placed):
        parts.append(_label_svg(labels[axis], lines[axis], label, first[axis], second, axis))
        box = box.union(label.box)
    return "".join(parts), box


def _angle(axis: int, count: int) -> float:
    # Axis 0 points up; the others follow clockwise.
    return -math.pi / 2 + 2 * math.pi * axis / count


def _place_labels(lines: list[list[str]], scores: list[str], radius: float) -> list[_Label]:
    count = len(lines)
    placed = []
    for axis in range(count):
        angle = _angle(axis, count)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = (radius + LABEL_GAP) * cos, (radius + LABEL_GAP) * sin
        anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
        rows = [*lines[axis], scores[axis]]
        height = (len(rows) - 1) * LINE_HEIGHT + (ASCENT + DESCENT) * FONT_SIZE
        # Labels above the chart grow upwards, those below grow downwards, side ones are centred.
        if sin < -0.3:
            top = y - height
        elif sin > 0.3:
            top = y
        else:
            top = y - height / 2
        first_baseline = top + ASCENT * FONT_SIZE
        baselines = [first_baseline + i * LINE_HEIGHT for i in range(len(rows))]
        widths = [text_width(row) for row in lines[axis]] + [text_width(rows[-1], bold=True)]
        width = max(widths)
        left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
        placed.append(_Label(x, anchor, baselines, Box(left, top, left + width, top + height)))
    return placed


def _any_overlap(boxes: list[Box]) -> bool:
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def _label_svg(
    label: str,
    lines: list[str],
    placed: _Label,
    value: float,
    second: list[float] | None,
    axis: int,
) -> str:
    tspans = "".join(
        f'<tspan x="{placed.x:.1f}" y="{baseline:.1f}">{escape(line)}</tspan>'
        for line, baseline in zip(lines, placed.baselines, strict=False)
    )
    score = _score_tspans(value, second[axis] if second is not None else None)
    return (
        f'<text text-anchor="{placed.anchor}"><title>{escape(label)}</title>{tspans}</text>'
        f'<text x="{placed.x:.1f}" y="{placed.baselines[-1]:.1f}" text-anchor="{placed.anchor}" '
        f'font-weight="bold">{score}</text>'
    )


def _score_text(value: float, second: float | None) -> str:
    return f"{value:.1f}" if second is None else f"{value:.1f} · {second:.1f}"


def _score_tspans(value: float, second: float | None) -> str:
    text = f'<tspan fill="{AI_COLOUR}">{value:.1f}</tspan>'
    if second is not None:
        text += f' · <tspan fill="{REVIEW_COLOUR}">{second:.1f}</tspan>'
    return text


def _series_polygon(points: str, colour: str, *, dashed: bool = False) -> str:
    # The second series is an outline only, so the AI's filled area stays readable under it.
    if dashed:
        return (
            f'<polygon points="{points}" fill="none" stroke="{colour}" stroke-width="1.6" '
            'stroke-dasharray="4 3"/>'
        )
    return (
        f'<polygon points="{points}" fill="{colour}" fill-opacity="{FILL_OPACITY}" '
        f'stroke="{colour}" stroke-width="1.6"/>'
    )


def _bars(labels: Sequence[str], first: list[float], second: list[float] | None) -> tuple[str, Box]:
    """One or two dimensions: a bar per dimension, its name wrapped to the left of it."""
    lines = [wrap(label, LABEL_WIDTH) for label in labels]
    label_width = max((text_width(line) for rows in lines for line in rows), default=0)
    left = label_width + 10  # the bars start here; the names end-align 8 units before
    scale = BAR_LENGTH / SCALE_MAX
    parts = []
    box = Box(0, 0, left + BAR_LENGTH, 0)
    y = 0.0
    rows = []
    for row, label in enumerate(labels):
        name_height = (len(lines[row]) - 1) * LINE_HEIGHT + (ASCENT + DESCENT) * FONT_SIZE
        height = max(name_height, BAR_HEIGHT + (7 if second is not None else 0))
        rows.append((row, label, y, height))
        y += height + BAR_GAP
    axis_bottom = max(y - BAR_GAP, BAR_HEIGHT)
    for tick in (0, *RINGS):
        x = left + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{axis_bottom + 2:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
            f'<text x="{x:.1f}" y="{axis_bottom + 4 + TICK_SIZE:.1f}" font-size="{TICK_SIZE}" '
            f'fill="{TICK_COLOUR}" text-anchor="middle">{tick}</text>'
        )
        box = box.union(_line_box(x, axis_bottom + 4 + TICK_SIZE, "middle", str(tick), TICK_SIZE))
    for row, label, top, _height in rows:
        baseline = top + ASCENT * FONT_SIZE
        tspans = "".join(
            f'<tspan x="{left - 8:.1f}" y="{baseline + i * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines[row])
        )
        parts.append(f'<text text-anchor="end"><title>{escape(label)}</title>{tspans}</text>')
        for i, line in enumerate(lines[row]):
            box = box.union(_line_box(left - 8, baseline + i * LINE_HEIGHT, "end", line))
        parts.append(
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{first[row] * scale:.1f}" '
            f'height="{BAR_HEIGHT}" fill="{AI_COLOUR}" fill-opacity="{FILL_OPACITY}" '
            f'stroke="{AI_COLOUR}"/>'
        )
        if second is not None:
            parts.append(
                f'<rect x="{left:.1f}" y="{top + BAR_HEIGHT + 2:.1f}" '
                f'width="{second[row] * scale:.1f}" height="5" fill="none" '
                f'stroke="{REVIEW_COLOUR}" stroke-dasharray="3 2"/>'
            )
        score_x = left + first[row] * scale + 4
        score = _score_tspans(first[row], second[row] if second is not None else None)
        score_text = _score_text(first[row], second[row] if second is not None else None)
        parts.append(
            f'<text x="{score_x:.1f}" y="{top + 10:.1f}" font-weight="bold">{score}</text>'
        )
        box = box.union(_line_box(score_x, top + 10, "start", score_text, bold=True))
    return "".join(parts), box


def _legend(series_names: tuple[str, str], *, left: float, top: float) -> tuple[str, Box]:
    parts = []
    x = left
    swatches = (
        f'fill="{AI_COLOUR}" fill-opacity="{FILL_OPACITY}" stroke="{AI_COLOUR}"',
        f'fill="none" stroke="{REVIEW_COLOUR}" stroke-dasharray="3 2"',
    )
    box = Box(left, top, left, top + 10)
    for name, swatch in zip(series_names, swatches, strict=True):
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="12" height="10" {swatch}/>'
            f'<text x="{x + 16:.1f}" y="{top + 9:.1f}">{escape(name)}</text>'
        )
        box = box.union(_line_box(x + 16, top + 9, "start", name))
        x = box.right + 16
    return "".join(parts), box


def _line_box(
    x: float, baseline: float, anchor: str, text: str, size: float = FONT_SIZE, bold: bool = False
) -> Box:
    width = text_width(text, size, bold=bold)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return Box(left, baseline - ASCENT * size, left + width, baseline + DESCENT * size)


# Advance widths in em, rounded up from the widest of Noto Sans CJK SC (the PDF's font) and
# DejaVu Sans (what a server without it falls back to), so an estimate is never too narrow.
_NARROW = frozenset("ijlI'.,:;|!` ")
_SLIM = frozenset('ftr-()[]{}/\\"*')
_BROAD = frozenset("ABCDGHKNOQRUVXYZ&#+<=>^~")
_WIDEST = frozenset("mwMW%@")


def _char_width(char: str) -> float:
    if _is_wide(char):
        return 1.0
    if char in _NARROW:
        return 0.42
    if char in _SLIM:
        return 0.5
    if char in _BROAD:
        return 0.85
    if char in _WIDEST:
        return 1.05
    return 0.68 if char.isascii() else 0.8


def text_width(text: str, size: float = FONT_SIZE, *, bold: bool = False) -> float:
    """The width of one line of text in SVG units, never less than the fonts draw it."""
    return sum(_char_width(char) for char in text) * size * (1.1 if bold else 1.0)


def wrap(label: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """The label broken into lines no wider than ``width``: between words, or between any two
    Chinese characters; a single word wider than a line is split. Nothing is dropped.

    The lines are balanced: the narrowest width that needs no more lines is used, so a name
    never ends in one lonely character on a line of its own.
    """
    lines = _greedy_wrap(label, width, size)
    # Never narrower than the widest word: balancing must not split a word the width keeps.
    widest = min(width, max((text_width(t.strip(), size) for t in _tokens(label)), default=0))
    while len(lines) > 1 and width - size / 2 >= widest:
        narrower = _greedy_wrap(label, width - size / 2, size)
        if len(narrower) > len(lines):
            break
        lines, width = narrower, width - size / 2
    return lines


def _greedy_wrap(label: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in _tokens(" ".join(label.split())):
        candidate = (current + token) if current else token.lstrip()
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current.rstrip())
        current = token.lstrip()
        while text_width(current, size) > width and len(current) > 1:
            cut = _fit(current, width, size)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Words with their leading space; each wide (CJK) character is a token of its own."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if _is_wide(char):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        elif char == " ":
            if word:
                tokens.append(word)
            word = " "
        else:
            word += char
    if word.strip():
        tokens.append(word)
    return tokens


def _fit(text: str, width: float, size: float) -> int:
    """How many leading characters of text fit in width (at least one)."""
    total = 0.0
    for i, char in enumerate(text):
        total += _char_width(char) * size
        if total > width:
            return max(1, i)
    return len(text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _clamp(value: float) -> float:
    if not math.isfinite(value):
        return 0.0
    return min(SCALE_MAX, max(0.0, float(value)))
