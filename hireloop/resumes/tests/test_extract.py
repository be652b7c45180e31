import io
import random
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from hireloop.resumes.extract import ResumeUnreadable, extract_text

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def make_pdf(lines: list[str], font: str = "Helvetica") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(font, 12)
    for row, line in enumerate(lines):
        page.drawString(50, 800 - 20 * row, line)
    page.save()
    return buffer.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypt(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def unreadable_message(data: bytes, filename: str = "resume.pdf") -> str:
    with pytest.raises(ResumeUnreadable) as caught:
        extract_text(data, filename)
    return str(caught.value)


CHINESE_LINES = ["张伟", "电话：138-0013-8000", "5年工作经验，熟悉Python和Django"]


def test_chinese_pdf_text_is_extracted() -> None:
    text = extract_text(make_pdf(CHINESE_LINES, "STSong-Light"), "简历.pdf")
    assert text.splitlines() == CHINESE_LINES


def test_english_pdf_whitespace_is_collapsed_but_lines_kept() -> None:
    pdf = make_pdf(["Jane    Doe", "jane@example.com", "Senior   Engineer"])
    assert extract_text(pdf, "cv.pdf") == "Jane Doe\njane@example.com\nSenior Engineer"


def test_format_comes_from_content_not_name() -> None:
    assert extract_text(make_pdf(["Jane Doe"]), "resume.docx") == "Jane Doe"
    assert "Jane Doe" in extract_text(make_docx(["Jane Doe"]), "resume.pdf")


def test_docx_paragraphs_and_table_cells_are_extracted_in_order() -> None:
    data = make_docx(
        ["李娜", "求职意向：销售经理"],
        table=[["技能", "Excel、谈判"], ["Languages", "English, 中文"]],
    )
    assert extract_text(data, "resume.docx").splitlines() == [
        "李娜",
        "求职意向：销售经理",
        "技能 | Excel、谈判",
        "Languages | English, 中文",
    ]


def test_merged_docx_cells_appear_once() -> None:
    document = Document()
    grid = document.add_table(rows=1, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Skills"
    grid.cell(0, 2).text = "Python"
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_text(buffer.getvalue(), "a.docx") == "Skills | Python"


def test_plain_text_in_utf8_bom_and_gb18030() -> None:
    text = "姓名：王芳\n工作经验：3年"
    assert extract_text(text.encode("utf-8-sig"), "a.txt") == text
    assert extract_text(text.encode("gb18030"), "a.txt") == text
    assert extract_text(text.encode("utf-16"), "a.txt") == text


def test_password_protected_pdf_is_refused_with_advice() -> None:
    message = unreadable_message(encrypt(make_pdf(["Jane Doe"]), "candidate-pw"))
    assert "password-protected" in message
    assert "resume.pdf" in message


def test_pdf_locked_only_against_editing_is_still_read() -> None:
    assert extract_text(encrypt(make_pdf(["Jane Doe"]), ""), "cv.pdf") == "Jane Doe"


def test_truncated_pdf_is_reported_as_damaged() -> None:
    pdf = make_pdf(["Jane Doe", "jane@example.com"])
    assert "damaged PDF" in unreadable_message(pdf[: len(pdf) // 2])


def test_pdf_without_text_asks_for_a_text_copy() -> None:
    message = unreadable_message(make_pdf([]))
    assert "OCR" in message
    assert "scanned" in message


@pytest.mark.parametrize("data", [b"", b"  \n\t "])
def test_empty_file(data: bytes) -> None:
    assert "empty" in unreadable_message(data, "blank.pdf")


def test_random_binary_is_unsupported() -> None:
    data = random.Random(7).randbytes(4096)
    assert "not a supported resume format" in unreadable_message(data, "photo.jpg")


def test_zip_that_is_not_a_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "zip archive, not a Word document" in unreadable_message(buffer.getvalue())


def test_docx_with_broken_xml_is_damaged() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><broken")
    assert "damaged Word document" in unreadable_message(buffer.getvalue(), "cv.docx")


def test_truncated_zip_is_damaged() -> None:
    data = make_docx(["Jane Doe"])
    assert "damaged" in unreadable_message(data[:200], "cv.docx")


def test_legacy_word_file_gets_specific_advice() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    assert ".doc" in unreadable_message(data, "cv.doc")


def test_library_errors_are_wrapped_with_their_cause() -> None:
    with pytest.raises(ResumeUnreadable) as caught:
        extract_text(b"%PDF-1.7\n garbage", "cv.pdf")
    assert caught.value.__cause__ is not None
