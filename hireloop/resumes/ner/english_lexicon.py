"""Word lists behind the English tagger's gazetteer features (english_features).

Skills: every spelling of the bilingual skills table (hireloop.resumes.fields.SKILL_SYNONYMS)
plus common skill words of resumes in general (tools, languages, office suites). Company
suffixes and section-heading words are general English usage. None of them was drawn from
the labelled resumes the tagger is evaluated on.
"""

import re
from collections.abc import Sequence
from functools import cache

from hireloop.resumes.fields import SKILL_SYNONYMS

# General skill words of resumes (not from the labelled set): languages, platforms, tools.
GENERAL_SKILLS = (
    "c#", ".net", "asp.net", "vb.net", "php", "perl", "ruby", "scala", "kotlin", "swift",
    "matlab", "shell", "bash", "unix", "windows", "android", "ios", "oracle", "sap",
    "salesforce", "tableau", "power bi", "hadoop", "spark", "hive", "kafka", "jenkins",
    "selenium", "jira", "angular", "angularjs", "jquery", "bootstrap", "ajax", "xml", "json",
    "rest", "soap", "api", "j2ee", "jsp", "servlets", "hibernate", "spring", "struts",
    "mongodb", "sql server", "pl/sql", "db2", "teradata", "informatica", "etl", "azure",
    "gcp", "devops", "agile", "scrum", "testing", "manual testing", "automation",
    "ms office", "microsoft office", "outlook", "photoshop", "autocad", "networking",
    "tcp/ip", "vmware", "cloud", "data structures", "algorithms", "object oriented",
    "oops", "web services", "microservices", "deep learning", "nlp", "tensorflow",
    "pandas", "numpy", "visual studio", "eclipse", "maven", "svn", "github", "sharepoint",
    "crm", "erp", "itil", "servicenow", "active directory", "troubleshooting", "analytics",
)  # fmt: skip
COMPANY_SUFFIXES = frozenset(
    {
        "ltd", "limited", "pvt", "private", "inc", "corp", "corporation", "co", "company",
        "llc", "llp", "plc", "gmbh", "group", "technologies", "technology", "solutions",
        "services", "systems", "software", "consulting", "consultancy", "infotech", "labs",
        "bank", "enterprises", "industries", "international", "global", "associates",
    }
)  # fmt: skip
# Kinds of section, by words of their headings (first match wins).
SECTION_WORDS = (
    ("experience", ("experience", "employment", "work history", "career", "professional")),
    ("education", ("education", "academic", "qualification", "degree")),
    ("skills", ("skill", "technical", "competenc", "expertise", "tools", "technolog")),
    ("projects", ("project",)),
    ("certifications", ("certif", "training", "course", "award", "achievement", "honou")),
    ("summary", ("summary", "objective", "profile", "about")),
    ("additional", ("additional", "information", "personal", "details", "language")),
)
_WORD = re.compile(r"\w+(?:[.'&+#/-]\w+)*|[^\w\s]")


def section_kind(heading: str) -> str:
    folded = heading.casefold()
    return next(
        (kind for kind, words in SECTION_WORDS if any(word in folded for word in words)),
        "other",
    )


@cache
def skill_spellings() -> frozenset[tuple[str, ...]]:
    """Every known skill spelling as a tuple of lower-case tokens."""
    spellings = {s for canon, more in SKILL_SYNONYMS.items() for s in (canon, *more)}
    spellings.update(GENERAL_SKILLS)
    return frozenset(
        tuple(_WORD.findall(s.lower())) for s in spellings if s.isascii() and _WORD.search(s)
    )


@cache
def _longest_spelling() -> int:
    return max(len(spelling) for spelling in skill_spellings())


def skill_marks(words: Sequence[str]) -> list[str]:
    """Per word: "B" / "I" where a known skill spelling starts / continues, else "O".

    Longest match first, left to right.
    """
    lower = [word.lower() for word in words]
    marks = ["O"] * len(words)
    known = skill_spellings()
    index = 0
    while index < len(lower):
        for size in range(min(_longest_spelling(), len(lower) - index), 0, -1):
            if tuple(lower[index : index + size]) in known:
                marks[index] = "B"
                marks[index + 1 : index + size] = ["I"] * (size - 1)
                index += size
                break
        else:
            index += 1
    return marks
