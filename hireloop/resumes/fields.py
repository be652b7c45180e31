"""Pull structured fields out of resume text, in Chinese and English.

Every field keeps the line it came from, so a recruiter can check what the machine read.
Heuristics are deliberately simple and deterministic; when unsure a field stays empty.
Education, work history, projects and leadership/teamwork lines live in fields_education,
fields_experience and fields_signals; this module puts them together in ParsedResume.
For Chinese resumes the ResumeNER tagger (hireloop.resumes.ner) supplies employers, titles,
schools, degrees and majors where it finds them (docs/resume-ner.md, "In field extraction").
"""

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .fields_dates import present_month
from .fields_education import DEGREE_PATTERNS, Education, find_degree, find_education
from .fields_experience import Experience, find_experience, pick
from .fields_experience import find_years as _find_years
from .fields_names import CJK_NAME, english_name, find_name
from .fields_sections import CJK, sectioned
from .fields_signals import Indicator, Project, find_indicators, find_projects
from .ner.roles import Roles, chinese_roles, english_roles

# Where the trained tagger's value wins over the rules' (elsewhere it only fills gaps),
# chosen on the measurements in docs/resume-ner.md ("In field extraction"): the Chinese
# tagger reads employers, titles, schools and degrees better than the rules, but majors
# worse; the English one reads employers better, titles and schools only as a fallback.
ZH_TAGGER_FIRST = frozenset({"org", "title", "school", "degree"})
EN_TAGGER_FIRST = frozenset({"org"})

__all__ = [
    "DEGREE_PATTERNS",
    "Education",
    "Experience",
    "Indicator",
    "ParsedResume",
    "Project",
    "canonical_skill",
    "find_degree",
    "find_mention",
    "find_name",
    "first_matching_line",
    "find_years",
    "mentions",
    "parse_resume_text",
    "spelling_pattern",
    "term_pattern",
    "with_known_skills",
]

# Canonical skill -> spellings seen in resumes, lower case. Matching ignores case, except
# for spellings in CASE_SENSITIVE, which are also ordinary English words.
# fmt: off
SKILL_SYNONYMS: dict[str, tuple[str, ...]] = {
    # Programming
    "Python": ("python",), "Java": ("java",), "JavaScript": ("javascript", "js"),
    "Go": ("Go", "golang"), "C++": ("c++", "cpp"), "SQL": ("sql",),
    "HTML": ("html", "html5"), "CSS": ("css", "css3"), "Node.js": ("node.js", "nodejs"),
    "React": ("react", "react.js", "reactjs"), "Vue": ("vue", "vue.js", "vuejs"),
    "Django": ("django",), "Spring Boot": ("spring boot", "springboot"),
    # Data and infrastructure
    "PostgreSQL": ("postgresql", "postgres", "pgsql"), "MySQL": ("mysql",), "Redis": ("redis",),
    "Docker": ("docker",), "Kubernetes": ("kubernetes", "k8s"), "Linux": ("linux",),
    "Git": ("git",), "AWS": ("aws", "amazon web services"),
    "machine learning": ("machine learning", "机器学习"),
    "data analysis": ("data analysis", "data analytics", "数据分析"),
    "software testing": ("software testing", "test automation", "软件测试", "自动化测试"),
    # Office and languages
    "Excel": ("excel",), "PowerPoint": ("powerpoint", "ppt"),
    "English": ("english", "英语", "cet-6", "ielts", "toefl"),
    # Working with people
    "communication": ("communication", "communication skills", "沟通", "沟通能力"),
    "teamwork": ("teamwork", "team work", "团队协作", "团队合作"),
    "leadership": ("leadership", "领导力", "领导能力"),
    "problem solving": ("problem solving", "problem-solving", "解决问题"),
    "time management": ("time management", "时间管理"),
    "presentation": ("presentation", "public speaking", "演讲"),
    "project management": ("project management", "项目管理", "pmp"),
    # Business
    "sales": ("sales", "销售"), "marketing": ("marketing", "市场营销"),
    "customer relationship": ("customer relationship", "crm", "客户关系"),
    "customer service": ("customer service", "客户服务", "客服"),
    "negotiation": ("negotiation", "谈判"), "recruiting": ("recruiting", "recruitment", "招聘"),
    "accounting": ("accounting", "会计"),
}
# fmt: on
CASE_SENSITIVE = frozenset({"Go"})  # "go" and "Go to market" are not the language
_CANONICAL = {
    " ".join(spelling.lower().split()): canon
    for canon, spellings in SKILL_SYNONYMS.items()
    for spelling in (canon, *spellings)
}

_CJK_CHAR = re.compile(f"[{CJK}]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
CN_MOBILE = re.compile(r"(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
# International numbers need a "+country" or "(area)" prefix, so date ranges never match.
INTL_PHONE = re.compile(
    r"(?<!\d)(?:\+\d{1,3}|\(\d{3}\))[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,14}\d"
)


@dataclass(frozen=True)
class ParsedResume:
    """What was read from one resume; each *_evidence field quotes the source line."""

    name: str
    email: str
    phone: str
    degree: int
    degree_evidence: str
    years_experience: float
    years_evidence: str
    skills: list[str]
    skill_evidence: dict[str, str]
    lines: list[str]
    language: str
    # Added with issue 3; dicts stored before it lack these keys and load with the defaults.
    education: list[Education] = field(default_factory=list)
    experience: list[Experience] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    read_on: str = ""  # ISO date "present" was read as; "" in dicts stored before it

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict; ParsedResume.from_dict() reverses it."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ParsedResume":
        """Rebuild from to_dict() output.

        Unknown keys are ignored (forward compatibility); keys added later may be missing
        from dicts stored earlier and then take their defaults.
        """
        values = {f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data}
        for name, entry in _ENTRY_TYPES.items():
            values[name] = [entry.from_dict(item) for item in values.get(name, [])]
        return cls(**values)


_ENTRY_TYPES: dict[str, Any] = {
    "education": Education,
    "experience": Experience,
    "projects": Project,
    "indicators": Indicator,
}


def parse_resume_text(
    text: str,
    known_skills: Iterable[str] = (),
    *,
    today: date | None = None,
    use_taggers: bool = True,
) -> ParsedResume:
    """Extract contact details, education, work history, skills and signals from resume text.

    known_skills adds job-specific skills to the built-in bilingual table. "至今" /
    "present" is read as the month of today (default: the machine's local date).
    use_taggers=False skips the trained taggers (rules only): about 3x faster on English
    resumes (docs/resume-ner.md), with weaker employers, titles and schools.
    """
    today = today or date.today()
    present = present_month(today)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    language = detect_language(text)
    roles = entity_roles(text, lines, language) if use_taggers else {}
    tagger_first = ZH_TAGGER_FIRST if language == "zh" else EN_TAGGER_FIRST
    sections = sectioned(lines)
    degree, degree_evidence = find_degree(lines)
    years, years_evidence = _find_years(lines, present=present)
    skill_evidence = find_skills(lines, known_skills)
    return ParsedResume(
        name=choose_name(lines, roles, tagger_first="name" in tagger_first),
        email=_first_match(EMAIL, text),
        phone=find_phone(text),
        degree=degree,
        degree_evidence=degree_evidence,
        years_experience=years,
        years_evidence=years_evidence,
        skills=list(skill_evidence),
        skill_evidence=skill_evidence,
        lines=lines,
        language=language,
        education=find_education(sections, present=present, roles=roles, tagger_first=tagger_first),
        experience=find_experience(
            sections, present=present, roles=roles, tagger_first=tagger_first
        ),
        projects=find_projects(sections, present=present),
        indicators=find_indicators(lines),
        read_on=today.isoformat(),
    )


def with_known_skills(parsed: ParsedResume, known_skills: Iterable[str]) -> ParsedResume:
    """parsed with its skills found again, the job's own skills (known_skills) included."""
    evidence = find_skills(parsed.lines, known_skills)
    return dataclasses.replace(parsed, skills=list(evidence), skill_evidence=evidence)


def entity_roles(text: str, lines: list[str], language: str) -> Roles:
    """Employers, titles, schools, degrees, majors and names the trained taggers find."""
    return chinese_roles(lines) if language == "zh" else english_roles(text, lines)


def choose_name(lines: list[str], roles: Roles, *, tagger_first: bool) -> str:
    """The rules' or the tagger's name, the preferred one first (a labelled name wins)."""
    return pick(find_name(lines), tagged_name(roles), tagger_first)


def tagged_name(roles: Roles) -> str:
    """The tagger's first name in the first lines that is a Chinese full name (2–4
    characters) or a plausible English one (fields_names.english_name), else ""."""
    for index in range(min(5, len(roles))):
        for role, text in roles.get(index, []):
            if role == "name" and CJK_NAME.fullmatch(text):
                return text
            if role == "name" and (name := english_name(text)):
                return name
    return ""


def find_years(lines: list[str], *, today: date | None = None) -> tuple[float, str]:
    """Years of work experience: an explicit statement wins, else merged date ranges."""
    return _find_years(lines, present=present_month(today))


def detect_language(text: str) -> str:
    """Return "zh" when CJK dominates: one CJK character counts as much as three Latin letters."""
    cjk, latin = len(_CJK_CHAR.findall(text)), len(_LATIN_LETTER.findall(text))
    return "zh" if cjk and cjk * 3 >= latin else "en"


def find_phone(text: str) -> str:
    """A Chinese mobile as 11 digits, else the first international-looking number as written."""
    if mobile := CN_MOBILE.search(text):
        return "".join(mobile.groups())
    return _first_match(INTL_PHONE, text)


def find_skills(lines: list[str], known_skills: Iterable[str] = ()) -> dict[str, str]:
    """Canonical skill -> first line mentioning it, in reading order."""
    names = [canonical_skill(s) for s in known_skills if s.strip()] + list(SKILL_SYNONYMS)
    # Most skills of the table are absent from any one resume: a substring test on the whole
    # text rules them out before the per-line regular expressions run (those cost 6 of the
    # 9 CPU-seconds of parsing 300 generated resumes without taggers, measured with cProfile).
    raw = "\n".join(lines)
    # "İ" is the one letter that re.IGNORECASE equates with an ASCII letter ("i") but whose
    # case folding is two characters; without it the folded text keeps every such match.
    folded = None if "\u0130" in raw else raw.casefold()
    found = []
    for skill in dict.fromkeys(names):
        if folded is not None and not _may_mention(raw, folded, skill):
            continue
        if hit := find_mention(lines, skill):
            index, line = hit
            found.append(((index, _mention_start(line, skill)), skill, line))
    return {skill: line for _, skill, line in sorted(found, key=lambda f: f[0])}


def _may_mention(raw: str, folded: str, skill: str) -> bool:
    """False only when no spelling of skill can match anywhere in the text.

    A necessary condition of term_pattern's match: every word of a spelling occurs in
    the text, case-folded unless the spelling is case-sensitive (casefold covers what
    re.IGNORECASE equates, such as "ſ" and "s"); word boundaries only narrow a match.
    """
    return any(_words_occur(raw, folded, spelling) for spelling in _spellings(skill))


@functools.cache
def _spellings(skill: str) -> tuple[str, ...]:
    return SKILL_SYNONYMS.get(canonical_skill(skill), (skill.strip(),))


def _words_occur(raw: str, folded: str, spelling: str) -> bool:
    if spelling in CASE_SENSITIVE:
        return all(word in raw for word in spelling.split())
    return all(word in folded for word in spelling.casefold().split())


def canonical_skill(term: str) -> str:
    """The table's name for a known spelling ("js" -> "JavaScript"), else the term itself."""
    return _CANONICAL.get(" ".join(term.lower().split()), term.strip())


def mentions(text: str, term: str) -> bool:
    """Whether text mentions term or a synonym: CJK as a substring, Latin as whole words."""
    return term_pattern(term).search(text) is not None


def find_mention(lines: list[str], term: str, whole: str | None = None) -> tuple[int, str] | None:
    """(index, line) of the first line mentioning term or a synonym, else None.

    whole, the lines joined by line breaks, may be passed by a caller looking for many terms.
    """
    return first_matching_line(term_pattern(term), lines, whole)


def first_matching_line(
    pattern: re.Pattern[str], lines: list[str], whole: str | None = None
) -> tuple[int, str] | None:
    """(index, line) of the first line where pattern matches, else None.

    One search of the whole text instead of one per line (most terms are absent from most
    resumes, and a search per line was most of screening's time). A match within one line
    of the whole text is a match of that line alone, and the leftmost one is in the first
    such line: a line break is told from the text's ends by no boundary test. Only a match
    across lines (whitespace between two words of a term) needs the lines read one by one.
    """
    whole = "\n".join(lines) if whole is None else whole
    found = pattern.search(whole)
    if found is None:
        return None
    index = whole.count("\n", 0, found.start())
    if "\n" not in found.group():
        return index, lines[index]
    return next(
        ((i, line) for i, line in enumerate(lines[index:], index) if pattern.search(line)), None
    )


def _mention_start(text: str, term: str) -> int | None:
    found = term_pattern(term).search(text)
    return None if found is None else found.start()


@functools.cache
def term_pattern(term: str) -> re.Pattern[str]:
    """One pattern for every spelling of term: its leftmost match is the earliest mention."""
    spellings = SKILL_SYNONYMS.get(canonical_skill(term), (term.strip(),))
    return re.compile("|".join(_spelling_source(spelling) for spelling in spellings))


@functools.cache
def spelling_pattern(spelling: str) -> re.Pattern[str]:
    """One spelling as its own pattern, by the rules of term_pattern (for counting it)."""
    return re.compile(_spelling_source(spelling))


def _spelling_source(spelling: str) -> str:
    # Boundaries only on Latin/digit edges: "go" must not match "good", yet "熟悉Java" must.
    body = re.escape(spelling).replace(r"\ ", r"\s+")
    if spelling[:1].isascii() and spelling[:1].isalnum():
        body = rf"(?<![A-Za-z0-9]){body}"
    if spelling[-1:].isascii() and spelling[-1:].isalnum():
        body = rf"{body}(?![A-Za-z0-9])"
    return f"(?-i:{body})" if spelling in CASE_SENSITIVE else f"(?i:{body})"


def _first_match(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group().strip() if match else ""
