"""A corpus of hostile and malformed resume files, generated in memory (nothing committed).

Each HostileFile says what a safe reader must do with it: "error" (ResumeUnreadable with a
message), "text" (readable text), or "any" (either is fine; it depends on how much a
library can recover from a damaged file).
"""

import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docx import Document
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

MIB = 1024 * 1024
LIMIT_BYTES = 10 * MIB  # settings.RESUME_MAX_BYTES by default


@dataclass(frozen=True)
class HostileFile:
    name: str
    data: bytes
    expect: str  # "error" | "text" | "any"
    message_hint: str = ""  # a word the error message must contain, when it matters


def simple_pdf(lines: tuple[str, ...] = ("Jane Doe", "Python developer")) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 12)
    for row, line in enumerate(lines):
        page.drawString(50, 800 - 20 * row, line)
    page.save()
    return buffer.getvalue()


def simple_docx(lines: tuple[str, ...] = ("Jane Doe", "Python developer")) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "gray").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "gray").save(buffer, "JPEG")
    return buffer.getvalue()


def huge_png(side: int, *, pixel_data: bool = True) -> bytes:
    """A side × side black-and-white PNG of a few KB: a decompression bomb for picture readers.

    With pixel_data the rows are all there (white, deflated; about side²/8 bytes to build),
    without it the header alone claims the size, which is all a careful reader looks at.
    """
    row = b"\x00" + b"\xff" * ((side + 7) // 8)  # filter byte 0, then white pixels
    raw = row * side if pixel_data else row
    data = zlib.compress(raw, 9)

    def chunk_of(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload)
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk_of(b"IHDR", header)
        + chunk_of(b"IDAT", data)
        + chunk_of(b"IEND", b"")
    )


def many_frames_gif(frames: int = 50) -> bytes:
    from PIL import Image

    images = [Image.new("L", (60, 30), shade) for shade in range(0, 250, 250 // frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:frames])
    return buffer.getvalue()


def pdf_with_image_bomb(side: int = 40_000) -> bytes:
    """A PDF page showing a side × side picture stored in a few KB (flate of zeros)."""
    pixels = raw_deflate_of_zeros(side * side // MIB + 1)
    stream = b"\x78\xda" + pixels + struct.pack(">I", 1)  # Adler-32 is not checked first
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (side, side, len(stream))
        + stream
        + b"\nendstream",
    ]
    return assemble_pdf(objects)


def image_only_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawImage(ImageReader(io.BytesIO(png_bytes())), 50, 600, 400, 200)
    page.save()
    return buffer.getvalue()


def rewritten_pdf(pdf: bytes, *, password: str = "", javascript: str = "") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if javascript:  # run on opening by a viewer that executes JavaScript; we never do
        action = {"/S": NameObject("/JavaScript"), "/JS": TextStringObject(javascript)}
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject(key): value for key, value in action.items()}
        )
    if password:
        writer.encrypt(password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zero_page_pdf() -> bytes:
    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


def raw_deflate_of_zeros(mib: int) -> bytes:
    """Raw deflate data that inflates to `mib` MiB of zero bytes, built in milliseconds.

    After a full flush a deflate block refers to nothing before it, so the compressed form
    of one MiB can simply be repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * mib + compressor.flush()


def pdf_bomb(mib: int = 2048) -> bytes:
    """A one-page PDF whose content stream inflates to `mib` MiB (zlib header + Adler-32)."""
    adler = ((mib * MIB) % 65521) << 16 | 1  # Adler-32 of n zero bytes
    stream = b"\x78\xda" + raw_deflate_of_zeros(mib) + struct.pack(">I", adler)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return assemble_pdf(objects)


def nested_pdf(depth: int = 50_000) -> bytes:
    """A page whose dictionary holds an array nested `depth` levels deep."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk " + nested + b" >>",
    ]
    return assemble_pdf(objects)


def assemble_pdf(objects: list[bytes]) -> bytes:
    body, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    return bytes(body + b"startxref\n%d\n%%%%EOF\n" % xref)


def broken_xref_pdf() -> bytes:
    pdf = simple_pdf()
    start = pdf.rindex(b"xref")
    return pdf[:start] + b"xref\n0 9\nthis is not a cross-reference table\n" + pdf[start + 40 :]


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_with(replacements: dict[str, bytes | None]) -> bytes:
    """A real .docx with some members replaced (bytes) or removed (None)."""
    with zipfile.ZipFile(io.BytesIO(simple_docx())) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for name, content in replacements.items():
        if content is None:
            members.pop(name, None)
        else:
            members[name] = content
    return zip_of(members)


def zip_bomb_docx(mib: int = 4096) -> bytes:
    """A .docx whose word/document.xml inflates to `mib` MiB, written by hand.

    zipfile cannot store data that is already compressed, so the headers are packed here.
    """
    compressed = raw_deflate_of_zeros(mib)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(bytes(MIB), crc)
    name, size = b"word/document.xml", mib * MIB
    zip64 = struct.pack("<HHQQ", 1, 16, size, len(compressed))
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(name), 20
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        *(0x02014B50, 45, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF),
        *(len(name), 20, 0, 0, 0, 0, 0),
    )
    record = local + name + zip64 + compressed
    directory = central + name + zip64
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(directory), len(record), 0)
    return record + directory + end


def lying_zip_docx() -> bytes:
    """A .docx whose document.xml claims to be 100 bytes but inflates to 16 MiB."""
    data = bytearray(docx_with({"word/document.xml": b"<w:document/>" + bytes(16 * MIB)}))
    position = data.index(b"word/document.xml")
    struct.pack_into("<I", data, position - 30 + 22, 100)  # uncompressed size, local header
    central = data.index(b"word/document.xml", position + 1) - 46
    struct.pack_into("<I", data, central + 24, 100)  # uncompressed size, central directory
    return bytes(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol5;</w:t></w:r></w:p></w:body></w:document>"""


def hostile_files() -> list[HostileFile]:
    """The whole corpus: at least 30 files covering each way a resume can be hostile."""
    pdf = simple_pdf()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    chinese = "姓名：王芳\n工作经验：3年\n技能：Python、数据分析"
    files = [
        HostileFile("empty.pdf", b"", "error", "empty"),
        HostileFile("one-byte.pdf", b"\x00", "error"),
        HostileFile("whitespace.pdf", b" \n\t ", "error", "empty"),
        HostileFile("random.pdf", random.Random(1).randbytes(64 * 1024), "error"),
        HostileFile(
            "random-after-header.pdf", b"%PDF-1.7\n" + random.Random(2).randbytes(9000), "error"
        ),
        HostileFile("broken-xref.pdf", broken_xref_pdf(), "any"),
        HostileFile("encrypted.pdf", rewritten_pdf(pdf, password="secret"), "error", "password"),
        HostileFile("owner-locked.pdf", rewritten_pdf(pdf, password=""), "text"),
        HostileFile("image-only.pdf", image_only_pdf(), "error", "OCR"),
        HostileFile("javascript.pdf", rewritten_pdf(pdf, javascript="app.alert('hi');"), "text"),
        HostileFile("nested.pdf", nested_pdf(), "any"),
        HostileFile("flate-bomb.pdf", pdf_bomb(), "error"),
        HostileFile("zero-pages.pdf", zero_page_pdf(), "error"),
        HostileFile("junk-before-header.pdf", b"garbage\n" * 10 + pdf, "text"),
        HostileFile("zip-bomb.docx", zip_bomb_docx(), "error", "zip bomb"),
        HostileFile("lying-zip.docx", lying_zip_docx(), "error"),
        HostileFile("no-document-xml.docx", docx_with({"word/document.xml": None}), "error"),
        HostileFile("plain-zip.docx", zip_of({"a.txt": b"hi", "b/c.png": png_bytes()}), "error"),
        HostileFile(
            "billion-laughs.docx", docx_with({"word/document.xml": BILLION_LAUGHS}), "error"
        ),
        HostileFile(
            "broken-xml.docx", docx_with({"word/document.xml": b"<w:document><br"}), "error"
        ),
        HostileFile(
            "path-traversal.docx", docx_with({"../../etc/passwd": b"x", "/abs": b"y"}), "text"
        ),
        HostileFile("docx-named.pdf", simple_docx(), "text"),
        HostileFile("pdf-named.docx", pdf, "text"),
        HostileFile("legacy.doc", ole, "error", ".doc"),
        HostileFile("ole-named.pdf", ole, "error", ".doc"),
        HostileFile("png-named.pdf", png_bytes(), "error", "picture"),
        HostileFile("jpeg-named.pdf", jpeg_bytes(), "error", "picture"),
        HostileFile("png-named.docx", png_bytes(), "error", "picture"),
        HostileFile("bomb.png", huge_png(100_000, pixel_data=False), "error", "decompression bomb"),
        HostileFile("too-many-pixels.png", huge_png(8_000), "error", "decompression bomb"),
        HostileFile("truncated.png", huge_png(1_000)[:80], "error", "damaged"),
        HostileFile("many-frames.gif", many_frames_gif(), "error", "pages"),
        HostileFile("image-bomb.pdf", pdf_with_image_bomb(), "error", "decompression bomb"),
        HostileFile("page.pdf", b"<!DOCTYPE html><html><body>Jane</body></html>", "error", "HTML"),
        HostileFile("gb18030.txt", chinese.encode("gb18030"), "text"),
        HostileFile("utf16.txt", chinese.encode("utf-16"), "text"),
        HostileFile("nul-bytes.txt", b"Jane\x00Doe\x00" * 100, "error"),
        HostileFile("huge-line.txt", b"python " * (LIMIT_BYTES // 8), "text"),
        HostileFile("too-big.pdf", pdf + bytes(LIMIT_BYTES), "error", "larger than"),
    ]
    files += [
        HostileFile(f"truncated-{percent}.pdf", pdf[: len(pdf) * percent // 100], "any")
        for percent in (5, 30, 60, 95)
    ]
    return files
