"""Read a Word (.docx) resume: its visible text, the text it hides, and its pictures.

Word can hide text in ways a reader never sees but a parser reads: runs marked hidden
(w:vanish), runs coloured like what is behind them (a contrast under
integrity.MIN_CONTRAST with the highlight, shading or page colour: #EAEAEA on white, black
on black shading), and runs too small to read (under integrity.MIN_READABLE_PT, or under
MIN_BODY_SHARE of the body size, the limits used for PDFs). Each run's
formatting is resolved as Word does (direct formatting, then its character style, then the
paragraph style, then the document defaults); hidden runs are left out of the text and
reported as integrity findings with their text as evidence.

The checks before unpacking (zip bombs, XML entity declarations) are here as well, since
a .docx is a zip file written by whoever sent it.

The parts are read with lxml directly, not python-docx: python-docx builds a proxy class per
element and looks styles up by XPath, which made a generated resume take 14 ms to read
against 2-3 ms here (docs/resume-parsing.md, "Fast path"). What is read is what python-docx
gives: body paragraphs and tables in order (a merged cell once), runs directly in a
paragraph or in a hyperlink, and the default page header of each section.
"""

import functools
import hashlib
import io
import posixpath
import re
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .integrity import Finding, Place, Reason, RunStyle, hidden_run_findings, word_hiding_reason
from .reasons import Unreadable

# A real .docx unpacks to a few MB; Word never writes a DTD, which is how "billion laughs"
# entity bombs get in. Ratio: text XML compresses ~5-20x; a zip bomb reaches 1000x.
DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DOCX_MAX_RATIO = 200
DOCX_MAX_MEMBERS = 5_000
DOCX_RATIO_CHECK_FROM = 1024 * 1024  # tiny members may legitimately compress very well
WHITE = (1.0, 1.0, 1.0)
WORD_DEFAULT_PT = 10.0
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
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_PREFIX = f"{{{_W}}}"
_HEADER_RELATIONSHIP = f"{_R}/header"
# No entities, no DTD, no network: the parts are untrusted (check_docx_is_safe refuses DTDs).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_ON = {"1", "true", "on"}
# Run content as text, as python-docx reads it (a w:br is a line break unless it breaks a
# page or column).
_RUN_TEXT = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


@functools.cache
def qn(name: str) -> str:
    """ "w:rPr" as lxml's Clark name "{namespace}rPr" (only the w and r prefixes occur)."""
    prefix, local = name.split(":")
    return f"{{{_W if prefix == 'w' else _R}}}{local}"


class DocxUnreadable(Unreadable):
    """A .docx that cannot or must not be opened: a code of reasons.UNREADABLE and its
    parameters; str(error) is the English sentence for HR."""


@dataclass(frozen=True)
class WordContent:
    """Visible text, hidden-text findings and embedded pictures (in order) of a .docx."""

    text: str
    hidden: list[Finding] = field(default_factory=list)
    pictures: list[bytes] = field(default_factory=list)


def read_docx(data: bytes, filename: str) -> WordContent:
    """Visible text and findings; DocxUnreadable for damaged, hostile or non-Word zips."""
    damaged = DocxUnreadable("zip_damaged", name=filename)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise damaged from error
    with archive:
        if not _has(archive, "word/document.xml"):
            raise DocxUnreadable("zip_not_word", name=filename)
        try:
            check_docx_is_safe(archive, filename)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise damaged from error
        try:
            pictures = _pictures(archive)
            reader = _read_parts(archive)
        except Exception as error:  # damaged XML or zip members fail in many different ways
            raise DocxUnreadable("word_damaged", name=filename) from error
    text = "\n".join(reader.text).strip("\n")
    return WordContent(text, hidden_run_findings(reader.runs), pictures)


def _read_parts(archive: zipfile.ZipFile) -> "_Reader":
    """The reader after reading the section headers, then the body, in order."""
    document = _xml(archive, "word/document.xml")
    body = document.find(qn("w:body"))
    if document.tag != qn("w:document") or body is None:
        raise ValueError("word/document.xml holds no document body")
    reader = _Reader(_styles_of(archive), _document_background(document))
    headers = [
        reader.paragraph(p, ("page_header", 0))
        for header in _section_headers(archive, body)
        for p in header.iter(qn("w:p"))
    ]
    # Sections repeat their headers, so a header line is read once; the body is read as it is
    # (a line repeated there is part of what the candidate wrote).
    reader.text = [*dict.fromkeys(headers), *(reader.block(block) for block in body)]
    return reader


class _Styles:
    """A styles part's paragraph and character styles by id, and the document defaults."""

    def __init__(self, styles: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.defaults: list[Any] = []
        self.default_paragraph_style: str | None = None
        if styles is None:
            return
        for style in styles.iterfind(qn("w:style")):
            kind, style_id = style.get(qn("w:type"), "paragraph"), style.get(qn("w:styleId"))
            if style_id is None or kind not in ("paragraph", "character"):
                continue  # table and numbering styles never reach a run here
            self.by_id.setdefault(style_id, style)  # Word takes the first of a doubled id
            if kind == "paragraph" and (style.get(qn("w:default")) or "").lower() in _ON:
                self.default_paragraph_style = style_id  # the last default, as python-docx
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = [] if defaults is None else [defaults]


# Parsed styles parts by the BLAKE2 digest of their bytes, the most recent few. Resumes
# written from one template or exported by one job board share styles.xml byte for byte, and
# parsing it is most of reading them (python-docx's own is 349 KB, 5-7 ms to parse, against
# 0.5 ms to hash). A digest, unlike the zip's CRC-32, cannot be forged by one file to give
# another file its styles.
_STYLES_CACHE: "OrderedDict[bytes, _Styles]" = OrderedDict()
_STYLES_CACHE_SIZE = 8


def _styles_of(archive: zipfile.ZipFile) -> _Styles:
    if not _has(archive, "word/styles.xml"):
        return _Styles(None)
    data = archive.read("word/styles.xml")
    digest = hashlib.blake2b(data, digest_size=32).digest()
    styles = _STYLES_CACHE.get(digest)
    if styles is None:
        styles = _STYLES_CACHE[digest] = _Styles(etree.fromstring(data, _PARSER))
        while len(_STYLES_CACHE) > _STYLES_CACHE_SIZE:
            _STYLES_CACHE.popitem(last=False)
    _STYLES_CACHE.move_to_end(digest)
    return styles


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    return name in archive.NameToInfo


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    return etree.fromstring(archive.read(name), _PARSER)


def _section_headers(archive: zipfile.ZipFile, body: Any) -> Iterator[Any]:
    """The default header of each section in order; a section without one repeats the last."""
    rels_name = "word/_rels/document.xml.rels"
    if not _has(archive, rels_name):
        return
    targets = {
        rel.get("Id"): posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
        for rel in _xml(archive, rels_name)
        if rel.get("Type") == _HEADER_RELATIONSHIP
    }
    sections = [
        *body.iterfind(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}"),
        *body.iterfind(qn("w:sectPr")),
    ]
    current = None
    for section in sections:
        for reference in section.iterfind(qn("w:headerReference")):
            if reference.get(qn("w:type"), "default") == "default":
                current = targets.get(reference.get(qn("r:id")))
        name = current.lstrip("/") if current else None
        if name and _has(archive, name):
            yield _xml(archive, name)


def check_docx_is_safe(archive: zipfile.ZipFile, filename: str) -> None:
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
        raise DocxUnreadable("zip_bomb", name=filename)
    with archive.open("word/document.xml") as document:
        head = document.read(4096)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise DocxUnreadable("xml_declarations", name=filename)


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

    def __init__(self, styles: "_Styles", background: tuple[float, float, float]) -> None:
        self._styles = styles.by_id
        self._defaults = styles.defaults
        self._default_style = styles.default_paragraph_style
        self._background = background
        # The body size: what a paragraph without formatting gets (its default style, then
        # the document defaults; Word's own default is 10 pt). Tiny runs are judged against it.
        body = _first(
            [rpr for rpr in self._chain(self._default_style, "w:rPr") if rpr is not None]
            + self._defaults,
            "w:sz",
        )
        self._body_pt = _half_points(body) or WORD_DEFAULT_PT
        self._paragraphs = 0
        self.text: list[str] = []
        self.runs: list[tuple[str, Reason | None, Place]] = []

    def block(self, block: Any) -> str:
        """Paragraph text, or a table with one line per row and cells joined by " | "."""
        if block.tag == qn("w:p"):
            return self.paragraph(block, None)
        if block.tag != qn("w:tbl"):
            return ""
        rows = []
        for row in block.iterfind(qn("w:tr")):
            cells = [
                # A vertically merged cell is read once, in its first row.
                "\n".join(self.paragraph(p, None) for p in cell.iterfind(qn("w:p")))
                for cell in row.iterfind(qn("w:tc"))
                if not _continues_merge(cell)
            ]
            rows.append(" | ".join(text for text in dict.fromkeys(cells) if text.strip()))
        return "\n".join(rows)

    def paragraph(self, p: Any, where: Place | None) -> str:
        """The visible text of one w:p; every run is recorded with how it is hidden, if it is."""
        if where is None:
            self._paragraphs += 1
            where = ("paragraph", self._paragraphs)
        visible = []
        for run in _runs(p):
            text = _run_text(run)
            reason = word_hiding_reason(self._style_of(run, p), self._body_pt)
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
        cell = next(p.iterancestors(qn("w:tc")), None)
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
            style = self._styles.get(style_id)
            if style is None:
                return
            yield style.find(qn(tag))
            style_id = _val(style, "w:basedOn")


def _runs(p: Any) -> Iterator[Any]:
    """The w:r children of a paragraph and of its hyperlinks, in document order."""
    run, hyperlink = qn("w:r"), qn("w:hyperlink")
    for child in p:
        if child.tag == run:
            yield child
        elif child.tag == hyperlink:
            yield from child.iterfind(run)


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(_W_PREFIX):
            continue  # comments, processing instructions, other namespaces
        local = tag[len(_W_PREFIX) :]
        if local == "t":
            parts.append(child.text or "")
        elif local == "br":
            parts.append("\n" if child.get(qn("w:type"), "textWrapping") == "textWrapping" else "")
        elif local in _RUN_TEXT:
            parts.append(_RUN_TEXT[local])
    return "".join(parts)


def _continues_merge(cell: Any) -> bool:
    """A cell that continues a vertical merge (w:vMerge without val="restart")."""
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _document_background(document: Any) -> tuple[float, float, float]:
    background = document.find(qn("w:background"))
    colour = None if background is None else _colour(background)
    return colour or WHITE


def _val(element: Any, path: str) -> str | None:
    found = element.find(_clark_path(path))
    return None if found is None else found.get(qn("w:val"))


@functools.cache
def _clark_path(path: str) -> str:
    return "/".join(qn(part) for part in path.split("/"))


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
