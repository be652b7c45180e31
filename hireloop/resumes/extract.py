"""Turn an uploaded resume file into plain text.

The format is detected from the bytes, never from the file name: candidates rename files,
and a ".pdf" that is really a Word document should still be read. Every failure becomes a
ResumeUnreadable whose message tells an HR user what to do next.

PDFs are read with pdfplumber, character by character, so that text a person cannot see
(white, tiny, off the page) is left out of the text and reported by the integrity checks.
docs/resume-parsing.md has the measurements behind the choice of library.

These functions parse untrusted files in-process; production code calls them through
hireloop.resumes.sandbox, which adds a separate process, memory and time limits.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from docx import Document
from docx.table import Table
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from .integrity import Box, Glyph, PageLayout, hiding_reason

# Decodings tried in order for plain-text resumes (a leading BOM is dropped afterwards).
# gb18030 is a superset of GBK/GB2312, which older Chinese Windows tools still write.
TEXT_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc / .xls container
# Share of control characters above which "text" is really a binary file.
MAX_CONTROL_SHARE = 0.01
# Text kept per resume. The longest of 711 real resumes is about 30,000 characters; the cap
# keeps a 10 MB single-line "resume" from slowing every regex downstream.
MAX_TEXT_CHARS = 200_000
IMAGE_MAGIC = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"BM": "BMP",
}
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body)\b", re.I)
# A real .docx unpacks to a few MB; Word never writes a DTD, which is how "billion laughs"
# entity bombs get in. Ratio: text XML compresses ~5-20x; a zip bomb reaches 1000x.
DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
DOCX_MAX_RATIO = 200
DOCX_MAX_MEMBERS = 5_000
DOCX_RATIO_CHECK_FROM = 1024 * 1024  # tiny members may legitimately compress very well

_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


class ResumeUnreadable(Exception):
    """A resume file HireLoop cannot read; str(error) is a sentence an HR user can act on."""


@dataclass(frozen=True)
class ResumeContent:
    """The visible text of a resume and, for PDFs, the layout of every page."""

    text: str
    pages: list[PageLayout] = field(default_factory=list)


def extract_text(data: bytes, filename: str) -> str:
    """Return the normalised visible text of a PDF, DOCX or plain-text resume.

    Raises ResumeUnreadable for empty, encrypted, corrupt, unsupported or image-only files.
    """
    return read_resume(data, filename).text


def read_resume(data: bytes, filename: str) -> ResumeContent:
    """Visible text plus page layouts (PDF only) of a resume; see extract_text for errors."""
    label = f"“{filename}”" if filename else "This file"
    if not data.strip():
        raise ResumeUnreadable(f"{label} is empty; ask the candidate to upload it again.")
    pages: list[PageLayout] = []
    if b"%PDF-" in data[:1024]:  # the spec allows junk before the header
        (raw, pages), kind = _pdf_content(data, label), "PDF"
    elif data.startswith(b"PK\x03\x04"):
        raw, kind = _docx_text(data, label), "Word document"
    else:
        _refuse_known_binary(data, label)
        raw, kind = _plain_text(data, label), "text file"
    text = normalise_whitespace(raw[: MAX_TEXT_CHARS * 2])[:MAX_TEXT_CHARS]
    if not text:
        raise ResumeUnreadable(
            f"{label} is a {kind} with no readable text, probably a scanned image. "
            "Scanned resumes need OCR, which is not supported yet; ask for a text-based copy."
        )
    return ResumeContent(text=text, pages=pages)


def _refuse_known_binary(data: bytes, label: str) -> None:
    """Name the real format of files that are not resumes, whatever they are called."""
    if data.startswith(OLE_MAGIC):
        raise ResumeUnreadable(
            f"{label} is an old-style Word (.doc) file; ask for a .docx or PDF copy."
        )
    image = next((kind for magic, kind in IMAGE_MAGIC.items() if data.startswith(magic)), None)
    if image or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        raise ResumeUnreadable(
            f"{label} is a picture ({image or 'WebP'}), not a document. Scanned resumes need "
            "OCR, which is not supported yet; ask for a PDF or Word copy."
        )
    if _HTML_START.match(data[:1024]):
        raise ResumeUnreadable(
            f"{label} is a web page (HTML), not a resume document; ask for a PDF or .docx copy."
        )


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, keep line breaks (at most one blank line) and strip."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _pdf_content(data: bytes, label: str) -> tuple[str, list[PageLayout]]:
    damaged = f"{label} is a damaged PDF that cannot be opened; ask the candidate to re-export it."
    try:
        # pdfminer tries the empty password itself: PDFs "encrypted" only against editing
        # open normally; a real open password raises PDFPasswordIncorrect.
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            contents = [_page_content(page) for page in pdf.pages]
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, MemoryError):
            raise cause from error  # the sandbox turns it into "needs more memory than allowed"
        if isinstance(cause, PDFPasswordIncorrect):
            raise ResumeUnreadable(
                f"{label} is password-protected; ask the candidate for an unprotected copy."
            ) from error
        raise ResumeUnreadable(damaged) from error
    except MemoryError:
        raise  # the sandbox turns it into "needs more memory than allowed"
    except Exception as error:  # pdfminer raises many unrelated types on malformed input
        raise ResumeUnreadable(damaged) from error
    return "\n".join(text for text, _ in contents), [layout for _, layout in contents]


def _page_content(page: Any) -> tuple[str, PageLayout]:
    """The visible text of one pdfplumber page and its layout as plain data."""
    layout = PageLayout(
        number=page.page_number,
        media=Box(*page.bbox),
        glyphs=[],
        backgrounds=list(_backgrounds(page)),
    )
    visible_ids = set()
    for char in page.chars:
        glyph = Glyph(
            text=char["text"],
            size=float(char["size"]),
            rgb=_rgb(char.get("non_stroking_color")),
            box=Box(char["x0"], char["top"], char["x1"], char["bottom"]),
        )
        layout.glyphs.append(glyph)
        if hiding_reason(glyph, layout) is None:
            visible_ids.add(id(char))
    visible = page.filter(lambda obj: obj["object_type"] != "char" or id(obj) in visible_ids)
    return visible.extract_text() or "", layout


def _backgrounds(page: Any) -> Iterator[Box]:
    """Filled, non-white shapes and all images: white text on them is visible."""
    for shape in (*page.rects, *page.curves):
        if shape.get("fill") and _rgb(shape.get("non_stroking_color")) != (1.0, 1.0, 1.0):
            yield Box(shape["x0"], shape["top"], shape["x1"], shape["bottom"])
    for image in page.images:
        yield Box(image["x0"], image["top"], image["x1"], image["bottom"])


def _rgb(colour: object) -> tuple[float, float, float] | None:
    """A gray, RGB or CMYK fill colour as RGB in 0–1; None for patterns and the unknown."""
    if not isinstance(colour, tuple | list) or not all(isinstance(c, int | float) for c in colour):
        return None
    values = [min(max(float(c), 0.0), 1.0) for c in colour]
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return values[0], values[1], values[2]
    if len(values) == 4:
        c, m, y, k = values
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


def _docx_text(data: bytes, label: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_docx = "word/document.xml" in archive.namelist()
            if is_docx:
                _check_docx_is_safe(archive, label)
    except zipfile.BadZipFile as error:
        raise ResumeUnreadable(
            f"{label} looks like a damaged Word or zip file; ask the candidate to upload it again."
        ) from error
    if not is_docx:
        raise ResumeUnreadable(
            f"{label} is a zip archive, not a Word document; ask for a PDF or .docx resume."
        )
    try:
        document = Document(io.BytesIO(data))
        parts = [p.text for section in document.sections for p in section.header.paragraphs]
        parts += [_block_text(block) for block in document.iter_inner_content()]
    except Exception as error:  # python-docx/lxml errors on malformed XML vary widely
        raise ResumeUnreadable(
            f"{label} is a damaged Word document; ask the candidate to re-save it as .docx or PDF."
        ) from error
    return "\n".join(dict.fromkeys(parts))  # headers repeat per section


def _check_docx_is_safe(archive: zipfile.ZipFile, label: str) -> None:
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
        raise ResumeUnreadable(
            f"{label} unpacks to far more data than any resume (a “zip bomb”), so it was not "
            "opened; ask the candidate to re-save it as .docx or PDF."
        )
    with archive.open("word/document.xml") as document:
        head = document.read(4096)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ResumeUnreadable(
            f"{label} contains XML declarations that Word never writes, so it was not opened; "
            "ask the candidate to re-save it as .docx or PDF."
        )


def _block_text(block: object) -> str:
    """Paragraph text, or a table with one line per row and cells joined by " | "."""
    if not isinstance(block, Table):
        return getattr(block, "text", "")
    rows = []
    for row in block.rows:
        # Merged cells come back once per grid column; keep each distinct cell once.
        cells = dict.fromkeys(cell.text.strip() for cell in row.cells)
        rows.append(" | ".join(cell for cell in cells if cell))
    return "\n".join(rows)


def _plain_text(data: bytes, label: str) -> str:
    unsupported = (
        f"{label} is not a supported resume format; ask for a PDF, Word (.docx) or text file."
    )
    if data.startswith(UTF16_BOMS):  # Windows Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ResumeUnreadable(unsupported) from error
    if b"\x00" in data[:4096]:
        raise ResumeUnreadable(unsupported)
    for encoding in TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # gb18030 decodes many binary files, so check the result still looks like text.
        if len(_CONTROL.findall(text)) <= MAX_CONTROL_SHARE * len(text):
            return text.removeprefix("\ufeff")
    raise ResumeUnreadable(unsupported)
