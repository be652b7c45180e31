"""Read the text of scanned resumes (pictures, and PDF pages that are pictures) with OCR.

Tesseract 5 reads Chinese and English in one pass ("chi_sim+eng"; the language data comes
from Debian's tesseract-ocr-chi-sim and tesseract-ocr-eng). It is called through tesserocr,
a binding that runs Tesseract inside this process, rather than pytesseract, which starts the
`tesseract` program and passes the page through temporary files: the sandbox child may
neither start processes (RLIMIT_NPROC=0) nor write files (RLIMIT_FSIZE=0), and with the
binding it needs neither, so OCR runs under exactly the limits as the other parsers. The
tesserocr wheel (2.13.0) bundles its own libtesseract 5.5, built without OpenMP, so it
starts no threads either; docs/resume-parsing.md ("OCR") has the measurements.

Images are opened by Pillow (only the formats listed in IMAGE_FORMATS, so no plugin that
calls an outside program is reachable) and their pixel count is checked from the header
before anything is decoded; PDF pages are rendered by pypdfium2 at RENDER_DPI.

Everything that goes wrong raises ScanUnreadable with a reason for HR (a code of
hireloop.resumes.reasons and its parameters).
"""

import io
import math
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from PIL import Image, ImageSequence, UnidentifiedImageError

from .reasons import Unreadable

LANGUAGES = "chi_sim+eng"
# Where Debian (tesseract-ocr 5.x and 4.x) and other systems put the language data;
# TESSDATA_PREFIX, the variable Tesseract itself reads, comes first. The sandbox child
# starts with a bare environment, so the fixed paths are what it uses.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
# Scanned PDF pages are rendered at 250 dpi: on the sample pages of tests/ocr_samples.py
# (9 and 11 pt, clean and scanned) Chinese read best there (mean character accuracy 0.986,
# against 0.981 at 300 dpi and 0.960 at 200), in 20% less CPU time than at 300 dpi.
RENDER_DPI = 250
# Pages read per resume. OCR takes about a second per page here (docs/resume-parsing.md),
# and the sandbox gives a file 20 s of CPU by default; a longer scan is refused, not cut.
MAX_OCR_PAGES = 5
# The largest picture decoded: 50 megapixels (a 48 MP phone photo, an A4 scan at 600 dpi)
# is 150 MB as RGB. A "decompression bomb" declares far more in a few kilobytes.
MAX_IMAGE_PIXELS = 50_000_000
# Pictures are scaled down to this before OCR (A4 at ~350 dpi), which bounds Tesseract's
# memory and time; it gains nothing from more pixels than that.
OCR_MAX_PIXELS = 12_000_000
IMAGE_FORMATS = ("PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP")
# A picture whose longer side has fewer pixels than this is an icon or a logo, not a scan
# with lines of text (Tesseract needs about 20 px per line); a page of them is not read.
MIN_PICTURE_PIXELS = 300
# Mean word confidence (0-100) under which a page is read a second way (see
# TesseractRecogniser).
RETRY_BELOW = 70


class ScanUnreadable(Unreadable):
    """A scan OCR cannot read: a code of reasons.UNREADABLE and its parameters; str(error)
    is the English sentence an HR user can act on."""


class TextRecogniser(Protocol):
    """Reads the text in a greyscale ("L") picture; dpi is 0 when unknown."""

    def read(self, image: Image.Image, dpi: int) -> str: ...


@dataclass(frozen=True)
class ScannedText:
    """Text read from pages by OCR, one string per page read, and how many pages were read."""

    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(page for page in self.pages if page.strip())


class TesseractRecogniser:
    """Tesseract through tesserocr, loaded once per process (about 0.25 s) and reused.

    Tesseract's automatic layout analysis (PSM 3) keeps columns apart, but on a page that
    holds only a few short lines it sometimes returns nothing or garbage, and then its mean
    word confidence is low (0-60 where good pages score 85-95, tests/ocr_samples.py). Such a
    page is read again as one block of text (PSM 6) and the more confident reading is kept.
    """

    def __init__(
        self, tessdata: Path, languages: str = LANGUAGES, *, retry_below: int = RETRY_BELOW
    ) -> None:
        import tesserocr

        self._psm = tesserocr.PSM
        self._api = tesserocr.PyTessBaseAPI(path=f"{tessdata}/", lang=languages)
        self._retry_below = retry_below
        # One Tesseract instance is not safe to share between threads.
        self._lock = threading.Lock()

    def read(self, image: Image.Image, dpi: int) -> str:
        grey = image if image.mode == "L" else image.convert("L")
        with self._lock:
            text, confidence = self._read(grey, dpi, self._psm.AUTO)
            if confidence < self._retry_below:
                block_text, block_confidence = self._read(grey, dpi, self._psm.SINGLE_BLOCK)
                if block_confidence > confidence:
                    text = block_text
            return text

    def _read(self, grey: Image.Image, dpi: int, mode: int) -> tuple[str, int]:
        self._api.SetPageSegMode(mode)
        # Raw 8-bit pixels: no PNG/BMP copy of the page is encoded on the way in.
        self._api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
        if dpi:
            self._api.SetSourceResolution(dpi)
        try:
            return str(self._api.GetUTF8Text()), int(self._api.MeanTextConf())
        finally:
            self._api.Clear()


def find_tessdata(languages: str = LANGUAGES) -> Path | None:
    """The first folder holding the traineddata of every language, else None."""
    folders = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in filter(None, folders):
        path = Path(folder)
        if all((path / f"{lang}.traineddata").is_file() for lang in languages.split("+")):
            return path
    return None


@cache
def default_recogniser() -> TextRecogniser:
    """Tesseract with Chinese and English, or ScanUnreadable if it is not installed."""
    tessdata = find_tessdata()
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        tessdata = None
    if tessdata is None:
        raise ScanUnreadable("ocr_missing")
    return TesseractRecogniser(tessdata)


def is_available() -> bool:
    """Whether OCR can run here (tesserocr installed, Chinese and English data found)."""
    try:
        default_recogniser()
    except ScanUnreadable:
        return False
    return True


# --- pictures -------------------------------------------------------------------------------


def image_kind(data: bytes) -> str | None:
    """The picture format of data, from its first bytes, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    # "BM" alone also starts text ("BMW sales…"): a BMP has a known info-header size at 14.
    if data.startswith(b"BM") and len(data) > 18 and data[14] in (12, 40, 52, 56, 64, 108, 124):
        return "BMP"
    return None


def read_image(data: bytes, filename: str, recogniser: TextRecogniser | None = None) -> ScannedText:
    """OCR every page (frame) of a picture; ScanUnreadable for bombs, damage or no OCR."""
    kind = image_kind(data) or "image"
    try:
        image = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
    except Image.DecompressionBombError as error:  # Pillow's own, higher limit
        raise ScanUnreadable("picture_bomb", name=filename) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ScanUnreadable("picture_damaged", name=filename, format=kind) from error
    with image:
        _check_frame_count(image, filename)
        dpi = _dpi(image)
        # Decode every page first and keep only its small grey copy: the full-size picture
        # is freed before Tesseract and its language data (~100 MB) are loaded.
        greys = list(_frames(image, filename, kind))
    recogniser = recogniser or _recogniser(filename)
    return ScannedText([recogniser.read(grey, dpi) for grey in greys])


def _check_frame_count(image: Image.Image, filename: str) -> None:
    # Seek to one past the limit instead of asking for n_frames, which walks every frame.
    try:
        image.seek(MAX_OCR_PAGES)
    except EOFError:
        image.seek(0)
        return
    raise ScanUnreadable("scan_over_limit", name=filename, limit=MAX_OCR_PAGES)


def _frames(image: Image.Image, filename: str, kind: str) -> Iterator[Image.Image]:
    for frame in ImageSequence.Iterator(image):
        width, height = frame.size
        if width * height > MAX_IMAGE_PIXELS:
            raise _bomb(filename, width, height)
        try:
            if frame.format == "JPEG" and width * height > OCR_MAX_PIXELS:
                # JPEG decodes at 1/2, 1/4 or 1/8 scale directly: the full size never
                # needs to be in memory.
                scale = math.sqrt(OCR_MAX_PIXELS / (width * height))
                frame.draft("L", (int(width * scale), int(height * scale)))
            yield bounded(greyscale(frame))
        except (OSError, ValueError, SyntaxError) as error:
            raise ScanUnreadable("picture_undecodable", name=filename, format=kind) from error


def greyscale(image: Image.Image) -> Image.Image:
    """8-bit grey on white: transparency becomes white, 16-bit scans are scaled to 8."""
    if image.mode == "PA" or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA"):
        # Pasting the grey picture through its alpha onto white needs three 1-byte planes;
        # compositing RGBA images would need three more 4-byte ones.
        page = Image.new("L", image.size, 255)
        page.paste(image.convert("L"), mask=image.getchannel("A"))
        return page
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.point(lambda value: value * 255).convert("L")
    return image.convert("L")


def bounded(image: Image.Image) -> Image.Image:
    """image scaled down to at most OCR_MAX_PIXELS, keeping its proportions."""
    pixels = image.width * image.height
    if pixels <= OCR_MAX_PIXELS:
        return image
    scale = math.sqrt(OCR_MAX_PIXELS / pixels)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _dpi(image: Image.Image) -> int:
    """The resolution the picture declares, if plausible for a scan; 0 lets Tesseract guess."""
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return 0
    return value if 70 <= value <= 2400 else 0


# --- PDF pages ------------------------------------------------------------------------------


def read_pdf_pages(
    data: bytes,
    filename: str,
    *,
    page_numbers: list[int] | None = None,
    pictures_only: bool = True,
    recogniser: TextRecogniser | None = None,
) -> ScannedText:
    """OCR the pages of a PDF that are pictures (page_numbers 1-based; None: all pages).

    Only pages that show a picture are read, or with pictures_only=False any page that
    draws something (text turned into outlines has no text layer either). With
    page_numbers=None more than MAX_OCR_PAGES such pages are refused; otherwise only the
    first MAX_OCR_PAGES are read (the resume's own text is there already, these are
    attachments such as a scanned certificate).
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return ScannedText([])  # pdfplumber read it; a PDF pdfium cannot open has no scan
    try:
        numbers = page_numbers or list(range(1, len(document) + 1))
        drawn = [
            n
            for n in numbers
            if 1 <= n <= len(document) and _has_drawing(document, n, pictures_only)
        ]
        if page_numbers is None and len(drawn) > MAX_OCR_PAGES:
            raise ScanUnreadable(
                "scan_too_long", name=filename, count=len(drawn), limit=MAX_OCR_PAGES
            )
        drawn = drawn[:MAX_OCR_PAGES]
        if not drawn:
            return ScannedText([])
        recogniser = recogniser or _recogniser(filename)
        return ScannedText([_read_page(document, number, filename, recogniser) for number in drawn])
    finally:
        document.close()


def _has_drawing(document: Any, number: int, pictures_only: bool) -> bool:
    """Whether the page shows a picture that could hold text (or, if not pictures_only,
    draws any outlines)."""
    import pypdfium2.raw as pdfium_c

    page = document[number - 1]
    try:
        for item in page.get_objects(max_depth=2):
            if item.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if max(item.get_px_size()) >= MIN_PICTURE_PIXELS:
                    return True
            elif not pictures_only and item.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                return True
        return False
    finally:
        page.close()


def _read_page(document: Any, number: int, filename: str, recogniser: TextRecogniser) -> str:
    import pypdfium2.raw as pdfium_c

    page = document[number - 1]
    try:
        for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            width, height = picture.get_px_size()
            if width * height > MAX_IMAGE_PIXELS:
                raise _bomb(filename, width, height)
        points_wide, points_high = page.get_size()
        if points_wide < 1 or points_high < 1:
            return ""
        # A huge page (a poster-size MediaBox) is rendered at a lower resolution instead.
        scale = min(RENDER_DPI / 72, math.sqrt(OCR_MAX_PIXELS / (points_wide * points_high)))
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
        image = bitmap.to_pil()
        return recogniser.read(image.convert("L"), round(scale * 72))
    finally:
        page.close()


# --- messages -------------------------------------------------------------------------------


def _recogniser(filename: str) -> TextRecogniser:
    try:
        return default_recogniser()
    except ScanUnreadable as error:
        raise ScanUnreadable(error.code, **{**error.params, "name": filename}) from error


def _bomb(filename: str, width: int, height: int) -> ScanUnreadable:
    # Written out with thousands separators, as both languages write them.
    size = {"width": f"{width:,}", "height": f"{height:,}"}
    return ScanUnreadable("picture_bomb_sized", name=filename, **size)
