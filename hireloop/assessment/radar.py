"""The report's radar chart as an SVG string, drawn on the server.

Written by hand because the PDF renderer (WeasyPrint) runs no JavaScript, so the page's ECharts
chart cannot be reused, and matplotlib would be a large dependency for one chart. Labels are
dimension names, i.e. user input: every text is escaped here. Fewer than three axes make no
polygon, so one or two dimensions are drawn as horizontal bars on the same 0–10 grid.
"""

import math
import unicodedata
from collections.abc import Callable, Sequence
from html import escape

SCALE_MAX = 10.0
RINGS = (2, 4, 6, 8, 10)
AI_COLOUR = "#1f6feb"
REVIEW_COLOUR = "#d9480f"
FILL_OPACITY = 0.25
GRID_COLOUR = "#c9ced6"
TEXT_COLOUR = "#343a40"
FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
)
FONT_SIZE = 11
# A label line holds this many "narrow" characters; a Chinese character counts as two. Longer
# names wrap onto a second line and are then cut with an ellipsis, so they never overlap the chart.
LINE_UNITS = 18
MAX_LINES = 2
RADIUS = 110
LABEL_GAP = 14
SIDE_MARGIN = 120  # room for labels left and right of the rings
BAR_LABEL_WIDTH = 130
BAR_LENGTH = 240
BAR_ROW = 34


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
        body, width, height = _radar(labels, first, second)
    else:
        body, width, height = _bars(labels, first, second)
    if second is not None:
        legend, height = _legend(series_names, width, height)
        body += legend
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="{FONT_FAMILY}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _radar(
    labels: Sequence[str], first: list[float], second: list[float] | None
) -> tuple[str, int, int]:
    count = len(labels)
    label_space = LABEL_GAP + (MAX_LINES + 1) * (FONT_SIZE + 2)  # name lines and the score
    cx, cy = SIDE_MARGIN + RADIUS, label_space + RADIUS
    # Axis 0 points up, so the top is fixed; the bottom ends below the lowest axis (a triangle
    # needs much less room than a hexagon).
    lowest = max(math.sin(-math.pi / 2 + 2 * math.pi * axis / count) for axis in range(count))
    width, height = 2 * (SIDE_MARGIN + RADIUS), round(cy + RADIUS * lowest + label_space)

    def point(axis: int, value: float) -> tuple[float, float]:
        # Axis 0 points up; the others follow clockwise.
        angle = -math.pi / 2 + 2 * math.pi * axis / count
        r = RADIUS * value / SCALE_MAX
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def polygon(scores: list[float]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, s) for i, s in enumerate(scores)))

    parts = []
    for ring in RINGS:
        parts.append(
            f'<polygon points="{polygon([ring] * count)}" fill="none" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
        )
    for axis in range(count):
        x, y = point(axis, SCALE_MAX)
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
        )
    for ring in RINGS:
        _, y = point(0, ring)
        parts.append(
            f'<text x="{cx + 3}" y="{y + 9:.1f}" font-size="8" fill="#868e96">{ring}</text>'
        )
    parts.append(_series_polygon(polygon(first), AI_COLOUR))
    if second is not None:
        parts.append(_series_polygon(polygon(second), REVIEW_COLOUR, dashed=True))
    for axis, label in enumerate(labels):
        parts.append(_axis_label(label, axis, count, first, second, point))
    return "".join(parts), width, height


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


def _axis_label(
    label: str,
    axis: int,
    count: int,
    first: list[float],
    second: list[float] | None,
    point: Callable[[int, float], tuple[float, float]],
) -> str:
    angle = -math.pi / 2 + 2 * math.pi * axis / count
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = point(axis, SCALE_MAX)
    x += LABEL_GAP * cos
    y += LABEL_GAP * sin
    anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
    lines = _label_lines(label)
    rows = len(lines) + 1  # the name, then the score
    # Labels above the chart grow upwards, those below grow downwards, side ones are centred.
    if sin < -0.3:
        first_baseline = y - (rows - 1) * (FONT_SIZE + 2)
    elif sin > 0.3:
        first_baseline = y + FONT_SIZE
    else:
        first_baseline = y - (rows - 2) * (FONT_SIZE + 2) / 2
    tspans = "".join(
        f'<tspan x="{x:.1f}" y="{first_baseline + i * (FONT_SIZE + 2):.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    score_y = first_baseline + len(lines) * (FONT_SIZE + 2)
    score = _score_tspans(first[axis], second[axis] if second is not None else None)
    return (
        f'<text text-anchor="{anchor}"><title>{escape(label)}</title>{tspans}</text>'
        f'<text x="{x:.1f}" y="{score_y:.1f}" text-anchor="{anchor}" font-weight="bold">'
        f"{score}</text>"
    )


def _score_tspans(value: float, second: float | None) -> str:
    text = f'<tspan fill="{AI_COLOUR}">{value:.1f}</tspan>'
    if second is not None:
        text += f' · <tspan fill="{REVIEW_COLOUR}">{second:.1f}</tspan>'
    return text


def _bars(
    labels: Sequence[str], first: list[float], second: list[float] | None
) -> tuple[str, int, int]:
    left, top = BAR_LABEL_WIDTH, 10
    width = left + BAR_LENGTH + 50
    height = top + BAR_ROW * max(1, len(labels)) + 18
    scale = BAR_LENGTH / SCALE_MAX
    parts = []
    for tick in (0, *RINGS):
        x = left + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 16}" '
            f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
            f'<text x="{x:.1f}" y="{height - 5}" font-size="8" fill="#868e96" '
            f'text-anchor="middle">{tick}</text>'
        )
    for row, label in enumerate(labels):
        y = top + row * BAR_ROW + 6
        lines = _label_lines(label)
        tspans = "".join(
            f'<tspan x="{left - 8}" y="{y + 9 + i * (FONT_SIZE + 2)}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="end"><title>{escape(label)}</title>{tspans}</text>')
        parts.append(
            f'<rect x="{left}" y="{y}" width="{first[row] * scale:.1f}" height="12" '
            f'fill="{AI_COLOUR}" fill-opacity="{FILL_OPACITY}" stroke="{AI_COLOUR}"/>'
        )
        if second is not None:
            parts.append(
                f'<rect x="{left}" y="{y + 14}" width="{second[row] * scale:.1f}" height="5" '
                f'fill="none" stroke="{REVIEW_COLOUR}" stroke-dasharray="3 2"/>'
            )
        score = _score_tspans(first[row], second[row] if second is not None else None)
        parts.append(
            f'<text x="{left + first[row] * scale + 4:.1f}" y="{y + 10}" font-weight="bold">'
            f"{score}</text>"
        )
    return "".join(parts), width, height


def _legend(series_names: tuple[str, str], width: int, height: int) -> tuple[str, int]:
    y = height + 10
    parts = []
    x = 10
    swatches = (
        f'fill="{AI_COLOUR}" fill-opacity="{FILL_OPACITY}" stroke="{AI_COLOUR}"',
        f'fill="none" stroke="{REVIEW_COLOUR}" stroke-dasharray="3 2"',
    )
    for name, swatch in zip(series_names, swatches, strict=True):
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="10" {swatch}/>'
            f'<text x="{x + 16}" y="{y + 9}">{escape(name)}</text>'
        )
        x += 16 + _units(name) * 6 + 20
    return "".join(parts), height + 26


def _label_lines(label: str) -> list[str]:
    """The label wrapped into at most MAX_LINES lines of LINE_UNITS, cut with an ellipsis."""
    lines: list[str] = []
    current = ""
    for token in _tokens(" ".join(label.split())):
        candidate = (current + token) if current else token.lstrip()
        if _units(candidate) <= LINE_UNITS:
            current = candidate
            continue
        if current:
            lines.append(current.rstrip())
        current = token.lstrip()
        while _units(current) > LINE_UNITS:  # one token wider than a line: split it
            cut = _fit(current, LINE_UNITS)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current.rstrip())
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        lines = [*lines[: MAX_LINES - 1], last[: _fit(last, LINE_UNITS - 2)].rstrip() + "…"]
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


def _fit(text: str, units: int) -> int:
    """How many leading characters of text fit in units (at least one)."""
    total = 0
    for i, char in enumerate(text):
        total += 2 if _is_wide(char) else 1
        if total > units:
            return max(1, i)
    return len(text)


def _units(text: str) -> int:
    return sum(2 if _is_wide(char) else 1 for char in text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _clamp(value: float) -> float:
    if not math.isfinite(value):
        return 0.0
    return min(SCALE_MAX, max(0.0, float(value)))
