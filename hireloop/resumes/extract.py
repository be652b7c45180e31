"""Turn an uploaded resume file into plain text.

The format is detected from the bytes, never from the file name: candidates rename files,
and a ".pdf" that is really a Word document should still be read. Every failure becomes a
ResumeUnreadable whose reason (a code of hireloop.resumes.reasons) tells an HR user what to
do next, in their own language.

PDFs are read character by character, with pdfium (hireloop.resumes.pdf_layout) or, when
HIRELOOP_PDF_ENGINE says so, pdfplumber, so that text a person cannot see (white, tiny, off
the page) is left out of the text and reported by the integrity checks.
docs/resume-parsing.md has the measurements behind the choice of library. Word files are
read by hireloop.resumes.docx_text, which leaves out (and reports) hidden runs as well.
Pictures, PDFs without a text layer and Word files that hold only a picture are read by OCR
(hireloop.resumes.ocr).

These functions parse untrusted files in-process; production code calls them through
hireloop.resumes.sandbox, which adds a separate process, memory and time limits.
"""

import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import ocr
from .docx_text import DocxUnreadable, read_docx
from .integrity import Box, Finding, Glyph, PageLayout, glyph_reasons, hiding_reason
from .pdf_layout import PdfDamaged, PdfPasswordRequired, read_pdf
from .reasons import Unreadable

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
PDF_ENGINES = ("pdfium", "pdfplumber")
# A PDF or Word file with fewer visible characters than this per page is taken for a scan
# (a scanner app may add a line such as "Scanned with CamScanner", 20 letters); a real
# one-page resume has several hundred.
SCANNED_MAX_CHARS_PER_PAGE = 40
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body)\b", re.I)

_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


class ResumeUnreadable(Unreadable):
    """A resume file HireLoop cannot read: ResumeUnreadable(code, name=filename, …).

    str(error) is the English sentence an HR user can act on; error.code and error.params
    are stored, and error.sentence(gettext) gives it in the reader's language.
    """


@dataclass(frozen=True)
class ResumeContent:
    """The visible text of a resume and, for PDFs, the layout of every page.

    hidden holds hidden-text findings a reader saw in the file's markup (Word), for
    integrity.find_integrity_issues; ocr_pages counts the pages or pictures read by OCR.
    """

    text: str
    pages: list[PageLayout] = field(default_factory=list)
    hidden: list[Finding] = field(default_factory=list)
    ocr_pages: int = 0


def extract_text(data: bytes, filename: str) -> str:
    """Return the normalised visible text of a PDF, DOCX or plain-text resume.

    Pictures and scanned pages are read by OCR. Raises ResumeUnreadable for empty,
    encrypted, corrupt or unsupported files and for scans OCR cannot read.
    """
    return read_resume(data, filename).text


def read_resume(data: bytes, filename: str) -> ResumeContent:
    """Visible text plus page layouts (PDF only) of a resume; see extract_text for errors."""
    if not data.strip():
        raise ResumeUnreadable("empty", name=filename)
    pages: list[PageLayout] = []
    hidden: list[Finding] = []
    scanned = ocr.ScannedText([])
    try:
        if b"%PDF-" in data[:1024]:  # the spec allows junk before the header
            (raw, pages), kind = _pdf_content(data, filename), {"kind": "pdf"}
            raw, scanned = _with_scanned_pages(data, raw, pages, filename)
        elif data.startswith(b"PK\x03\x04"):
            word, kind = read_docx(data, filename), {"kind": "word"}
            raw, hidden = word.text, word.hidden
            if _looks_scanned(raw, pages=1) and word.pictures:
                scanned = _read_pictures(word.pictures, filename)
                raw = "\n".join([raw, scanned.text])
        elif picture := ocr.image_kind(data):
            scanned = ocr.read_image(data, filename)
            raw, kind = scanned.text, {"kind": "picture", "format": picture}
        else:
            _refuse_known_binary(data, filename)
            raw, kind = _plain_text(data, filename), {"kind": "text"}
    except (ocr.ScanUnreadable, DocxUnreadable) as error:
        raise ResumeUnreadable(error.code, **error.params) from error
    text = normalise_whitespace(raw[: MAX_TEXT_CHARS * 2])[:MAX_TEXT_CHARS]
    if not text:
        raise _no_text(filename, kind, read_by_ocr=bool(scanned.pages))
    return ResumeContent(text=text, pages=pages, hidden=hidden, ocr_pages=len(scanned.pages))


def _looks_scanned(text: str, *, pages: int) -> bool:
    return len("".join(text.split())) < SCANNED_MAX_CHARS_PER_PAGE * max(pages, 1)


def _with_scanned_pages(
    data: bytes, raw: str, pages: list[PageLayout], filename: str
) -> tuple[str, ocr.ScannedText]:
    """The PDF's text, read by OCR where its pages are pictures.

    A PDF with no visible text at all is read by OCR wherever it draws something (a scan,
    or text turned into outlines). One with almost none is a scan only if it shows
    pictures (a scanner app's "Scanned with CamScanner" line on the scan); a short text
    PDF stays as it is. The scan's text replaces the few visible characters, which OCR
    reads as well. Otherwise only pages without one visible character that show a picture
    are read (a scanned certificate after a text resume), and their text is added at the
    end, since the text layer cannot be split back into pages here.
    """
    if _looks_scanned(raw, pages=len(pages)):
        has_text = bool(raw.strip())
        scanned = ocr.read_pdf_pages(data, filename, pictures_only=has_text)
        return (scanned.text if scanned.text.strip() else raw), scanned
    blank = [layout.number for layout in pages if not _has_visible_glyph(layout)]
    if not blank:
        return raw, ocr.ScannedText([])
    scanned = ocr.read_pdf_pages(data, filename, page_numbers=blank)
    return "\n".join([raw, scanned.text]), scanned


def _has_visible_glyph(layout: PageLayout) -> bool:
    reasons = glyph_reasons(layout)
    return any(g.text.strip() and r is None for g, r in zip(layout.glyphs, reasons, strict=True))


def _read_pictures(pictures: list[bytes], filename: str) -> ocr.ScannedText:
    """OCR a Word file's pictures (at most MAX_OCR_PAGES; damaged ones are skipped)."""
    pages: list[str] = []
    for picture in pictures:
        if len(pages) >= ocr.MAX_OCR_PAGES:
            break
        try:
            pages += ocr.read_image(picture, filename).pages
        except ocr.ScanUnreadable:
            if not ocr.is_available():
                raise
    return ocr.ScannedText(pages[: ocr.MAX_OCR_PAGES])


def _no_text(filename: str, kind: dict[str, str], *, read_by_ocr: bool) -> ResumeUnreadable:
    """kind: {"kind": a code of reasons.PARTS["kind"]} and, for pictures, their "format"."""
    if read_by_ocr:
        return ResumeUnreadable("scan_no_text", name=filename, **kind)
    if kind["kind"] == "pdf":
        return ResumeUnreadable("pdf_no_text", name=filename)
    return ResumeUnreadable("no_text", name=filename, **kind)


def _refuse_known_binary(data: bytes, filename: str) -> None:
    """Name the real format of files that are not resumes, whatever they are called."""
    if data.startswith(OLE_MAGIC):
        raise ResumeUnreadable("old_word", name=filename)
    if _HTML_START.match(data[:1024]):
        raise ResumeUnreadable("html", name=filename)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, keep line breaks (at most one blank line) and strip."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def pdf_engine() -> str:
    """The PDF reader chosen by HIRELOOP_PDF_ENGINE: "pdfium" (default) or "pdfplumber".

    Read from the environment, not from Django settings, because the sandbox child has no
    settings: hireloop.resumes.sandbox passes settings.HIRELOOP_PDF_ENGINE on this way.
    """
    engine = os.environ.get("HIRELOOP_PDF_ENGINE", "") or "pdfium"
    if engine not in PDF_ENGINES:
        raise ValueError(f"HIRELOOP_PDF_ENGINE must be one of {PDF_ENGINES}, not {engine!r}")
    return engine


def _pdf_content(data: bytes, filename: str) -> tuple[str, list[PageLayout]]:
    try:
        contents = _pdfplumber_content(data) if pdf_engine() == "pdfplumber" else read_pdf(data)
    except PdfPasswordRequired as error:
        raise ResumeUnreadable("pdf_password", name=filename) from error
    except PdfDamaged as error:
        raise ResumeUnreadable("pdf_damaged", name=filename) from error
    return "\n".join(text for text, _ in contents), [layout for _, layout in contents]


def _pdfplumber_content(data: bytes) -> list[tuple[str, PageLayout]]:
    """pdfplumber's reading of a PDF, the same as read_pdf's, 4-5 times slower."""
    import pdfplumber  # imported only when chosen: it costs a sandbox worker ~0.2 s to load
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        # pdfminer tries the empty password itself: PDFs "encrypted" only against editing
        # open normally; a real open password raises PDFPasswordIncorrect.
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [_page_content(page) for page in pdf.pages]
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, MemoryError):
            raise cause from error  # the sandbox turns it into "needs more memory than allowed"
        if isinstance(cause, PDFPasswordIncorrect):
            raise PdfPasswordRequired() from error
        raise PdfDamaged() from error
    except MemoryError:
        raise  # the sandbox turns it into "needs more memory than allowed"
    except Exception as error:  # pdfminer raises many unrelated types on malformed input
        raise PdfDamaged() from error


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


def _plain_text(data: bytes, filename: str) -> str:
    unsupported = ResumeUnreadable("unsupported", name=filename)
    if data.startswith(UTF16_BOMS):  # Windows Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise unsupported from error
    if b"\x00" in data[:4096]:
        raise unsupported
    for encoding in TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # gb18030 decodes many binary files, so check the result still looks like text.
        if len(_CONTROL.findall(text)) <= MAX_CONTROL_SHARE * len(text):
            return text.removeprefix("\ufeff")
    raise unsupported
