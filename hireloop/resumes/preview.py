"""Pictures of a resume's pages, as the candidate sent it, for staff who may see it unmasked.

The file is untrusted (a hostile PDF or picture can exhaust memory or crash pdfium), so each
page is drawn in a child process under the same limits as the text sandbox
(``sandbox_worker.limit_resources``) and comes back as a WebP image: one child per page, so
a page shows as soon as it is drawn and only the pages a reader scrolls to are drawn. Word
and text files have no pages to draw: the caller shows their extracted text instead.

Child protocol (``python -m hireloop.resumes.preview MEMORY_MB CPU_SECONDS PAGE``): the file's
bytes on stdin; on stdout the page count as 4 bytes ">I" when PAGE is -1, else page PAGE's
image (WebP).
"""

import io
import struct
import subprocess
import sys

from . import ocr

# Wide enough to read 9 pt text on a screen. WebP at quality 85 keeps text sharp at about
# 40 % of a PNG's size (measured on the shared resume PDFs: 120–230 KB against 300–530 KB).
PAGE_WIDTH_PX = 1000
WEBP_QUALITY = 85
MAX_PAGES = 20
# A poster-sized page is drawn smaller rather than taking hundreds of MB.
MAX_PIXELS = 3_000_000
_COUNT = struct.Struct(">I")
_COUNT_PAGES = -1


class PreviewUnavailable(Exception):
    """The pages could not be drawn (corrupt file, over the limits, or not a paged format)."""


def has_pages(data: bytes) -> bool:
    """PDFs and pictures have pages to draw; Word and text files do not."""
    return b"%PDF-" in data[:1024] or ocr.image_kind(data) is not None


def count_pages(data: bytes) -> int:
    """How many pages a PDF has (at most MAX_PAGES are shown); a picture is one page."""
    if b"%PDF-" not in data[:1024]:
        return 1
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def draw_page(data: bytes, index: int) -> bytes:
    """A WebP image of one page of a PDF (index from 0), or of a picture (index 0)."""
    if b"%PDF-" in data[:1024]:
        return _pdf_page(data, index)
    if index != 0:
        raise IndexError(index)
    return _picture_page(data)


def _pdf_page(data: bytes, index: int) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        width, height = page.get_size()
        scale = PAGE_WIDTH_PX / max(width, 1.0)
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / max(width * height, 1.0)) ** 0.5
        return _webp(page.render(scale=scale).to_pil())
    finally:
        document.close()


def _picture_page(data: bytes) -> bytes:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = 40_000_000  # a decompression bomb raises instead of filling memory
    with Image.open(io.BytesIO(data)) as picture:
        picture.thumbnail((PAGE_WIDTH_PX, PAGE_WIDTH_PX * 2))
        return _webp(picture.convert("RGB"))


def _webp(image) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="WEBP", quality=WEBP_QUALITY)
    return buffer.getvalue()


def page_count_in_sandbox(data: bytes, *, timeout_s: float = 10) -> int:
    """count_pages in a limited child process."""
    if not has_pages(data):
        raise PreviewUnavailable("no pages to draw")
    output = _run_child(data, _COUNT_PAGES, timeout_s=timeout_s)
    if len(output) != _COUNT.size:
        raise PreviewUnavailable("the page drawer gave a malformed answer")
    return int(_COUNT.unpack(output)[0])


def page_in_sandbox(data: bytes, index: int, *, timeout_s: float = 20) -> bytes:
    """draw_page in a limited child process; PreviewUnavailable when it fails or runs long."""
    if not has_pages(data) or not 0 <= index < MAX_PAGES:
        raise PreviewUnavailable("no such page")
    image = _run_child(data, index, timeout_s=timeout_s)
    if image[:4] != b"RIFF" or image[8:12] != b"WEBP":
        raise PreviewUnavailable("the page drawer gave a malformed answer")
    return image


def _run_child(data: bytes, page: int, *, timeout_s: float, memory_mb: int = 768) -> bytes:
    command = [
        sys.executable,
        "-m",
        "hireloop.resumes.preview",
        str(memory_mb),
        str(max(1, int(timeout_s))),
        str(page),
    ]
    try:
        done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
            command, input=data, capture_output=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise PreviewUnavailable("drawing the page took too long") from error
    if done.returncode != 0:
        raise PreviewUnavailable("the page could not be drawn")
    return done.stdout


def _main(memory_mb: int, cpu_seconds: int, page: int) -> int:
    from .sandbox_worker import limit_resources

    limit_resources(memory_mb=memory_mb, cpu_seconds=cpu_seconds)
    data = sys.stdin.buffer.read()
    try:
        output = _COUNT.pack(count_pages(data)) if page == _COUNT_PAGES else draw_page(data, page)
    except Exception:  # noqa: BLE001 - any failure on a hostile file means "cannot draw"
        return 1
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
