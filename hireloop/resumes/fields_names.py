"""The candidate's name: a labelled name, a Chinese name, or an English name-shaped line.

English resumes often open with a job title in capitals ("ENGINEERING OPERATIONS DIRECTOR",
"ABA THERAPIST") or a heading ("RESUME", "CURRICULUM VITAE"); public sample resumes are
often anonymised and show no name at all. So an English name is only taken when a line is
2-4 name-shaped words, none of them a title, heading, address or number word, near the top
or next to the contact line; otherwise the name stays empty rather than guessed.
bench/resume_names.py measures it on real PDFs and on the labelled English resumes.
"""

import importlib
import re
from collections.abc import Iterable
from functools import cache

from .fields_experience import ORG_SUFFIX, SCHOOL, TITLE_WORD
from .fields_sections import CJK

NAME_LABEL = re.compile(
    rf"(?:姓\s*名|应聘人|求职者|候选人|^(?:full )?name)\s*[:：|]\s*"
    rf"([{CJK}·]{{2,6}}|[A-Za-z][A-Za-z .'-]+)",
    re.I,
)
CJK_NAME = re.compile(f"[{CJK}·]{{2,4}}")
# Biographies open with the name: "赵伟先生：1955年出生", "郑培敏：男，清华大学MBA".
BIO_NAME = re.compile(
    rf"([{CJK}·]{{2,4}}?)(?:(?:先生|女士|小姐)(?:[:：，,\s]|$)|[:：](?=[男女]|\d{{4}}年|现任|曾任))"
)
RESUME_OF = re.compile(r"(?<=[\u4e00-\u9fff])的?(?:个人|求职)?简历$")  # "王芳的个人简历"
# Title lines that sit above the name and look like one.
HEADINGS = {"简历", "个人简历", "求职简历", "个人信息", "resume", "curriculum vitae", "cv"}

# One word of an English name: "Jane", "O'Neil", "Smith-Jones", "McDonald", "JANE", "J."
NAME_WORD = re.compile(
    r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)*"
    r"|[A-Z]{2,}(?:['’-][A-Z]+)*"
    r"|[A-Z]\.?"
)
LOWER_WORD = re.compile(r"[a-z]{2,}(?:['’-][a-z]+)*")
PARTICLES = frozenset({"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von",
                       "bin", "binti", "al", "el", "dos", "das", "y", "ibn"})  # fmt: skip
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})
# Letters after a name: "Jane Doe, MBA", "John Smith Jr."
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "mba", "cpa", "rn", "pmp", "md",
                      "msc", "bsc", "ma", "ba", "cfa", "esq", "lpn", "cna", "shrm-cp"})  # fmt: skip
# Words that make a line a heading, an address or a field rather than a name. Job titles are
# TITLE_WORD (fields_experience) and OCCUPATION_WORDS.
HEADING_WORDS = frozenset({
    "resume", "résumé", "curriculum", "vitae", "cv", "biodata", "summary", "profile",
    "objective", "experience", "education", "skills", "skill", "contact", "personal",
    "information", "details", "references", "career", "professional", "qualifications",
    "qualification", "accomplishments", "achievements", "overview", "highlights", "languages",
    "interests", "hobbies", "certifications", "projects", "employment", "history", "work",
    "address", "phone", "email", "e-mail", "mobile", "tel", "page", "of", "and", "the", "for",
    "to", "in", "at", "with", "my", "core", "strengths", "focus", "statement", "executive",
    "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "suite", "apt",
    "floor", "city", "state", "usa", "india", "united", "states", "po", "box", "nagar",
    "name", "company", "university", "college", "school", "institute", "academy", "club",
    "award", "society", "association", "council", "church", "ministry", "county", "news",
    "microsoft", "google", "oracle", "tools", "system", "control", "version", "role", "model",
    "activities", "proficiencies", "technical", "certification", "community", "force",
    "training", "certificate", "certificates", "position", "applying", "applied", "military",
})  # fmt: skip
OCCUPATION_WORDS = frozenset({
    "aide", "worker", "teller", "driver", "cook", "server", "bartender", "nanny", "caregiver",
    "tutor", "coach", "trainer", "pilot", "inspector", "estimator", "superintendent", "foreman",
    "buyer", "merchandiser", "stocker", "crew", "member", "staff", "volunteer", "student",
    "graduate", "apprentice", "fellow", "resident", "physician", "doctor", "surgeon", "dentist",
    "hygienist", "paramedic", "technologist", "surveyor", "dietitian", "nutritionist",
    "librarian", "dean", "principal", "chair", "chairman", "treasurer", "broker",
    "underwriter", "adjuster", "appraiser", "banker", "trader", "examiner", "investigator",
    "guard", "security", "soldier", "sergeant", "captain", "commander", "veteran", "customer",
    "service", "services", "support", "business", "development", "operations", "engineering",
    "technology", "finance", "financial", "accounting", "banking", "human", "resources", "hr",
    "it", "healthcare", "health", "care", "medical", "clinical", "nursing", "dental", "legal",
    "public", "relations", "digital", "media", "arts", "art", "design", "fitness",
    "agriculture", "apparel", "automobile", "aviation", "bpo", "construction", "senior",
    "junior", "chief", "vice", "general", "deputy", "regional", "district", "area",
    "national", "department", "dept", "store", "retail", "center", "centre", "office",
    "project", "program", "product", "account", "quality", "safety", "compliance", "risk",
    "data", "network", "systems", "software", "web", "kindergarten", "substitute", "aba",
    "behavior", "behaviour", "therapy", "registered", "certified", "licensed", "independent",
    "beauty", "rep", "shift", "team", "leader", "management", "administrative", "analytics",
    "entry", "level", "intern", "internship", "contractor", "freelance", "freelancer",
})  # fmt: skip
TRAILING_PARTS = re.compile(r"\s*(?:[,|｜•]|\s[–—-]\s).*$")
# Given names of several locales (the Faker package, a dependency for the demo's identities):
# a supporting cue for capitals-only lines, which in resumes are far more often headings.
GIVEN_NAME_LOCALES = ("en_US", "en_GB", "en_IN", "hi_IN", "es_ES", "es_MX", "fr_FR", "de_DE",
                      "it_IT", "pt_BR")  # fmt: skip
# An e-mail, a profile link or a phone number of 10+ digits (not a date range "2010 - 2015").
CONTACT = re.compile(
    r"@|linkedin|www\.|https?://|indeed\.com|(?<!\d)(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}"
    r"[\s.-]?\d{4}(?!\d)",
    re.I,
)
# How far below the top an English name may stand, and how near the contact line.
# Deeper down, a name next to a phone number is a referee's or a supervisor's.
TOP_LINES = 3
CONTACT_REACH = 2
HEADER_LINES = 10


FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female")


def faker_names(locales: Iterable[str], lists: Iterable[str]) -> set[str]:
    """The names Faker's person providers of these locales hold under these list names
    (first_names, last_names…); a locale without a list contributes nothing to it."""
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in lists:
            names.update(getattr(provider, attribute, ()))
    return names


@cache
def given_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in faker_names(GIVEN_NAME_LOCALES, FIRST_NAME_LISTS))


def find_name(lines: list[str]) -> str:
    """A labelled name ("姓名：张伟", "Name: Jane Doe"), else a name-shaped line near the top.

    "" when no line is plausibly the person's name: a title, heading or number never is.
    """
    for line in lines:
        if label := NAME_LABEL.search(line):
            value = label.group(1).strip()
            if CJK_NAME.fullmatch(value.replace(" ", "")) or english_name(value):
                return english_name(value) or value
    candidates = [RESUME_OF.sub("", line) for line in lines[:3] if line.lower() not in HEADINGS]
    if candidates:
        if bio := BIO_NAME.match(candidates[0]):
            return bio.group(1)
        # The first line often also carries contact details: "张伟 | 138…".
        compact = re.split(r"[|｜,，;；/]", candidates[0])[0].strip().replace(" ", "")
        if CJK_NAME.fullmatch(compact):
            return compact
    return find_english_name(lines)


def find_english_name(lines: list[str]) -> str:
    """The first plausible English name among the top lines and those next to contact lines.

    Below the top lines a name also needs a known given name or a word of it in the nearby
    e-mail address or profile link: there, short capitalised lines are mostly employers,
    places and certificates.
    """
    for index in _candidate_lines(lines):
        near_contact = any(CONTACT.search(line) for line in _around(lines, index))
        handles = " ".join(
            line.casefold() for line in _around(lines, index, own=False) if CONTACT.search(line)
        )
        name = english_name(
            lines[index],
            near_contact=near_contact,
            handles=handles,
            need_evidence=index >= TOP_LINES,
        )
        if name:
            return name
    return ""


def _candidate_lines(lines: list[str]) -> list[int]:
    near = [i for i in range(min(len(lines), HEADER_LINES)) if CONTACT.search(lines[i])]
    around = [j for i in near for j in range(i - CONTACT_REACH, i + CONTACT_REACH + 1)]
    wanted = [*range(TOP_LINES), *around]
    return list(dict.fromkeys(i for i in wanted if 0 <= i < min(len(lines), HEADER_LINES)))


def _around(lines: list[str], index: int, *, own: bool = True) -> list[str]:
    """The lines within CONTACT_REACH of lines[index], with or without that line itself."""
    low, high = max(0, index - CONTACT_REACH), index + CONTACT_REACH + 1
    return [line for at, line in enumerate(lines[low:high], low) if own or at != index]


def english_name(
    line: str, *, near_contact: bool = False, handles: str = "", need_evidence: bool = False
) -> str:
    """line's leading part as a person's name when it plausibly is one, else "".

    The name may be followed by contact details after a separator ("Jane Doe | 555-0134").
    Capitals-only lines ("JANE DOE") need a known given name or a contact line next to
    them; lines with lower-case words ("kimaya sonawane") a known given name or a word of
    the name in the nearby e-mail address or profile link (handles), as does any line
    when need_evidence.
    """
    head = TRAILING_PARTS.sub("", line.strip()).strip()
    words = [word for word in head.replace(",", " ").split() if word]
    while words and words[0].casefold().rstrip(".") in HONORIFICS:
        words = words[1:]
    while words and words[-1].casefold().rstrip(".") in SUFFIXES:
        words = words[:-1]
    if not 2 <= len(words) <= 4 or not all(_name_like(word) for word in words):
        return ""
    if words[0].casefold() in PARTICLES or words[-1] in PARTICLES:  # "Srabani Das" is one
        return ""
    if len(words[-1]) > 2 and words[-1].endswith("."):  # a sentence, not "Gail L."
        return ""
    if not any(len(word) > 2 for word in words) or _has_non_name_word(words):
        return ""
    if ORG_SUFFIX.search(head) or SCHOOL.search(head):
        return ""
    known_first = words[0].casefold() in given_names()
    in_handle = any(len(word) > 2 and word.casefold() in handles for word in words)
    if head.isupper() and not (known_first or near_contact):
        return ""
    lower = any(word[0].islower() for word in words)
    if (lower or need_evidence) and not (known_first or in_handle):
        return ""
    return " ".join(words)


def _name_like(word: str) -> bool:
    bare = word.rstrip(".") or word  # "Ramya. P"
    return (
        word.casefold() in PARTICLES
        or NAME_WORD.fullmatch(bare) is not None
        or LOWER_WORD.fullmatch(bare) is not None
    )


def _has_non_name_word(words: list[str]) -> bool:
    """A heading, address or title word; an occupation may be a surname after a given name."""
    known_first = words[0].casefold() in given_names()
    for position, word in enumerate(words):
        folded = word.casefold().rstrip(".")
        if folded in HEADING_WORDS or TITLE_WORD.fullmatch(word):
            return True
        surname = position == len(words) - 1 and known_first and not word.isupper()
        if folded in OCCUPATION_WORDS and not surname:
            return True
    return False
