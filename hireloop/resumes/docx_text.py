"""Read a Word (.docx) resume: its visible text, the text it hides, and its pictures.

Word can hide text in ways a reader never sees but a parser reads: runs marked hidden
(w:vanish), runs coloured like what is behind them (white on a white page), and runs too
small to read (w:sz under 8 half-points, i.e. 4 pt, the limit used for PDFs). Each run's
formatting is resolved as Word does (direct formatting, then its character style, then the
paragraph style, then the document defaults); hidden runs are left out of the text and
reported as integrity findings with their text as evidence.

The checks before unpacking (zip bombs, XML entity declarations) are here as well, since
a .docx is a zip file written by whoever sent it.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table

from .integrity import Finding, RunStyle, hidden_run_findings, word_hiding_reason

# A real .docx unpacks to a few MB; Word never writes a DTD, which is how "billion laughs"
# entity bombs get in. Ratio: text XML compresses ~5-20x; a zip bomb reaches 1000x.
DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DOCX_MAX_RATIO = 200
DOCX_MAX_MEMBERS = 5_000
DOCX_RATIO_CHECK_FROM = 1024 * 1024  # tiny members may legitimately compress very well
WHITE = (1.0, 1.0, 1.0)
# w:highlight colour names (ECMA-376 ST_HighlightColor) as RGB 0-1.
HIGHLIGHTS = {
    "black": (0, 0, 0),
    "blue": (0, 0, 1),
    "cyan": (0, 1, 1),
    "green": (0, 1, 0),
    "magenta": (1, 0, 1),
    "red": (1, 0, 0),
    "yellow": (1, 1, 0),
    "white": (1, 1, 1),
    "darkBlue": (0, 0, 0.5),
    "darkCyan": (0, 0.5, 0.5),
    "darkGreen": (0, 0.5, 0),
    "darkMagenta": (0.5, 0, 0.5),
    "darkRed": (0.5, 0, 0),
    "darkYellow": (0.5, 0.5, 0),
    "darkGray": (0.5, 0.5, 0.5),
    "lightGray": (0.75, 0.75, 0.75),
}
# Theme colours Word resolves to white in its default theme, when no w:val says otherwise.
WHITE_THEME_COLOURS = {"background1", "light1"}
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
_MEDIA = re.compile(r"word/media/[^/]+\.(?:png|jpe?g|tiff?|bmp|gif)", re.I)
_STYLE_DEPTH = 10  # basedOn chains are short; a loop in a hostile file must not hang us


class DocxUnreadable(Exception):
    """A .docx that cannot or must not be opened; str(error) is a sentence for HR."""


@dataclass(frozen=True)
class WordContent:
    """Visible text, hidden-text findings and embedded pictures (in order) of a .docx."""

    text: str
    hidden: list[Finding] = field(default_factory=list)
    pictures: list[bytes] = field(default_factory=list)


def read_docx(data: bytes, label: str) -> WordContent:
    """Visible text and findings; DocxUnreadable for damaged, hostile or non-Word zips."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_docx = "word/document.xml" in archive.namelist()
            if is_docx:
                check_docx_is_safe(archive, label)
                pictures = _pictures(archive)
    except zipfile.BadZipFile as error:
        raise DocxUnreadable(
            f"{label} looks like a damaged Word or zip file; ask the candidate to upload it again."
        ) from error
    if not is_docx:
        raise DocxUnreadable(
            f"{label} is a zip archive, not a Word document; ask for a PDF or .docx resume."
        )
    try:
        document = Document(io.BytesIO(data))
        reader = _Reader(document)
        parts = [
            reader.paragraph(p._p, "page header")
            for section in document.sections
            for p in section.header.paragraphs
        ]
        parts += [reader.block(block) for block in document.iter_inner_content()]
    except Exception as error:  # python-docx/lxml errors on malformed XML vary widely
        raise DocxUnreadable(
            f"{label} is a damaged Word document; ask the candidate to re-save it as .docx or PDF."
        ) from error
    text = "\n".join(dict.fromkeys(parts))  # headers repeat per section
    return WordContent(text, hidden_run_findings(reader.runs), pictures)


def check_docx_is_safe(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse zip bombs and XML entity bombs before anything is unpacked.

    zipfile never reads past a member's declared size, so checking the declared sizes
    bounds the memory that reading can take.
    """
    members = archive.infolist()
    too_big = sum(member.file_size for member in members) > DOCX_MAX_UNPACKED_BYTES
    too_packed = any(
        member.file_size > DOCX_RATIO_CHECK_FROM
        and member.file_size > DOCX_MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if too_big or too_packed or len(members) > DOCX_MAX_MEMBERS:
        raise DocxUnreadable(
            f"{label} unpacks to far more data than any resume (a “zip bomb”), so it was not "
            "opened; ask the candidate to re-save it as .docx or PDF."
        )
    with archive.open("word/document.xml") as document:
        head = document.read(4096)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise DocxUnreadable(
            f"{label} contains XML declarations that Word never writes, so it was not opened; "
            "ask the candidate to re-save it as .docx or PDF."
        )


def _pictures(archive: zipfile.ZipFile) -> list[bytes]:
    """Embedded pictures in the order Word numbered them (image1, image2, … as inserted):
    a Word file that is only a scan holds one per page.

    Sizes were checked by check_docx_is_safe, so reading them is bounded.
    """
    members = [m for m in archive.infolist() if _MEDIA.fullmatch(m.filename)]
    members.sort(
        key=lambda m: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", m.filename)]
    )
    return [archive.read(member) for member in members]


class _Reader:
    """Walks paragraphs in reading order, keeping visible text and every run's hiding reason."""

    def __init__(self, document: Any) -> None:
        self._styles = document.styles.element
        self._background = _document_background(document.element)
        self._paragraphs = 0
        self.runs: list[tuple[str, tuple[str, str] | None, str]] = []
        defaults = self._styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._defaults = [] if defaults is None else [defaults]
        default_paragraph = self._styles.default_for("paragraph")
        self._default_style = None if default_paragraph is None else default_paragraph.styleId

    def block(self, block: object) -> str:
        """Paragraph text, or a table with one line per row and cells joined by " | "."""
        if not isinstance(block, Table):
            return self.paragraph(block._p, "") if hasattr(block, "_p") else ""
        rows, seen = [], set()
        for row in block.rows:
            cells = []
            for cell in row.cells:
                # A merged cell comes back once per grid column (and per row it spans):
                # read it once, so its runs are not reported twice.
                # (The set holds the elements themselves: an id() of a proxy lxml has let
                # go of can be reused by the next one.)
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                cells.append("\n".join(self.paragraph(p._p, "") for p in cell.paragraphs))
            rows.append(" | ".join(text for text in dict.fromkeys(cells) if text.strip()))
        return "\n".join(rows)

    def paragraph(self, p: Any, where: str) -> str:
        """The visible text of one w:p; every run is recorded with how it is hidden, if it is."""
        if not where:
            self._paragraphs += 1
            where = f"paragraph {self._paragraphs}"
        visible = []
        for run in p.xpath("w:r | w:hyperlink/w:r"):
            text = run.text
            reason = word_hiding_reason(self._style_of(run, p))
            self.runs.append((text, reason, where))
            if reason is None:
                visible.append(text)
        return "".join(visible)

    def _style_of(self, run: Any, p: Any) -> RunStyle:
        properties = [
            run.find(qn("w:rPr")),
            *self._chain(_val(run, "w:rPr/w:rStyle"), "w:rPr"),
            *self._chain(_val(p, "w:pPr/w:pStyle") or self._default_style, "w:rPr"),
            *self._defaults,
        ]
        rprs = [rpr for rpr in properties if rpr is not None]
        size = _first(rprs, "w:sz")
        return RunStyle(
            is_hidden=_is_on(_first(rprs, "w:vanish")),
            rgb=_colour(_first(rprs, "w:color")),
            size_pt=_half_points(size),
            background=self._background_of(run, p, rprs),
        )

    def _background_of(self, run: Any, p: Any, rprs: list[Any]) -> tuple[float, float, float]:
        highlight = _first(rprs, "w:highlight")
        if highlight is not None and (rgb := HIGHLIGHTS.get(highlight.get(qn("w:val")) or "")):
            return float(rgb[0]), float(rgb[1]), float(rgb[2])
        paragraph_shading = [p.find(qn("w:pPr")), *self._chain(_val(p, "w:pPr/w:pStyle"), "w:pPr")]
        cell = next(iter(p.iterancestors(qn("w:tc"))), None)
        cell_shading = [] if cell is None else [cell.find(qn("w:tcPr"))]
        for holder in [*rprs, *paragraph_shading, *cell_shading]:
            if holder is not None and (fill := _fill(holder.find(qn("w:shd")))) is not None:
                return fill
        return self._background

    def _chain(self, style_id: str | None, tag: str) -> Iterator[Any]:
        """The tag (w:rPr or w:pPr) of a style and of the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _STYLE_DEPTH:
            seen.add(style_id)
            style = self._styles.get_by_id(style_id)
            if style is None:
                return
            yield style.find(qn(tag))
            style_id = style.basedOn_val


def _document_background(document: Any) -> tuple[float, float, float]:
    background = document.find(qn("w:background"))
    colour = None if background is None else _colour(background)
    return colour or WHITE


def _val(element: Any, path: str) -> str | None:
    found = element.find("/".join(qn(part) for part in path.split("/")))
    return None if found is None else found.get(qn("w:val"))


def _first(rprs: list[Any], tag: str) -> Any:
    """The first of the run properties, in precedence order, that sets tag."""
    return next((found for rpr in rprs if (found := rpr.find(qn(tag))) is not None), None)


def _is_on(toggle: Any) -> bool:
    """A toggle property (<w:vanish/>, w:val="true"/"1"/"on"): on unless val turns it off."""
    return toggle is not None and (toggle.get(qn("w:val")) or "true") not in {"false", "0", "off"}


def _colour(element: Any) -> tuple[float, float, float] | None:
    """w:color (or w:background) as RGB 0-1; None for "auto" and the unknown."""
    if element is None:
        return None
    value = element.get(qn("w:val")) or element.get(qn("w:color")) or ""
    if _HEX.fullmatch(value):
        return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    if value.lower() != "auto" and element.get(qn("w:themeColor")) in WHITE_THEME_COLOURS:
        return WHITE
    return None


def _fill(shading: Any) -> tuple[float, float, float] | None:
    """A w:shd fill colour, None when absent, "auto" or unreadable."""
    if shading is None:
        return None
    fill = shading.get(qn("w:fill")) or ""
    if _HEX.fullmatch(fill):
        return tuple(int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    return None


def _half_points(size: Any) -> float | None:
    try:
        return int(size.get(qn("w:val"))) / 2 if size is not None else None
    except (TypeError, ValueError):
        return None
