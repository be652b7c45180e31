"""Demo resumes: compose one from a profile, then render it as PDF (reportlab) or DOCX.

The text is laid out line by line as real resumes are (name first, one contact line,
dated jobs), so the same parser that reads uploaded resumes reads these.
"""

import functools
import io
import random
from dataclasses import dataclass
from datetime import date, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from .content import BRANDING
from .content_resumes import MAX_EXTRAS, WRITTEN_IN, CandidateProfile, ResumeKit
from .identities import Identity, IdentityFactory

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CJK_FONT = "STSong-Light"  # a CID font every PDF reader has; pypdf extracts it as Unicode
ACCENT = BRANDING["primary_colour"]

HEADINGS = {
    "zh": {
        "target": "求职意向",
        "summary": "个人优势",
        "work": "工作经历",
        "projects": "项目经历",
        "education": "教育背景",
        "skills": "专业技能",
        "extras": "证书与荣誉",
        "phone": "电话",
        "email": "邮箱",
    },
    "en": {
        "target": "Target role",
        "summary": "Summary",
        "work": "Experience",
        "projects": "Projects",
        "education": "Education",
        "skills": "Skills",
        "extras": "Certificates and awards",
        "phone": "Phone",
        "email": "Email",
    },
}

# How each degree level is written on a resume, per language.
DEGREE_WORDS = {
    "zh": {1: "中专", 2: "大专", 3: "本科", 4: "硕士"},
    "en": {1: "High school diploma", 2: "Associate degree in", 3: "B.Sc. in", 4: "M.Sc. in"},
}
STUDY_YEARS = {1: 3, 2: 3, 3: 4, 4: 2}  # a master's follows a bachelor's
VOCATIONAL_SCHOOL = {"zh": "杭州市商业职业学校", "en": "Hangzhou No. 2 High School"}


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]
    is_table: bool = False  # DOCX renders it as a table; cells are split on "  "


@dataclass(frozen=True)
class Resume:
    language: str
    name: str
    contact: str
    target: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class ResumeFile:
    filename: str
    data: bytes
    content_type: str


def make_applicant(
    *, kit: ResumeKit, profile: CandidateProfile, people: IdentityFactory, style: str
) -> tuple[Identity, Resume]:
    """A fictional applicant and their resume; the birth date fits their education."""
    rng = people.rng
    months = round(profile.years * 12)
    career_start = _month_index(*WRITTEN_IN) - months
    graduated = career_start // 12 - (1 if career_start % 12 < 6 else 0)
    first_graduation = graduated - (STUDY_YEARS[4] if profile.degree == 4 else 0)
    age_at_first_graduation = {1: 18, 2: 21}.get(profile.degree, 22)
    born = first_graduation - age_at_first_graduation
    identity = people.person(style=style, born_between=(date(born - 1, 9, 1), date(born, 8, 31)))
    resume = Resume(
        language=kit.language,
        name=identity.name,
        contact=_contact_line(kit.language, identity),
        target=f"{HEADINGS[kit.language]['target']}：{kit.target}"
        if kit.language == "zh"
        else kit.target,
        sections=_sections(kit, profile, rng, career_start, graduated),
    )
    return identity, resume


def render(resume: Resume, file_format: str) -> ResumeFile:
    stem = f"{resume.name}_简历" if resume.language == "zh" else f"{resume.name}_CV"
    stem = stem.replace(" ", "_")
    if file_format == "pdf":
        return ResumeFile(f"{stem}.pdf", render_pdf(resume), PDF_TYPE)
    return ResumeFile(f"{stem}.docx", render_docx(resume), DOCX_TYPE)


def _contact_line(language: str, identity: Identity) -> str:
    words = HEADINGS[language]
    colon = "：" if language == "zh" else ": "
    return f"{words['phone']}{colon}{identity.phone} | {words['email']}{colon}{identity.email}"


def _sections(
    kit: ResumeKit, profile: CandidateProfile, rng: random.Random, start: int, graduated: int
) -> tuple[Section, ...]:
    words = HEADINGS[kit.language]
    years = f"{profile.years:g}"
    sections = [
        Section(words["summary"], (kit.summaries[profile.tier].format(years=years),)),
        Section(words["work"], _work_lines(kit, profile, rng, start)),
    ]
    if profile.tier in kit.projects:
        sections.append(Section(words["projects"], kit.projects[profile.tier]))
    sections.append(
        Section(words["education"], _education_lines(kit, profile, rng, graduated), True)
    )
    if extras := rng.sample(kit.extras, rng.randint(0, MAX_EXTRAS[profile.tier])):
        sections.append(Section(words["extras"], tuple(extras)))
    sections.append(Section(words["skills"], (kit.skills[profile.tier],)))
    return tuple(sections)


def _work_lines(
    kit: ResumeKit, profile: CandidateProfile, rng: random.Random, start: int
) -> tuple[str, ...]:
    """Jobs from the most recent back, each a dated title line and its achievements."""
    end = _month_index(*WRITTEN_IN)
    stints = 1 if end - start < 24 else 2 if end - start < 72 else 3
    cuts = sorted(rng.sample(range(start + 12, end - 6), stints - 1)) if stints > 1 else []
    bounds = list(zip([start, *cuts], [*cuts, end], strict=True))
    titles = kit.titles[profile.tier][-stints:] if stints > 1 else kit.titles[profile.tier][1:2]
    companies = rng.sample(kit.companies, stints)
    first, *others = kit.bullets[profile.tier]
    rng.shuffle(others)
    bullet = "· " if kit.language == "zh" else "- "
    lines: list[str] = []
    for index, ((begin, finish), title, company) in enumerate(
        reversed(list(zip(bounds, titles, companies, strict=True)))
    ):
        is_current = index == 0
        period = _period(kit.language, begin, finish - 1, is_current)
        if kit.language == "zh":
            lines.append(f"{period}  {company}  {title}")
        else:
            lines.append(f"{title}, {company} | {period}")
        picked = [first, *others[:2]] if is_current else others[2 * index : 2 * index + 2]
        lines += [bullet + text for text in picked]
    return tuple(lines)


def _education_lines(
    kit: ResumeKit, profile: CandidateProfile, rng: random.Random, graduated: int
) -> tuple[str, ...]:
    degree_words = DEGREE_WORDS[kit.language]
    if profile.degree <= 1:
        school = VOCATIONAL_SCHOOL[kit.language]
        return (_study_line(kit.language, graduated, 3, school, "", degree_words[1]),)
    school, major = rng.choice(kit.schools), rng.choice(kit.majors)
    if profile.degree < 4:
        years = STUDY_YEARS[profile.degree]
        return (
            _study_line(
                kit.language, graduated, years, school, major, degree_words[profile.degree]
            ),
        )
    bachelor_end = graduated - STUDY_YEARS[4]
    master_school = rng.choice([s for s in kit.schools if s != school])
    return (
        _study_line(kit.language, graduated, STUDY_YEARS[4], master_school, major, degree_words[4]),
        _study_line(kit.language, bachelor_end, STUDY_YEARS[3], school, major, degree_words[3]),
    )


def _study_line(language: str, end: int, years: int, school: str, major: str, degree: str) -> str:
    if language == "zh":
        return f"{end - years}.09 - {end}.06  {school}  {major or '—'}  {degree}"
    subject = f"{degree} {major}".strip()
    return f"{subject}  {school}  {end - years} – {end}"


def _period(language: str, first: int, last: int, is_current: bool) -> str:
    if language == "zh":
        end = "至今" if is_current else f"{last // 12}.{last % 12 + 1:02d}"
        return f"{first // 12}.{first % 12 + 1:02d} - {end}"
    end = "Present" if is_current else f"{MONTHS_EN[last % 12]} {last // 12}"
    return f"{MONTHS_EN[first % 12]} {first // 12} – {end}"


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


# --- PDF -------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 48
BODY_SIZE = 10


@functools.cache
def _register_cjk_font() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def render_pdf(resume: Resume) -> bytes:
    _register_cjk_font()
    regular, bold = (
        (CJK_FONT, CJK_FONT) if resume.language == "zh" else ("Helvetica", "Helvetica-Bold")
    )
    buffer = io.BytesIO()
    # invariant=1 drops the timestamp and random document id: same resume, same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(resume.name)
    page = _PdfPage(canvas, regular)
    page.write(resume.name, bold, 20, gap=28)
    page.write(resume.contact, regular, BODY_SIZE)
    page.write(resume.target, regular, BODY_SIZE, gap=22)
    for section in resume.sections:
        page.heading(section.heading, bold)
        for line in section.lines:
            page.write(line.replace("  ", "   "), regular, BODY_SIZE)
        page.y -= 6
    canvas.save()
    return buffer.getvalue()


class _PdfPage:
    """A cursor that writes wrapped lines down the page and starts new pages as needed."""

    def __init__(self, canvas: Canvas, font: str) -> None:
        self.canvas, self.font, self.y = canvas, font, PAGE_HEIGHT - MARGIN

    def heading(self, text: str, font: str) -> None:
        self._room_for(40)
        self.y -= 8
        self.canvas.setFillColor(HexColor(ACCENT))
        self.canvas.setFont(font, 12)
        self.canvas.drawString(MARGIN, self.y, text)
        self.canvas.setStrokeColor(HexColor(ACCENT))
        self.canvas.line(MARGIN, self.y - 4, PAGE_WIDTH - MARGIN, self.y - 4)
        self.canvas.setFillColor(HexColor("#222222"))
        self.y -= 20

    def write(self, text: str, font: str, size: int, gap: int = 15) -> None:
        for index, part in enumerate(_wrap(text, font, size, PAGE_WIDTH - 2 * MARGIN - 12)):
            self._room_for(gap)
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN + (12 if index else 0), self.y, part)
            self.y -= gap

    def _room_for(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = PAGE_HEIGHT - MARGIN


def _wrap(text: str, font: str, size: int, width: float) -> list[str]:
    """Split at spaces where possible; Chinese text may break between any two characters."""
    lines, current = [], ""
    for token in _tokens(text):
        if current and pdfmetrics.stringWidth(current + token, font, size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    return [*lines, current.rstrip()]


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for char in text:
        if tokens and char.isascii() and not char.isspace() and tokens[-1][-1:].isascii():
            tokens[-1] += char  # keep Latin words and numbers whole
        else:
            tokens.append(char)
    return tokens


# --- DOCX ------------------------------------------------------------------------------


def render_docx(resume: Resume) -> bytes:
    document = Document()
    _set_fonts(document, resume.language)
    document.core_properties.author = resume.name
    document.core_properties.title = resume.target
    document.core_properties.created = datetime(*WRITTEN_IN, 1)
    name = document.add_paragraph()
    name_run = name.add_run(resume.name)
    name_run.bold, name_run.font.size = True, Pt(20)
    document.add_paragraph(resume.contact)
    document.add_paragraph(resume.target)
    for section in resume.sections:
        heading = document.add_paragraph()
        run = heading.add_run(section.heading)
        run.bold, run.font.size = True, Pt(13)
        run.font.color.rgb = RGBColor.from_string(ACCENT.lstrip("#"))
        if section.is_table:
            _add_table(document, section.lines)
        else:
            for line in section.lines:
                document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.LEFT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_fonts(document: DocxDocument, language: str) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.name = "Calibri"
    if language == "zh":
        # Word picks the East Asian font from its own attribute, not from font.name.
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "Microsoft YaHei")


def _add_table(document: DocxDocument, lines: tuple[str, ...]) -> None:
    rows = [[cell for cell in line.split("  ") if cell] for line in lines]
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text
