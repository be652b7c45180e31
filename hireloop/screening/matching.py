"""Compare a parsed resume with a job's requirements and explain every point of the score.

Each requirement becomes a Check that either quotes the resume line proving it or is
reported as missed, so a recruiter can see why a candidate ranks where they do.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from hireloop.resumes.fields import CASE_SENSITIVE, ParsedResume, canonical_skill, find_mention

from .words import CJK_RUN, tokenize

DEGREE_NAMES = {
    1: "high school",
    2: "associate degree (大专)",
    3: "bachelor's degree",
    4: "master's degree",
    5: "doctorate",
}

# Score weights per category, in percent. A category the job does not use gives its
# weight to the others in proportion, so a job with only skills can still reach 100.
WEIGHTS = {
    "skill": 45.0,  # listed skills covered
    "must_have": 25.0,  # must-have keywords found (also a hard filter)
    "basics": 15.0,  # degree and years (also hard filters); years earn partial credit
    "bonus": 15.0,  # nice-to-have keywords
}
HARD_FILTERS = ("degree", "years", "must_have")


@dataclass(frozen=True)
class Requirements:
    """What a job asks for; degree uses the 0–5 scale of ParsedResume.degree."""

    min_degree: int
    min_years: int
    skills: list[str]
    must_have: list[str]
    bonus: list[str]


@dataclass(frozen=True)
class Check:
    """One requirement and whether the resume meets it; evidence quotes a resume line."""

    kind: str  # "degree" | "years" | "skill" | "must_have" | "bonus"
    requirement: str
    met: bool
    evidence: str


@dataclass(frozen=True)
class MatchResult:
    """A 0–100 score, whether the hard filters pass, and the checks behind both."""

    score: float
    passes_filters: bool
    checks: list[Check]

    @property
    def met(self) -> list[Check]:
        return [check for check in self.checks if check.met]

    @property
    def missed(self) -> list[Check]:
        return [check for check in self.checks if not check.met]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict; MatchResult.from_dict() reverses it."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "MatchResult":
        """Rebuild from to_dict() output."""
        return cls(
            score=float(data["score"]),
            passes_filters=bool(data["passes_filters"]),
            checks=[Check(**check) for check in data["checks"]],
        )


def match_resume(resume: ParsedResume, requirements: Requirements) -> MatchResult:
    """Check the resume against each requirement, apply the hard filters and score it."""
    checks = _basic_checks(resume, requirements)
    lines = _Lines(resume.lines)
    for kind, terms in (
        ("skill", requirements.skills),
        ("must_have", requirements.must_have),
        ("bonus", requirements.bonus),
    ):
        checks += [_keyword_check(lines, kind, term) for term in _clean(terms)]
    passes = all(check.met for check in checks if check.kind in HARD_FILTERS)
    return MatchResult(
        score=score_checks(checks, resume, requirements), passes_filters=passes, checks=checks
    )


def _basic_checks(resume: ParsedResume, requirements: Requirements) -> list[Check]:
    checks = []
    if requirements.min_degree > 0:
        # An unreadable degree counts as missing: the score only trusts what it can quote.
        met = resume.degree >= requirements.min_degree
        name = DEGREE_NAMES.get(requirements.min_degree, f"degree level {requirements.min_degree}")
        evidence = resume.degree_evidence if met else ""
        checks.append(Check("degree", f"{name} or higher", met, evidence))
    if requirements.min_years > 0:
        met = resume.years_experience >= requirements.min_years
        evidence = resume.years_evidence if met else ""
        checks.append(
            Check("years", f"{requirements.min_years}+ years of experience", met, evidence)
        )
    return checks


class _Lines:
    """A resume's lines, whole text and (on first need) stemmed words, shared by its checks."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.whole = "\n".join(lines)
        self._words: list[set[str]] | None = None

    def words(self) -> list[set[str]]:
        if self._words is None:
            self._words = [set(tokenize(line)) for line in self.lines]
        return self._words


def _keyword_check(lines: _Lines, kind: str, term: str) -> Check:
    # find_mention applies the shared synonym table, so "JS" meets "JavaScript"; it searches
    # the whole text once rather than line by line (most terms are absent from most resumes).
    if (hit := find_mention(lines.lines, term, lines.whole)) is not None:
        return Check(kind, term, True, hit[1])
    # Else every word of the term, in any inflection, on one line: "reconciled the general
    # ledgers" meets "general ledger reconciliation". Not for case-sensitive terms ("Go").
    wanted = set(tokenize(term))
    if wanted and not CJK_RUN.search(term) and canonical_skill(term) not in CASE_SENSITIVE:
        for line, words in zip(lines.lines, lines.words(), strict=True):
            if wanted <= words:
                return Check(kind, term, True, line)
    return Check(kind, term, False, "")


def score_checks(checks: list[Check], resume: ParsedResume, requirements: Requirements) -> float:
    """Weighted mean of each used category's coverage (0–1), scaled to 0–100."""
    coverage = {}
    for category in ("skill", "must_have", "bonus"):
        in_category = [check.met for check in checks if check.kind == category]
        if in_category:
            coverage[category] = sum(in_category) / len(in_category)
    basics = [float(check.met) for check in checks if check.kind == "degree"]
    if requirements.min_years > 0:
        # Four years against five is closer than none; the filter stays strict.
        basics.append(min(1.0, resume.years_experience / requirements.min_years))
    if basics:
        coverage["basics"] = sum(basics) / len(basics)
    if not coverage:
        return 100.0  # the job asks for nothing, so nothing is missing
    total_weight = sum(WEIGHTS[category] for category in coverage)
    weighted = sum(WEIGHTS[category] * value for category, value in coverage.items())
    return round(100 * weighted / total_weight, 1)


def _clean(terms: list[str]) -> list[str]:
    """Stripped, non-empty, without repeats (ignoring case), in the job's order."""
    unique: dict[str, str] = {}
    for term in map(str.strip, terms):
        if term:
            unique.setdefault(term.casefold(), term)
    return list(unique.values())
