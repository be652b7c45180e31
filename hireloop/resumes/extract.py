"""Turn an uploaded resume file into plain text.

The format is detected from the bytes, never from the file name: candidates rename files,
and a ".pdf" that is really a Word document should still be read. Every failure becomes a
ResumeUnreadable whose message tells an HR user what to do next.
"""

import io
import re
import zipfile

from docx import Document
from docx.table import Table
from pypdf import PdfReader

# Decodings tried in order for plain-text resumes (a leading BOM is dropped afterwards).
# gb18030 is a superset of GBK/GB2312, which older Chinese Windows tools still write.
TEXT_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc / .xls container
# Share of control characters above which "text" is really a binary file.
MAX_CONTROL_SHARE = 0.01

_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


class ResumeUnreadable(Exception):
    """A resume file HireLoop cannot read; str(error) is a sentence an HR user can act on."""


def extract_text(data: bytes, filename: str) -> str:
    """Return the normalised text of a PDF, DOCX or plain-text resume.

    Raises ResumeUnreadable for empty, encrypted, corrupt, unsupported or image-only files.
    """
    label = f"“{filename}”" if filename else "This file"
    if not data.strip():
        raise ResumeUnreadable(f"{label} is empty; ask the candidate to upload it again.")
    if b"%PDF-" in data[:1024]:  # the spec allows junk before the header
        raw, kind = _pdf_text(data, label), "PDF"
    elif data.startswith(b"PK\x03\x04"):
        raw, kind = _docx_text(data, label), "Word document"
    elif data.startswith(OLE_MAGIC):
        raise ResumeUnreadable(
            f"{label} is an old-style Word (.doc) file; ask for a .docx or PDF copy."
        )
    else:
        raw, kind = _plain_text(data, label), "text file"
    text = normalise_whitespace(raw)
    if not text:
        raise ResumeUnreadable(
            f"{label} is a {kind} with no readable text, probably a scanned image. "
            "Scanned resumes need OCR, which is not supported yet; ask for a text-based copy."
        )
    return text


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, keep line breaks (at most one blank line) and strip."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _pdf_text(data: bytes, label: str) -> str:
    damaged = f"{label} is a damaged PDF that cannot be opened; ask the candidate to re-export it."
    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs are "encrypted" only against editing, with an empty open password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ResumeUnreadable(
                f"{label} is password-protected; ask the candidate for an unprotected copy."
            )
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ResumeUnreadable:
        raise
    except Exception as error:  # pypdf raises many unrelated types on malformed input
        raise ResumeUnreadable(damaged) from error


def _docx_text(data: bytes, label: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_docx = "word/document.xml" in archive.namelist()
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
