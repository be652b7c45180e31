"""Projects, and the lines that show leadership or teamwork, each quoted for the recruiter.

Indicators are phrases a person wrote about themselves ("带领5人团队", "led a team of 5"):
evidence to read, not a measured trait. Each keeps its line, and the team size when stated.
"""

import re
from dataclasses import dataclass
from typing import Any

from .fields_dates import date_ranges, without_dates
from .fields_sections import BULLET, SectionLine, has_section, is_header_like

_CN_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
_SIZE = r"(\d{1,4}|[一二两三四五六七八九十]{1,3})"
LEADERSHIP = [
    rf"带(?:领|过)(?:一个|一支)?\s*{_SIZE}?\s*(?:余|多)?\s*人?的?[\u4e00-\u9fff]{{0,4}}?"
    r"(?:团队|小组|工程师|成员|同事)",
    rf"带教\s*{_SIZE}?\s*名?(?:新人|新员工|实习生|同事|学员)",
    rf"管理(?:一个|一支)?{_SIZE}\s*(?:余|多)?\s*人(?:的?[\u4e00-\u9fff]{{0,4}}?(?:团队|小组))?",
    rf"(?:团队|小组)(?:规模)?\s*{_SIZE}\s*人",
    r"项目负责人|技术负责人|团队负责人|小组负责人|负责人|项目经理|团队管理|带队|牵头|组长|队长|班长|"
    r"(?:学生会|社团|协会)(?:主席|部长|会长)",
    rf"\bled\s+(?:a|an|the|my|our)?\s*(?:team|group|squad)\s+of\s+{_SIZE}",
    rf"\b(?:managed|managing|supervised|supervising|mentored|mentoring|leading|lead)\s+"
    rf"(?:a\s+team\s+of\s+)?{_SIZE}\s+(?:\w+\s+)?(?:engineers|developers|people|staff|"
    r"employees|members|reports|direct reports|analysts|designers|interns)",
    r"\bled\s+(?:a|an|the|my|our)?\s*(?:\w+\s+){0,3}?(?:team|group|squad|project|effort|"
    r"initiative|migration|development|design|launch|rollout)s?\b",
    r"\b(?:team|tech|technical|project)\s+lead(?:er)?\b|\bteam\s+manager\b|\bheaded\s+(?:a|the)\b|"
    r"\bspearheaded\b|\b(?:captain|president|chair(?:man|woman|person)?)\s+of\b",
]
TEAMWORK = [
    r"团队协作|团队合作|协作精神|合作精神|跨部门(?:合作|协作|沟通|配合)|跨团队|协同(?:合作|工作)?|"
    r"与[\u4e00-\u9fff]{1,10}(?:团队|部门)(?:合作|协作|配合)",
    r"\bcross[-\s]functional\b|\bcollaborat(?:ed|ing|ion|ive)\b|\bteam\s*work\b|"
    r"\bteam\s+player\b|\bworked\s+closely\s+with\b|\bpartnered\s+with\b|"
    rf"\bin\s+a\s+team\s+of\s+{_SIZE}\b|\bas\s+part\s+of\s+a\s+team\b",
]
_LEADERSHIP = [re.compile(pattern, re.I) for pattern in LEADERSHIP]
_TEAMWORK = [re.compile(pattern, re.I) for pattern in TEAMWORK]
_PROJECT_LABEL = re.compile(r"^(?:项目名称|项目|project(?: name)?)\s*[:：]\s*(.+)", re.I)
_NAME_AND_LINE = re.compile(r"^([^:：]{2,40})[:：]\s*(.{4,})$")
MAX_INDICATORS = 10


@dataclass(frozen=True)
class Project:
    """A project the resume names, with the line describing it ("" when there is none)."""

    name: str
    line: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Project":
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Indicator:
    """A leadership or teamwork phrase, the line it is in, and the team size if stated."""

    kind: str  # "leadership" | "teamwork"
    phrase: str
    evidence: str
    team_size: int  # 0 when not stated

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Indicator":
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


def find_indicators(lines: list[str]) -> list[Indicator]:
    """Leadership then teamwork indicators: one per line and kind, in reading order.

    At most MAX_INDICATORS of each kind, so a long resume does not bury the page.
    """
    found = []
    for kind, patterns in (("leadership", _LEADERSHIP), ("teamwork", _TEAMWORK)):
        of_kind = []
        for line in lines:
            matches = [m for pattern in patterns if (m := pattern.search(line))]
            if matches:
                first = min(matches, key=lambda m: m.start())
                size = next((_size(m) for m in matches if _size(m)), 0)
                of_kind.append(Indicator(kind, first.group().strip(), line, size))
        found += of_kind[:MAX_INDICATORS]
    return found


def _size(match: re.Match[str]) -> int:
    numbers = [group for group in match.groups() if group]
    if not numbers:
        return 0
    text = numbers[0]
    if text.isdigit():
        return int(text)
    tens, has_ten, ones = text.partition("十")
    if not has_ten:
        return _CN_NUMERALS.get(text, 0)
    return _CN_NUMERALS.get(tens, 1) * 10 + _CN_NUMERALS.get(ones, 0)


def find_projects(lines: list[SectionLine], *, present: int) -> list[Project]:
    """Projects named in the projects section, or on "项目名称：…" / "Project: …" lines."""
    in_section = has_section(lines, "projects")
    projects: list[Project] = []
    described = -1  # the line just used as a project's description is not a project itself
    for position, line in enumerate(lines):
        if line.is_heading or position == described:
            continue
        text = without_dates(line.text, date_ranges(line.text, present=present))
        if label := _PROJECT_LABEL.match(text):
            name, description = label.group(1).strip(), _next_line(lines, position)
        elif in_section and line.section == "projects" and not BULLET.match(line.text):
            if pair := _NAME_AND_LINE.match(text):
                projects.append(Project(pair.group(1).strip(" |"), pair.group(2).strip()))
                continue
            if not (is_header_like(text) and len(text) <= 40):
                continue
            name, description = text.strip(" |"), _next_line(lines, position)
        else:
            continue
        projects.append(Project(name, description))
        described = position + 1 if description else -1
    return projects


def _next_line(lines: list[SectionLine], position: int) -> str:
    """The description under a project's name: the next line of the same section."""
    if position + 1 < len(lines):
        following = lines[position + 1]
        if following.section == lines[position].section and not following.is_heading:
            return BULLET.sub("", following.text).strip()
    return ""
