"""Only what a reader sees counts: hidden text, however hidden, is flagged and never matched."""

import io

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hireloop.resumes.extract import read_resume
from hireloop.resumes.integrity import (
    MIN_CONTRAST,
    contrast_ratio,
    find_integrity_issues,
)
from hireloop.resumes.tests.adversarial import (
    HIDDEN_WORDS,
    WEAK_LINES,
    adversarial_resumes,
)

ADVERSARIAL = adversarial_resumes()
HIDDEN_KINDS = {"hidden_text", "tiny_text", "off_page_text"}


def test_the_helper_makes_at_least_20_resumes_in_pdf_and_word() -> None:
    names = list(ADVERSARIAL)
    assert len(names) >= 20
    assert sum(n.endswith(".pdf") for n in names) >= 10
    assert sum(n.endswith(".docx") for n in names) >= 10


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_hidden_keywords_and_orders_are_flagged_and_left_out_of_the_text(name: str) -> None:
    content = read_resume(ADVERSARIAL[name], name)
    findings = find_integrity_issues(content.text, content.pages, content.hidden)
    kinds = {finding.kind for finding in findings}
    assert kinds & HIDDEN_KINDS, (name, findings)
    assert "prompt_injection" in kinds, (name, findings)
    for word in HIDDEN_WORDS:
        assert word.lower() not in content.text.lower(), (name, word)
    # The weak resume itself is read, and the hidden text is quoted as evidence.
    assert "Office assistant" in content.text
    evidence = " ".join(f.evidence for f in findings if f.kind in HIDDEN_KINDS)
    assert "Kubernetes" in evidence, (name, findings)


def honest_pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 11)
    for row, line in enumerate(WEAK_LINES):
        page.drawString(50, 800 - 16 * row, line)
    draw(page)
    page.save()
    return buffer.getvalue()


def grey_caption(page) -> None:  # type: ignore[no-untyped-def]
    page.setFillColorRGB(0x88 / 255, 0x88 / 255, 0x88 / 255)  # a caption grey, 3.5:1
    page.setFont("Helvetica", 9)
    page.drawString(50, 650, "References available on request")


def white_on_dark_banner(page) -> None:  # type: ignore[no-untyped-def]
    page.setFillColorRGB(0.1, 0.2, 0.4)
    page.rect(40, 620, 520, 40, stroke=0, fill=1)
    page.setFillColorRGB(1, 1, 1)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(50, 635, "Professional Summary")


def text_in_a_clip_that_shows_it(page) -> None:  # type: ignore[no-untyped-def]
    page.saveState()
    path = page.beginPath()
    path.rect(40, 600, 520, 80)
    page.clipPath(path, stroke=0, fill=0)
    page.setFont("Helvetica", 11)
    page.drawString(50, 640, "Volunteer at the city library")
    page.restoreState()


def footnote_beside_body(page) -> None:  # type: ignore[no-untyped-def]
    page.setFont("Helvetica", 7)  # small print, but 64% of the 11 pt body
    page.drawString(50, 600, "Updated January 2024")


@pytest.mark.parametrize(
    ("draw", "words"),
    [
        (grey_caption, "References available on request"),
        (white_on_dark_banner, "Professional Summary"),
        (text_in_a_clip_that_shows_it, "Volunteer at the city library"),
        (footnote_beside_body, "Updated January 2024"),
    ],
)
def test_text_a_reader_sees_is_kept_and_not_flagged(draw, words: str) -> None:  # type: ignore[no-untyped-def]
    content = read_resume(honest_pdf(draw), "cv.pdf")
    findings = find_integrity_issues(content.text, content.pages)
    assert findings == [] and words in content.text


def test_a_shape_beside_the_text_does_not_hide_it() -> None:
    def boxes(page) -> None:  # type: ignore[no-untyped-def]
        page.setFillColorRGB(1, 1, 1)
        page.rect(300, 100, 200, 100, stroke=0, fill=1)  # a white box away from the text
        page.setFillColorRGB(0, 0, 0)
        page.rect(50, 500, 400, 1, stroke=0, fill=1)  # a rule under the text

    content = read_resume(honest_pdf(boxes), "cv.pdf")
    assert find_integrity_issues(content.text, content.pages) == []
    assert all(line in content.text for line in WEAK_LINES[2:])


def word_file(colour: str, *, size: float = 11) -> bytes:
    document = Document()
    for line in WEAK_LINES:
        document.add_paragraph(line)
    run = document.add_paragraph().add_run("Dates in grey: 2023 - 2024")
    run.font.color.rgb = RGBColor.from_string(colour)
    run.font.size = Pt(size)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_grey_word_text_people_read_is_kept() -> None:
    content = read_resume(word_file("999999"), "cv.docx")  # 2.8:1 on white
    assert content.hidden == [] and "Dates in grey" in content.text


def test_word_text_just_under_the_contrast_floor_is_hidden() -> None:
    content = read_resume(word_file("DADADA"), "cv.docx")  # 1.4:1 on white
    assert [f.kind for f in content.hidden] == ["hidden_text"]
    assert "Dates in grey" not in content.text


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (1, 1, 1)) == pytest.approx(21.0)
    assert contrast_ratio((1, 1, 1), (1, 1, 1)) == 1.0
    eaeaea = (0xEA / 255,) * 3
    assert contrast_ratio(eaeaea, (1, 1, 1)) < MIN_CONTRAST < contrast_ratio((0.6,) * 3, (1, 1, 1))
