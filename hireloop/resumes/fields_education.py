"""Education: the highest degree, and one entry per school attended (degree, major, dates)."""

import re
from dataclasses import dataclass
from typing import Any

from .fields_dates import SINGLE_YEAR, date_ranges, normalised_date, without_dates
from .fields_experience import pick
from .fields_sections import SectionLine, has_section, is_label_word, labelled, split_fields
from .ner.roles import Roles, first_role

# Highest level first: the first level with a hit on any line wins.
DEGREE_PATTERNS = [
    (5, r"博士|\bph\.?\s?d\b|\bdoctorate\b|\bdoctor of\b"),
    (4, r"硕士|研究生|(?<!scrum )\bmaster(?:'s|s)?\b|\bmba\b|\bm\.?sc\b|\bm\.s\.|\bm\.?eng\b"),
    (3, r"本科|学士|\bbachelor|\bb\.?sc\b|\bb\.[as]\.|\bb\.?eng\b|\bundergraduate\b|\bb\.?tech\b"),
    (2, r"大专|专科|高职|\bassociate(?:'s)? (?:degree|of)\b|\bjunior college\b"),
    (1, r"高中|中专|职高|\bhigh school\b|\bsecondary school\b"),
]
# A degree word with the words that belong to it, removed to leave the major:
# "B.Sc. Computer Science" -> "Computer Science", "Bachelor of Arts in History" -> "History".
_DEGREE_PHRASE = re.compile(
    r"(?:博士|硕士|研究生|本科|学士|大专|专科|高中|中专)(?:学历|学位|研究生)?"
    r"|\b(?:ph\.?\s?d|doctorate|doctor|masters?|master's|mba|m\.?sc|m\.s|m\.?eng|m\.?tech|"
    r"bachelors?|bachelor's|b\.?sc|b\.[as]|b\.?eng|b\.?tech|b\.?e|be|btech|undergraduate|"
    r"associate(?:'s)?|high school|secondary school)\b\.?"
    r"(?:\s*(?:degree|of|in|\(|of science|of arts|of engineering))*",
    re.I,
)
SCHOOL_NAME = re.compile(
    r"大学|学院|学校|中学|高中|university|college|school|institute|academy|polytechnic", re.I
)
_MAJOR_LABEL = re.compile(r"(?:专业|major|majoring in|specialization)\s*[:：]?\s*(.+)", re.I)


@dataclass(frozen=True)
class Education:
    """One school attended; degree uses ParsedResume.degree's 0–5 scale (0: not stated)."""

    degree: int
    school: str
    major: str
    start: str  # "2012-09", "2012" or ""
    end: str  # "2016-06", "2016", "present" or ""
    evidence: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Education":
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


def degree_level(text: str) -> int:
    """The highest degree level text mentions, 0 for none."""
    return next((level for level, pattern in DEGREE_PATTERNS if re.search(pattern, text, re.I)), 0)


def find_degree(lines: list[str]) -> tuple[int, str]:
    """The highest degree mentioned (0 when none) and the line mentioning it."""
    for level, pattern in DEGREE_PATTERNS:
        if line := next((line for line in lines if re.search(pattern, line, re.I)), None):
            return level, line
    return 0, ""


def find_education(
    lines: list[SectionLine],
    *,
    present: int,
    roles: Roles,
    tagger_first: frozenset[str] = frozenset(),
) -> list[Education]:
    """One Education per school in the education section (any school line without one).

    roles are the tagger's entities per line, used as in fields_experience.find_experience
    ("school", "degree" and "major" roles).
    """
    if has_section(lines, "education"):
        section = [line for line in lines if line.section == "education" and not line.is_heading]
        blocks = _blocks(section, present)
    else:
        blocks = [[line] for line in lines if SCHOOL_NAME.search(line.text)]
    entries = [_entry(block, present, roles, tagger_first) for block in blocks]
    return [entry for entry in entries if entry is not None]


def _blocks(section: list[SectionLine], present: int) -> list[list[SectionLine]]:
    """The section's lines grouped into one block per school attended.

    An entry takes one line ("2012.09-2016.06 北京理工大学 计算机 本科") or several ("B.Tech
    in Computer Science / Pune Institute of Technology / 2007 to 2011", or the dates first):
    a line starts a new block when it names something (a school, dates, a degree) that the
    current block has already.
    """
    blocks: list[list[SectionLine]] = []
    current: list[SectionLine] = []
    seen: set[str] = set()
    for line in section:
        has = _features(line.text, present)
        if current and has & seen:
            blocks.append(current)
            current, seen = [], set()
        current.append(line)
        seen |= has
    if current:
        blocks.append(current)
    return blocks


def _features(text: str, present: int) -> set[str]:
    found = set()
    if SCHOOL_NAME.search(text):
        found.add("school")
    if date_ranges(text, present=present) or SINGLE_YEAR.search(text):
        found.add("dates")
    if degree_level(text):
        found.add("degree")
    return found


def _entry(
    block: list[SectionLine], present: int, roles: Roles, tagger_first: frozenset[str]
) -> Education | None:
    fields: list[str] = []
    dated: list[Any] = []
    for line in block:
        found = date_ranges(line.text, present=present)
        dated += found
        fields += split_fields(without_dates(line.text, found))
    labels = dict(reversed([pair for field in fields if (pair := labelled(field))]))
    fields = [field for field in fields if not labelled(field) and not is_label_word(field)]
    school = labels.get("school") or next((f for f in fields if SCHOOL_NAME.search(f)), "")
    level = degree_level(" ".join([labels.get("degree", ""), *fields]))
    indexes = [line.index for line in block]
    school = pick(school, first_role(roles, indexes, "school"), "school" in tagger_first)
    tagged_level = degree_level(first_role(roles, indexes, "degree"))
    level = (tagged_level or level) if "degree" in tagger_first else (level or tagged_level)
    if not school and not level:
        return None
    start, end = _dates(" ".join(line.text for line in block), dated)
    major = labels.get("major") or _major(fields, school)
    major = pick(major, first_role(roles, indexes, "major"), "major" in tagger_first)
    evidence = "\n".join(line.text for line in block)
    return Education(level, school, major, start, end, evidence)


def _dates(text: str, found: list[Any]) -> tuple[str, str]:
    if found:
        return found[0].start, found[0].end
    years = SINGLE_YEAR.findall(text)
    return "", (normalised_date(years[-1]) if years else "")


def _major(fields: list[str], school: str) -> str:
    """The field of study: labelled ("专业：软件工程"), after a degree word, or a bare field."""
    for field in fields:
        if label := _MAJOR_LABEL.search(field):
            return label.group(1).strip()
    for field in fields:
        if field == school or SCHOOL_NAME.search(field) or SINGLE_YEAR.search(field):
            continue
        rest = _DEGREE_PHRASE.sub(" ", field).strip(" ()（）.,-")
        if rest and len(rest) <= 40 and not re.search(r"\d", rest):
            return " ".join(rest.split())
    return ""
