"""Resume sections (education, work, projects, …) and the pieces a line splits into.

Both languages put a short heading above each block ("教育背景", "WORK EXPERIENCE"); each
line is given the section of the last heading above it, "" before the first heading. Lines
are then cut into fields at the separators people use between a company, a title and a
place ("|", "，", two spaces, " - ", a space between Chinese words).
"""

import re
from dataclasses import dataclass

CJK = r"\u4e00-\u9fff"
# Heading spellings per section, matched against the whole line once decorations are gone.
SECTION_HEADINGS = {
    "education": (
        r"教育背景|教育经历|学习经历|教育情况|教育|学历|"
        r"education(?:al)?(?: background| history| qualifications?| details)?|"
        r"academic(?: background| qualifications?| history)?|academics|qualifications?"
    ),
    "work": (
        r"工作经历|工作经验|工作履历|职业经历|从业经历|实习经历|实习经验|工作|"
        r"(?:work|professional|employment|career|relevant|industry)(?: experience| history)?|"
        r"experience|employment|internships?|work history"
    ),
    "projects": (
        r"项目经历|项目经验|主要项目|项目|"
        r"(?:key |academic |selected |personal |major )?projects?(?: experience| undertaken.*)?"
    ),
    "skills": (
        r"专业技能|技能特长|技能|个人技能|"
        r"(?:technical |key |core |it |computer )?(?:skills?|competencies|expertise)"
        r"(?: summary)?|skill highlights"
    ),
    "other": (
        r"自我评价|个人评价|自我介绍|个人信息|基本信息|求职意向|证书|资格证书|获奖情况|"
        r"荣誉奖项|获奖|荣誉|奖项|语言能力|兴趣爱好|培训经历|校园经历|社会实践|"
        r"summary|profile|objective|career objective|about me|certifications?|"
        r"awards?|honou?rs|languages?|interests|hobbies|references|additional information|"
        r"personal (?:details|information|profile)|achievements|activities|publications|"
        r"training|volunteer(?:ing)?(?: experience)?|accomplishments|highlights"
    ),
}
_HEADINGS = {
    section: re.compile(rf"(?:{pattern})", re.I) for section, pattern in SECTION_HEADINGS.items()
}
# Decorations around headings: "【教育背景】", "■ 工作经历：", "-- EDUCATION --".
_DECORATION = re.compile(r"^[\W_]+|[\W_]+$")
MAX_HEADING_CHARS = 40
BULLET = re.compile(r"^\s*[•●○◦▪■□◆◇►▶✓✔*·\-–—]")
# A line that reads as a sentence of description rather than a name or a title.
SENTENCE_END = re.compile(r"[。.!！;；]$")
_FIELD_SEPARATORS = re.compile(
    rf"\s*[|｜,，;；、]\s*|\s+[-–—@]\s+|\s{{2,}}|\t|\u3000|(?<=[{CJK}）)])\s+(?=[{CJK}（(])"
    r"|\s+at\s+"
)


@dataclass(frozen=True)
class SectionLine:
    """A non-empty line of the resume, its position and the section it sits in."""

    index: int
    text: str
    section: str  # "education" | "work" | "projects" | "skills" | "other" | ""
    is_heading: bool


def heading_section(line: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    bare = _DECORATION.sub("", line.strip())
    if not bare or len(bare) > MAX_HEADING_CHARS or re.search(r"\d", bare):
        return None
    for section, pattern in _HEADINGS.items():
        if pattern.fullmatch(bare):
            return section
    return None


def sectioned(lines: list[str]) -> list[SectionLine]:
    """Each line with the section of the last heading above it ("" before any heading)."""
    section, result = "", []
    for index, line in enumerate(lines):
        opened = heading_section(line)
        if opened is not None:
            section = opened
        result.append(SectionLine(index, line, section, opened is not None))
    return result


def has_section(lines: list[SectionLine], section: str) -> bool:
    return any(line.is_heading and line.section == section for line in lines)


# Stripped from the ends of a field; "." and ")" stay ("Inc.", "(Beijing)").
FIELD_EDGES = " \t:：-–—|｜,，;；、。！？!?•●·*"


def split_fields(text: str) -> list[str]:
    """The fields of one line, in order, stripped of surrounding separators."""
    parts = (part.strip(FIELD_EDGES) for part in _FIELD_SEPARATORS.split(text))
    return [part for part in parts if part]


def is_header_like(line: str) -> bool:
    """Short, not a bullet, not a sentence: a line that names a company, title or school."""
    return (
        0 < len(line) <= 60
        and not BULLET.match(line)
        and not SENTENCE_END.search(line)
        and heading_section(line) is None
    )


def neighbours(
    lines: list[SectionLine], position: int, *, stop: set[int], before: bool, limit: int = 2
) -> list[int]:
    """Positions of up to `limit` header-like lines next to lines[position], nearest first.

    Entries are often laid out over several lines ("Senior Consultant / Deloitte - Pune /
    June 2014 to Present"): the lines around a date that name the company and title are
    short and are not bullets. Stops at a heading, another section or a position in stop.
    """
    step = -1 if before else 1
    found: list[int] = []
    other = position + step
    while 0 <= other < len(lines) and len(found) < limit:
        line = lines[other]
        if (
            other in stop
            or line.is_heading
            or line.section != lines[position].section
            or not is_header_like(line.text)
        ):
            break
        found.append(other)
        other += step
    return found


# "公司名称：美团" / "职位：数据分析师" / "Major: Statistics": the label says what the value is.
FIELD_LABELS = {
    "employer": r"公司名称|公司|工作单位|单位|employer|company|organi[sz]ation",
    "title": r"职位|岗位|职务|担任职务|title|position|role|designation",
    "school": r"毕业院校|学校名称|学校|院校|school|university|college|institution",
    "major": r"专业|major|field of study|specialization",
    "degree": r"学历|学位|degree|qualification",
    "dates": r"时间|日期|起止时间|在职时间|time|date|dates|period|duration",
}
_LABELLED = re.compile(
    r"^(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in FIELD_LABELS.items()) + r")"
    r"\s*[:：]\s*(?P<value>.*)$",
    re.I,
)


def labelled(field: str) -> tuple[str, str] | None:
    """(kind, value) for a labelled field such as "职位：数据分析师", else None."""
    match = _LABELLED.match(field)
    if match is None:
        return None
    kind = next(kind for kind in FIELD_LABELS if match.group(kind))
    return kind, match.group("value").strip()


_LABEL_WORD = re.compile("|".join(FIELD_LABELS.values()), re.I)


def is_label_word(field: str) -> bool:
    """A label with its value cut away ("时间" once the dates are removed)."""
    return bool(_LABEL_WORD.fullmatch(field))
