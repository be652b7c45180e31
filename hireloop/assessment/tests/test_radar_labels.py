"""No radar label is cut, for 2 to 12 dimensions with long English and Chinese names.

Two independent checks of the SVG that radar.py writes:
- each text's box, computed from the SVG's own attributes (position, anchor, size, weight) and
  the advance widths of the real fonts (Noto Sans CJK SC, the PDF's font, and DejaVu Sans,
  where a server without it falls back), lies inside the viewBox, and no two labels overlap;
- the SVG drawn by WeasyPrint on a page of exactly its size: every character pdfium finds
  lies on the page, and every label can be read there in full.
"""

import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTCollection, TTFont
from weasyprint import HTML

from hireloop.assessment.radar import FONT_SIZE, radar_svg
from hireloop.testing.boxes import clashes, outside, union

SVG = "{http://www.w3.org/2000/svg}"
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"

ENGLISH = [
    "Security and incident response",
    "Communication and stakeholder management across teams",
    "Ownership",
    "Problem solving under pressure with incomplete information",
    "Learning agility",
    "Data-driven decision making",
    "Mentoring and growing others",
    "System design and architecture",
    "Customer focus",
    "Writing clear technical documentation",
    "Cross-functional collaboration",
    "Operational excellence and reliability",
]
CHINESE = [
    "安全与事故响应处理能力",
    "跨团队沟通与利益相关方管理",
    "主人翁意识",
    "在信息不完整的压力下解决问题",
    "学习能力",
    "数据驱动的决策",
    "指导与培养他人",
    "系统设计与架构能力",
    "客户导向",
    "撰写清晰的技术文档",
    "跨职能协作",
    "卓越运营与系统可靠性保障",
]
NAMES = {"en": ENGLISH, "zh": CHINESE}
COUNTS = range(2, 13)


def chart(count: int, language: str, *, reviewed: bool = True) -> str:
    values = [(i * 3.7 + 1) % 10 for i in range(count)]
    second = [(i * 2.3 + 3) % 10 for i in range(count)] if reviewed else None
    return radar_svg(
        labels=NAMES[language][:count],
        values=values,
        second_values=second,
        series_names=("AI", "面试官" if language == "zh" else "Interviewer"),
    )


@cache
def _font(weight: str) -> TTFont:
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", f"Noto Sans CJK SC:{weight}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if path.endswith(".ttc"):
        collection = TTCollection(path, lazy=True)
        return next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    return TTFont(path, lazy=True)


@cache
def _fallback(weight: str) -> TTFont:
    name = "DejaVuSans-Bold.ttf" if weight == "bold" else "DejaVuSans.ttf"
    return TTFont(f"/usr/share/fonts/truetype/dejavu/{name}", lazy=True)


def advance(text: str, size: float, weight: str) -> float:
    """The width the wider of the two fonts gives the text, in SVG units."""
    widths = []
    for font in (_font(weight), _fallback(weight)):
        cmap, metrics, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        total = 0
        for char in text:
            glyph = cmap.get(ord(char))
            # A character this font lacks is drawn from the other one (DejaVu has no Chinese).
            total += metrics[glyph][0] if glyph else units
        widths.append(total / units * size)
    return max(widths)


def text_boxes(svg: str) -> tuple[tuple[float, float, float, float], list[dict]]:
    """The viewBox, and per <text> its lines' boxes and whether it is a dimension label."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    left, top, width, height = (float(v) for v in root.get("viewBox", "").split())
    root_size = float(root.get("font-size", FONT_SIZE))
    found = []
    for text in root.iter(f"{SVG}text"):
        size = float(text.get("font-size", root_size))
        weight = "bold" if text.get("font-weight") == "bold" else "regular"
        anchor = text.get("text-anchor", "start")
        spans = text.findall(f"{SVG}tspan")
        if spans and spans[0].get("y") is not None:  # one line per tspan
            rows = [(s.get("x"), s.get("y"), s.text or "") for s in spans]
        else:  # one line, maybe coloured by tspans
            content = "".join(t for t in text.itertext() if t != _title(text))
            rows = [(text.get("x"), text.get("y"), content)]
        boxes = []
        for x, y, line in rows:
            w = advance(line, size, weight)
            x0 = float(x or 0) - {"start": 0, "middle": w / 2, "end": w}[anchor]
            # Noto Sans CJK's ascender and descender: 0.88 and 0.12 em.
            boxes.append((x0, float(y or 0) - 0.88 * size, x0 + w, float(y or 0) + 0.12 * size))
        found.append({"boxes": boxes, "lines": [row[2] for row in rows], "is_name": _title(text)})
    return (left, top, left + width, top + height), found


def _title(text: ET.Element) -> str:
    title = text.find(f"{SVG}title")
    return title.text or "" if title is not None else ""


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("count", COUNTS)
def test_every_label_box_lies_inside_the_viewbox(count: int, language: str) -> None:
    (left, top, right, bottom), texts = text_boxes(chart(count, language))
    frame = (left, top, right, bottom)
    away = [(t["lines"], box) for t in texts for box in t["boxes"] if outside(box, frame)]
    assert not away, f"viewBox {frame}: {away}"
    names = [t for t in texts if t["is_name"]]
    assert [t["is_name"] for t in names] == NAMES[language][:count]
    for name in names:  # every word of the name is drawn: nothing cut, no ellipsis
        joiner = " " if language == "en" else ""
        assert joiner.join(name["lines"]) == name["is_name"]
    # Names do not run into each other (or into another name's score).
    assert not clashes([union(t["boxes"]) for t in names])


@pytest.mark.parametrize("count", [2, 3, 5, 8, 12])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_real_renderer_draws_every_label_inside_the_picture(count: int, language: str) -> None:
    svg = chart(count, language)
    width, height = (float(v) for v in re.findall(r'viewBox="\S+ \S+ (\S+) (\S+)"', svg)[0])
    html = (
        f"<style>@page {{ size: {width}px {height}px; margin: 0 }} body {{ margin: 0 }}"
        f"svg {{ display: block }}</style>{svg}"
    )
    document = pdfium.PdfDocument(HTML(string=html).write_pdf())
    try:
        page = document[0]
        page_width, page_height = page.get_size()
        text_page = page.get_textpage()
        off_page = []
        for index in range(text_page.count_chars()):
            char_left, char_bottom, char_right, char_top = text_page.get_charbox(index)
            if char_right <= char_left:  # spaces and line breaks have no box
                continue
            if (
                char_left < -0.5
                or char_bottom < -0.5
                or char_right > page_width + 0.5
                or char_top > page_height + 0.5
            ):
                off_page.append(text_page.get_text_range(index, 1))
        drawn = re.sub(r"\s+", "", text_page.get_text_range())
        if count in (2, 12):
            ARTIFACTS.mkdir(exist_ok=True)
            image = page.render(scale=2).to_pil()
            image.save(ARTIFACTS / f"radar-svg-{count}-{language}.png")
    finally:
        document.close()
    assert not off_page, off_page
    for name in NAMES[language][:count]:
        assert re.sub(r"\s+", "", name) in drawn, name
