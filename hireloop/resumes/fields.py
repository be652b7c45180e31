"""Pull structured fields out of resume text, in Chinese and English.

Every field keeps the line it came from, so a recruiter can check what the machine read.
Heuristics are deliberately simple and deterministic; when unsure a field stays empty.
"""

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# "至今" / "present" is read as this month, so parsing does not depend on the clock.
PRESENT = (2026, 11)

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

CJK = r"\u4e00-\u9fff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
CN_MOBILE = re.compile(r"(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
# International numbers need a "+country" or "(area)" prefix, so date ranges never match.
INTL_PHONE = re.compile(
    r"(?<!\d)(?:\+\d{1,3}|\(\d{3}\))[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,14}\d"
)
NAME_LABEL = re.compile(
    rf"(?:姓\s*名|^(?:full )?name)\s*[:：|]\s*([{CJK}·]{{2,6}}|[A-Za-z][A-Za-z .'-]+)", re.I
)
CJK_NAME = re.compile(f"[{CJK}·]{{2,4}}")
LATIN_NAME = re.compile(r"[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){1,3}")
# Title lines that sit above the name and look like one.
HEADINGS = {"简历", "个人简历", "求职简历", "个人信息", "resume", "curriculum vitae", "cv"}

# Highest level first: the first level with a hit on any line wins.
DEGREE_PATTERNS = [
    (5, r"博士|\bph\.?\s?d\b|\bdoctorate\b|\bdoctor of\b"),
    (4, r"硕士|研究生|(?<!scrum )\bmaster(?:'s|s)?\b|\bmba\b|\bm\.?sc\b|\bm\.s\.|\bm\.?eng\b"),
    (3, r"本科|学士|\bbachelor|\bb\.?sc\b|\bb\.[as]\.|\bb\.?eng\b|\bundergraduate\b"),
    (2, r"大专|专科|高职|\bassociate(?:'s)? (?:degree|of)\b|\bjunior college\b"),
    (1, r"高中|中专|职高|\bhigh school\b|\bsecondary school\b"),
]

# Chinese statements may spell numbers out: "三年工作经验", "十五年以上经验".
_CN_NUMBER = "[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
_NUMBER = rf"(?<![\d.一二两三四五六七八九十])(\d{{1,2}}(?:\.\d)?|{_CN_NUMBER})"
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
EXPLICIT_YEARS = [
    re.compile(rf"{_NUMBER}\s*\+?\s*年(?:以上|多)?[{CJK}]{{0,8}}?经[验历]"),
    re.compile(rf"(?:工作经验|工作年限|从业经验|工作经历)\s*[:：]?\s*{_NUMBER}\s*\+?\s*年"),
    re.compile(rf"{_NUMBER}\s*\+?\s*years?'?\s+(?:of\s+)?(?:[a-z-]+\s+){{0,3}}?experience", re.I),
    re.compile(rf"experience\s*[:：]\s*{_NUMBER}\s*\+?\s*years?", re.I),
]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = (
    rf"(?:(?:{'|'.join(_MONTHS)})[a-z]*\.?,?\s*(?:19|20)\d\d"
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*(?:[./-]|年)\s*(?:1[0-2]|0?[1-9])(?!\d)\s*月?"
    r"|(?:19|20)\d\d(?!\d)\s*年?)"
)
_PRESENT_WORDS = r"(?:至今|现在|目前|今|now|present|current|today)"
DATE_RANGE = re.compile(
    rf"(?<!\d)(?P<start>{_DATE})\s*(?:-|–|—|~|～|至|到|\bto\b)\s*(?P<end>{_DATE}|{_PRESENT_WORDS})",
    re.I,
)
# Dates under these headings or on lines naming a school are study, not work.
EDUCATION_HEADING = re.compile(r"^(?:教育背景|教育经历|学历|education|academic)", re.I)
OTHER_HEADING = re.compile(r"^(?:工作|项目|实习|experience|work|employment|projects?\b)", re.I)
SCHOOL = re.compile(r"大学|学院|中学|university|college|school|institute", re.I)


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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict; ParsedResume.from_dict() reverses it."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ParsedResume":
        """Rebuild from to_dict() output; unknown keys are ignored for forward compatibility."""
        return cls(**{field.name: data[field.name] for field in dataclasses.fields(cls)})


def parse_resume_text(text: str, known_skills: Iterable[str] = ()) -> ParsedResume:
    """Extract contact details, degree, experience and skills from resume text.

    known_skills adds job-specific skills to the built-in bilingual table.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    degree, degree_evidence = find_degree(lines)
    years, years_evidence = find_years(lines)
    skill_evidence = find_skills(lines, known_skills)
    return ParsedResume(
        name=find_name(lines),
        email=_first_match(EMAIL, text),
        phone=find_phone(text),
        degree=degree,
        degree_evidence=degree_evidence,
        years_experience=years,
        years_evidence=years_evidence,
        skills=list(skill_evidence),
        skill_evidence=skill_evidence,
        lines=lines,
        language=detect_language(text),
    )


def detect_language(text: str) -> str:
    """Return "zh" when CJK dominates: one CJK character counts as much as three Latin letters."""
    cjk, latin = len(_CJK_CHAR.findall(text)), len(_LATIN_LETTER.findall(text))
    return "zh" if cjk and cjk * 3 >= latin else "en"


def find_name(lines: list[str]) -> str:
    """A labelled name ("姓名：张伟", "Name: Jane Doe"), else a name-shaped first line."""
    for line in lines:
        if label := NAME_LABEL.search(line):
            return label.group(1).strip()
    candidates = [line for line in lines[:3] if line.lower() not in HEADINGS]
    if not candidates:
        return ""
    # The first line often also carries contact details: "张伟 | 138…".
    first = re.split(r"[|｜,，;；/]", candidates[0])[0].strip()
    compact = first.replace(" ", "")
    if CJK_NAME.fullmatch(compact):
        return compact
    if LATIN_NAME.fullmatch(first):
        return first
    return ""


def find_phone(text: str) -> str:
    """A Chinese mobile as 11 digits, else the first international-looking number as written."""
    if mobile := CN_MOBILE.search(text):
        return "".join(mobile.groups())
    return _first_match(INTL_PHONE, text)


def find_degree(lines: list[str]) -> tuple[int, str]:
    """The highest degree mentioned (0 when none) and the line mentioning it."""
    for level, pattern in DEGREE_PATTERNS:
        if line := next((line for line in lines if re.search(pattern, line, re.I)), None):
            return level, line
    return 0, ""


def find_years(lines: list[str]) -> tuple[float, str]:
    """Years of work experience: an explicit statement wins, else merged date ranges."""
    stated = [
        (_to_number(match.group(1)), line)
        for line in lines
        for pattern in EXPLICIT_YEARS
        if (match := pattern.search(line))
    ]
    if stated:
        return max(stated, key=lambda item: item[0])
    spans, evidence = _work_spans(lines)
    return round(_merged_months(spans) / 12, 1), "; ".join(evidence)


def find_skills(lines: list[str], known_skills: Iterable[str] = ()) -> dict[str, str]:
    """Canonical skill -> first line mentioning it, in reading order."""
    names = [canonical_skill(s) for s in known_skills if s.strip()] + list(SKILL_SYNONYMS)
    found = []
    for skill in dict.fromkeys(names):
        if hit := find_mention(lines, skill):
            index, line = hit
            found.append(((index, _mention_start(line, skill)), skill, line))
    return {skill: line for _, skill, line in sorted(found, key=lambda f: f[0])}


def canonical_skill(term: str) -> str:
    """The table's name for a known spelling ("js" -> "JavaScript"), else the term itself."""
    return _CANONICAL.get(" ".join(term.lower().split()), term.strip())


def mentions(text: str, term: str) -> bool:
    """Whether text mentions term or a synonym: CJK as a substring, Latin as whole words."""
    return _mention_start(text, term) is not None


def find_mention(lines: list[str], term: str) -> tuple[int, str] | None:
    """(index, line) of the first line mentioning term or a synonym, else None."""
    return next(((i, line) for i, line in enumerate(lines) if mentions(line, term)), None)


def _mention_start(text: str, term: str) -> int | None:
    spellings = SKILL_SYNONYMS.get(canonical_skill(term), (term.strip(),))
    starts = [m.start() for s in spellings if (m := _spelling_pattern(s).search(text))]
    return min(starts, default=None)


@functools.cache
def _spelling_pattern(spelling: str) -> re.Pattern[str]:
    # Boundaries only on Latin/digit edges: "go" must not match "good", yet "熟悉Java" must.
    body = re.escape(spelling).replace(r"\ ", r"\s+")
    if spelling[:1].isascii() and spelling[:1].isalnum():
        body = rf"(?<![A-Za-z0-9]){body}"
    if spelling[-1:].isascii() and spelling[-1:].isalnum():
        body = rf"{body}(?![A-Za-z0-9])"
    return re.compile(body, 0 if spelling in CASE_SENSITIVE else re.I)


def _work_spans(lines: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    spans, evidence, in_education = [], [], False
    for line in lines:
        if len(line) <= 20 and EDUCATION_HEADING.match(line):
            in_education = True
        elif len(line) <= 20 and OTHER_HEADING.match(line):
            in_education = False
        if in_education or SCHOOL.search(line):
            continue
        for match in DATE_RANGE.finditer(line):
            start, end = _month_index(match["start"]), _month_index(match["end"])
            if start < end:
                spans.append((start, end))
                evidence.append(line)
    return spans, list(dict.fromkeys(evidence))


def _merged_months(spans: list[tuple[int, int]]) -> int:
    """Total months covered, so overlapping jobs are not counted twice."""
    total, current_end = 0, -1
    for start, end in sorted(spans):
        start = max(start, current_end)
        if end > start:
            total += end - start
            current_end = end
    return total


def _month_index(date_text: str) -> int:
    """Months since year 0; a bare year counts from its January."""
    text = date_text.lower()
    if re.fullmatch(_PRESENT_WORDS, text.strip(), re.I):
        year, month = PRESENT
        return year * 12 + month - 1
    year = int(re.search(r"(?:19|20)\d\d", text).group())  # type: ignore[union-attr]
    if text[:3] in _MONTHS:
        return year * 12 + _MONTHS.index(text[:3])
    numbers = [int(n) for n in re.findall(r"\d+", text) if len(n) <= 2]
    return year * 12 + (numbers[0] - 1 if numbers else 0)


def _to_number(text: str) -> float:
    if text[0].isdigit():
        return float(text)
    tens, has_ten, ones = text.partition("十")
    if not has_ten:
        return float(_CN_DIGITS[text])
    return float(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))


def _first_match(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group().strip() if match else ""
