"""Scanned resumes (pictures, PDFs without text, Word files holding a scan) are read by OCR.

The pages are rendered by Pillow from known text (tests/ocr_samples.py), so what OCR should
read is known. They need Tesseract with its Chinese and English data and the Noto CJK font
(scripts/ensure_system_packages.sh installs all three) and are skipped without them.
"""

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Inches
from PIL import Image, ImageDraw, ImageFile
from reportlab.pdfgen import canvas

from hireloop.resumes import ocr
from hireloop.resumes.extract import ResumeUnreadable, read_resume

from .hostile import huge_png
from .ocr_samples import (
    EN_LINES,
    ZH_HEADINGS,
    ZH_LINES,
    as_scanned,
    character_accuracy,
    encode,
    has_cjk_font,
    render_page,
    scanned_pdf,
)

pytestmark = pytest.mark.skipif(
    not (ocr.is_available() and has_cjk_font()),
    reason="OCR tests need tesserocr, Tesseract's chi_sim and eng data and fonts-noto-cjk "
    "(scripts/ensure_system_packages.sh)",
)
REAL_BLANK_PDF = next(
    Path(__file__).resolve().parents[4].glob("shared/data/resume_pdfs_en/*/12632728.pdf"), None
)
# Character accuracy the sample pages must reach. Measured: 0.96-0.98 for Chinese and 1.00
# for English (docs/resume-parsing.md, "OCR"); the margin absorbs Tesseract updates.
MIN_ZH_ACCURACY = 0.9
MIN_EN_ACCURACY = 0.97


@pytest.fixture(scope="module")
def zh_page() -> Image.Image:
    return render_page([ZH_LINES], dpi=250)


@pytest.fixture(scope="module")
def en_page() -> Image.Image:
    return render_page([EN_LINES], dpi=250)


def read(data: bytes, filename: str) -> str:
    return read_resume(data, filename).text


def unreadable(data: bytes, filename: str) -> str:
    with pytest.raises(ResumeUnreadable) as caught:
        read_resume(data, filename)
    return str(caught.value)


def test_a_chinese_png_resume_is_read(zh_page: Image.Image) -> None:
    content = read_resume(encode(zh_page, "PNG"), "简历.png")
    assert character_accuracy("\n".join(ZH_LINES), content.text) >= MIN_ZH_ACCURACY
    assert "北京理工大学" in content.text and "Python" in content.text
    assert content.ocr_pages == 1 and content.pages == []


def test_a_phone_quality_english_jpeg_is_read(en_page: Image.Image) -> None:
    text = read(encode(as_scanned(en_page), "JPEG", quality=60), "cv.jpg")
    assert character_accuracy("\n".join(EN_LINES), text) >= MIN_EN_ACCURACY
    assert "jane.doe@example.com" in text


def test_pictures_are_recognised_by_content_not_by_name(en_page: Image.Image) -> None:
    for image_format in ("PNG", "JPEG", "TIFF", "BMP", "WEBP"):
        assert "Jane Doe" in read(encode(en_page, image_format), "resume.pdf"), image_format


def test_every_page_of_a_multi_page_tiff_is_read(
    zh_page: Image.Image, en_page: Image.Image
) -> None:
    data = encode(zh_page, "TIFF", save_all=True, append_images=[en_page], compression="tiff_lzw")
    content = read_resume(data, "scan.tif")
    assert content.ocr_pages == 2
    assert "张伟" in content.text and "Globex" in content.text


def test_a_transparent_png_is_read_as_black_on_white(en_page: Image.Image) -> None:
    # Black text on a fully transparent background: dropping the alpha would leave black
    # on black.
    transparent = Image.new("RGBA", en_page.size, (0, 0, 0, 0))
    transparent.putalpha(en_page.point(lambda value: 255 - value))
    assert "Jane Doe" in read(encode(transparent, "PNG"), "cv.png")


def test_a_scanned_pdf_without_a_text_layer_is_read(zh_page: Image.Image) -> None:
    content = read_resume(scanned_pdf([zh_page]), "scan.pdf")
    assert content.ocr_pages == 1
    assert character_accuracy("\n".join(ZH_LINES), content.text) >= MIN_ZH_ACCURACY
    assert len(content.pages) == 1  # the layout is kept for the integrity checks


def test_a_scanned_page_after_a_text_resume_is_added(en_page: Image.Image) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 11)
    for row, line in enumerate(["Jane Doe", "Senior Backend Engineer", "jane@example.com"] * 8):
        pdf.drawString(50, 800 - 16 * row, line)
    pdf.showPage()
    from reportlab.lib.utils import ImageReader

    pdf.drawImage(ImageReader(en_page), 0, 0, 595, 842)
    pdf.save()
    content = read_resume(buffer.getvalue(), "cv.pdf")
    assert content.text.startswith("Jane Doe\nSenior Backend Engineer")
    assert "Globex" in content.text and content.ocr_pages == 1


def test_a_word_file_holding_only_a_scan_is_read(zh_page: Image.Image) -> None:
    document = Document()
    document.add_picture(io.BytesIO(encode(zh_page, "PNG")), width=Inches(6))
    buffer = io.BytesIO()
    document.save(buffer)
    content = read_resume(buffer.getvalue(), "简历.docx")
    assert "北京理工大学" in content.text and content.ocr_pages == 1


def test_a_page_of_headings_is_read_again_as_one_block() -> None:
    # At 300 dpi Tesseract's page layout analysis returns nothing for this page (mean
    # confidence 0); reading it again as a single block finds all four headings.
    text = read(encode(render_page([ZH_HEADINGS], dpi=300), "PNG"), "p2.png")
    assert all(heading in text for heading in ZH_HEADINGS[1:]), text


def test_a_blank_scan_says_ocr_found_nothing() -> None:
    message = unreadable(encode(Image.new("L", (1240, 1754), 255), "PNG"), "scan.png")
    assert "OCR found no text" in message and "scan.png" in message


def test_a_scan_of_too_many_pages_is_refused_with_the_limit(en_page: Image.Image) -> None:
    pages = [en_page] * (ocr.MAX_OCR_PAGES + 1)
    for data, name in (
        (scanned_pdf(pages), "long.pdf"),
        (encode(en_page, "TIFF", save_all=True, append_images=pages[1:]), "long.tif"),
    ):
        message = unreadable(data, name)
        assert f"up to {ocr.MAX_OCR_PAGES} pages" in message, message


def test_pictures_larger_than_any_scan_are_refused_before_decoding() -> None:
    # 64 MP (over HireLoop's limit, under Pillow's own) and 10 gigapixels (over both), each
    # a few kilobytes of PNG; side is in the message when HireLoop's check caught it.
    for side, data in ((8_000, huge_png(8_000)), (100_000, huge_png(100_000, pixel_data=False))):
        message = unreadable(data, "cv.png")
        assert "decompression bomb" in message, message
        assert side != 8_000 or "8,000 × 8,000 pixels" in message


def test_a_damaged_picture_is_reported_as_damaged(
    monkeypatch: pytest.MonkeyPatch, en_page: Image.Image
) -> None:
    # WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES when it is imported (the report PDF);
    # the sandbox child that reads resumes never imports it, so Pillow's default holds there.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)
    data = encode(en_page, "PNG")
    assert "damaged PNG picture" in unreadable(data[: len(data) // 3], "cv.png")


def test_text_that_starts_like_a_bitmap_header_is_still_text() -> None:
    # "BM" is all a BMP file starts with; resumes can too.
    assert read(b"BMW sales manager\n5 years of experience", "cv.txt").startswith("BMW")


def test_without_ocr_a_scan_gets_advice_for_the_administrator(
    monkeypatch: pytest.MonkeyPatch, en_page: Image.Image
) -> None:
    monkeypatch.setattr(ocr, "find_tessdata", lambda languages=ocr.LANGUAGES: None)
    ocr.default_recogniser.cache_clear()
    try:
        message = unreadable(encode(en_page, "PNG"), "cv.png")
    finally:
        ocr.default_recogniser.cache_clear()
    assert "not installed" in message and "“cv.png”" in message
    assert "ensure_system_packages.sh" in message


def test_a_pdf_with_blank_pages_is_not_called_a_scan() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.showPage()
    pdf.save()
    message = unreadable(buffer.getvalue(), "cv.pdf")
    assert "no text and no scanned page" in message and "OCR" in message


@pytest.mark.skipif(REAL_BLANK_PDF is None, reason="../shared/data/resume_pdfs_en is absent")
def test_the_real_resume_without_text_is_a_blank_page_not_a_scan() -> None:
    # 12632728.pdf, the one file of resume_pdfs_en with no text, holds no picture either:
    # its only content stream draws an empty clip path (wkhtmltopdf output of an empty
    # page), so there is nothing for OCR to read and the advice is to export it again.
    assert REAL_BLANK_PDF is not None
    message = unreadable(REAL_BLANK_PDF.read_bytes(), REAL_BLANK_PDF.name)
    assert "no text and no scanned page" in message


def test_a_scan_is_read_inside_the_sandbox(zh_page: Image.Image) -> None:
    from hireloop.resumes.sandbox import extract_in_sandbox

    result = extract_in_sandbox(scanned_pdf([zh_page]), "scan.pdf", timeout_s=30)
    assert "北京理工大学" in result.text and result.findings == []


def test_a_blurred_scan_of_small_text_is_still_mostly_read() -> None:
    small = render_page([EN_LINES], dpi=250, point_size=9)
    draw = ImageDraw.Draw(small)
    draw.line((0, 40, small.width, 40), fill=128, width=3)  # a scanner's streak
    text = read(encode(as_scanned(small, seed=3), "JPEG", quality=50), "cv.jpg")
    assert character_accuracy("\n".join(EN_LINES), text) >= MIN_EN_ACCURACY
