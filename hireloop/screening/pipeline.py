"""Two-stage screening of many resumes for one job: plain functions over dataclasses, no database.

Stage 1, every resume: the hard filters and checks of matching.py, keyword coverage and hidden
keywords (lexical.py, indicators.py), combined into a lexical score. Stage 2, only the best
``top_n`` of stage 1: semantic similarity to the job (semantic.py). The final score is

    stage 2:  0.9 x lexical + 0.1 x semantic
    stage 1:  lexical, marked "not semantically compared"

and lexical = 0.35 x requirements + 0.5 x keywords + 0 x hidden keywords (Blend), where a
part the job does not use (no degree, years, must-have or bonus asked) gives its weight to
the others in proportion. Every part depends on the resume and the job alone, never on the
other resumes screened with it. The listed skills are checked one by one (met or missed, with
evidence) but scored once, in the keyword part, which grades them by frequency and rarity;
the requirement part scores degree, years, must-haves and bonus terms. Weights and the
measurements behind them: docs/screening.md. Every part keeps the checks that quote its
evidence. The web app (services.do_rescreen_job), the CLI and bench/screening.py all call
screen().
"""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hireloop.embeddings import Embedder
from hireloop.resumes.fields import ParsedResume

from . import lexical
from .indicators import Indicator, indicator_checks, job_indicators
from .matching import Check, MatchResult, Requirements, match_resume, score_checks
from .semantic import (
    EmbeddingCache,
    MemoryCache,
    SemanticMatch,
    job_vector,
    passage_vectors,
    semantic_match,
)

DEFAULT_TOP_N = 200


@dataclass(frozen=True)
class Blend:
    """The constants that combine the parts into a score. keyword_full_marks is the raw
    keyword coverage (0-1) that earns 100.

    semantic_share, indicators and keyword_full_marks are the blend chosen most often on the
    training parts of bench/screening.py's cross-validation (4 of 20 folds; docs/screening.md,
    "Ranking quality"): hidden keywords explain but do not rank (weight 0: on the training
    parts they lowered NDCG@10 in most folds, as they describe qualities every profession
    shares), and the semantic stage adds a tenth. The requirement part (degree, years,
    must-haves, bonus terms) keeps its earlier share: the benchmark's jobs ask for none.
    """

    requirements: float = 0.35
    keywords: float = 0.5
    indicators: float = 0.0
    semantic_share: float = 0.1
    keyword_full_marks: float = 0.5

    def lexical_weights(self) -> dict[str, float]:
        return {
            "requirements": self.requirements,
            "keywords": self.keywords,
            "indicators": self.indicators,
        }


DEFAULT_BLEND = Blend()


@dataclass(frozen=True)
class JobSpec:
    """What screening needs of a job; keywords and indicators are optional recruiter hints."""

    title: str
    description: str
    requirements: Requirements
    keywords: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The job as one text for the semantic stage: title, description, requirements."""
        required = self.requirements
        listed = dict.fromkeys(
            [*required.skills, *required.must_have, *required.bonus, *self.keywords]
        )
        return "\n".join(part for part in (self.title, self.description, ", ".join(listed)) if part)


@dataclass(frozen=True)
class ResumeInput:
    """One resume to screen: a caller's key (file name, resume id), its text and parsed fields.

    integrity holds the kinds of the resume's integrity findings (hireloop.resumes.integrity:
    hidden text, stuffing, injection). The hidden text is already out of text; a flagged
    resume is still ranked on what a reader sees, and marked as held for a person to look at.
    """

    key: str
    text: str
    parsed: ParsedResume
    integrity: tuple[str, ...] = ()


def read_for_screening(
    files: list[tuple[str, bytes]], *, workers: int = 2
) -> tuple[list[ResumeInput], list[tuple[str, str]]]:
    """(ResumeInputs, (name, reason) of each unreadable file) of (name, bytes) files."""
    unreadable: list[tuple[str, str]] = []
    return list(iter_for_screening(files, unreadable, workers=workers)), unreadable


def iter_for_screening(
    files: Iterable[tuple[str, bytes]], unreadable: list[tuple[str, str]], *, workers: int = 2
) -> Iterator[ResumeInput]:
    """ResumeInputs of (name, bytes) files as they are read; (name, reason) of each
    unreadable file is appended to unreadable.

    Files are read and parsed in the sandbox pool's workers (parse=True), so reading,
    integrity checks and field extraction run on every worker's core; handed straight to
    screen(), the parent screens each resume while the workers read the next ones. Parsing
    there uses the rules without the trained taggers: screening reads degree, years, skills
    and lines, which the taggers do not change (they add employers, titles and schools:
    docs/screening.md, "Throughput").
    """
    from django.utils.translation import gettext

    from hireloop.resumes.extract import ResumeUnreadable
    from hireloop.resumes.pool import SandboxPool

    names: deque[str] = deque()

    def items() -> Iterator[tuple[bytes, str]]:
        for name, data in files:
            names.append(name)
            yield data, name

    with SandboxPool(workers=workers, parse=True) as pool:
        for result in pool.imap(items()):
            name = names.popleft()
            if isinstance(result, ResumeUnreadable):
                unreadable.append((name, result.sentence(gettext)))  # the reader's language
            elif result.parsed is not None:
                kinds = tuple(dict.fromkeys(finding.kind for finding in result.findings))
                yield ResumeInput(name, result.text, result.parsed, integrity=kinds)


@dataclass(frozen=True)
class Ranked:
    """One resume's place, score and explanation."""

    key: str
    rank: int
    score: float
    lexical: float
    parts: dict[str, float]  # the used lexical parts, 0-100 each
    match: MatchResult
    keywords: list[Check]
    indicators: list[Check]
    semantic: SemanticMatch | None
    integrity: tuple[str, ...] = ()
    blend: Blend = DEFAULT_BLEND

    @property
    def is_semantically_compared(self) -> bool:
        return self.semantic is not None

    @property
    def is_held_for_review(self) -> bool:
        """A resume with an integrity finding waits for a person; nothing advances it."""
        return bool(self.integrity)

    def explanation(self) -> dict[str, Any]:
        """JSON-safe; its score, passes_filters and checks read as a MatchResult dict."""
        return {
            **self.match.to_dict(),
            "score": self.score,
            "rank": self.rank,
            "lexical": {"score": self.lexical, **self.parts},
            "keywords": [vars(check) for check in self.keywords],
            "indicators": [vars(check) for check in self.indicators],
            "semantic": self.semantic.to_dict() if self.semantic else None,
            "integrity": list(self.integrity),
            "held_for_review": self.is_held_for_review,
            "weights": {
                "lexical_parts": _shares(self.parts, self.blend),
                "final": {
                    "lexical": round(1 - self.blend.semantic_share, 2) if self.semantic else 1.0,
                    "semantic": self.blend.semantic_share if self.semantic else 0.0,
                },
            },
        }


@dataclass(frozen=True)
class _Stage1:
    resume: ResumeInput
    match: MatchResult
    lexical: float
    parts: dict[str, float]
    keywords: list[Check]
    indicators: list[Check]
    coverage: float  # raw keyword coverage, 0-1, before Blend.keyword_full_marks


def screen(
    job: JobSpec,
    resumes: Iterable[ResumeInput],
    *,
    embedder: Embedder | None,
    top_n: int = DEFAULT_TOP_N,
    cache: EmbeddingCache | None = None,
    blend: Blend = DEFAULT_BLEND,
) -> list[Ranked]:
    """Rank resumes for the job, best first; without an embedder, stage 1 alone.

    resumes may be a stream (iter_for_screening): stage 1 takes each as it comes.
    """
    first = stage_one(job, resumes, blend)
    # Resumes that pass the hard filters get the semantic comparison first.
    order = sorted(
        range(len(first)), key=lambda i: (-first[i].match.passes_filters, -first[i].lexical, i)
    )
    chosen = order[: max(0, top_n)] if embedder is not None else []
    semantic: dict[int, SemanticMatch] = {}
    if chosen and embedder is not None:
        texts = [first[i].resume.text for i in chosen]
        vectors, _ = passage_vectors(texts, embedder=embedder, cache=cache or MemoryCache())
        query = job_vector(job.text(), embedder)
        for index, text, rows in zip(chosen, texts, vectors, strict=True):
            semantic[index] = semantic_match(
                query=query, vectors=rows, text=text, embedder_name=embedder.name
            )
    scored = [
        (final_score(item.lexical, _score_of(semantic.get(i)), blend), i)
        for i, item in enumerate(first)
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [
        Ranked(
            key=first[i].resume.key,
            rank=rank,
            score=score,
            lexical=first[i].lexical,
            parts=first[i].parts,
            match=first[i].match,
            keywords=first[i].keywords,
            indicators=first[i].indicators,
            semantic=semantic.get(i),
            integrity=first[i].resume.integrity,
            blend=blend,
        )
        for rank, (score, i) in enumerate(scored, start=1)
    ]


def _score_of(match: SemanticMatch | None) -> float | None:
    return None if match is None else match.score


def stage_one(
    job: JobSpec, resumes: Iterable[ResumeInput], blend: Blend = DEFAULT_BLEND
) -> list[_Stage1]:
    """Filters, checks and the lexical score of every resume, each on its own.

    Nothing here looks at the other resumes: term rarity and the average length are fixed
    (background.py, lexical.AVERAGE_RESUME_TOKENS), so a resume scores the same alone or in
    a pool of thousands, and each is scored as it comes from a stream.
    """
    terms = lexical.job_terms(
        title=job.title,
        description=job.description,
        listed=[*job.requirements.skills, *job.requirements.must_have, *job.requirements.bonus],
        keywords=job.keywords,
    )
    weights = lexical.term_weights(terms)
    indicators = job_indicators(job.text(), job.indicators)
    return [_score_one(job, resume, terms, weights, indicators, blend) for resume in resumes]


def _score_one(
    job: JobSpec,
    resume: ResumeInput,
    terms: list[lexical.JobTerm],
    weights: list[float],
    indicators: list[Indicator],
    blend: Blend,
) -> _Stage1:
    resume_terms = lexical.terms_of_resume(resume.parsed.lines)
    match = match_resume(resume.parsed, job.requirements)
    hidden = indicator_checks(indicators, resume.parsed.lines)
    coverage = lexical.keyword_coverage(
        terms=terms,
        weights=weights,
        counts=lexical.count_terms(terms, resume.text, resume_terms),
        lines=resume.parsed.lines,
        resume_terms=resume_terms,
    )
    parts: dict[str, float] = {}
    if basics := [check for check in match.checks if check.kind != "skill"]:
        parts["requirements"] = score_checks(basics, resume.parsed, job.requirements)
    if terms:
        parts["keywords"] = keyword_part(coverage.value, blend)
    if hidden:
        parts["indicators"] = round(100 * sum(c.met for c in hidden) / len(hidden), 1)
    return _Stage1(
        resume, match, lexical_score(parts, blend), parts, coverage.checks, hidden, coverage.value
    )


def _shares(parts: dict[str, float], blend: Blend) -> dict[str, float]:
    """The weights of the used lexical parts, scaled to sum to 1."""
    weights = blend.lexical_weights()
    total = sum(weights[part] for part in parts)
    return {part: round(weights[part] / total, 3) if total else 0.0 for part in parts}


def lexical_score(parts: dict[str, float], blend: Blend = DEFAULT_BLEND) -> float:
    """The used lexical parts (0-100 each) combined by the blend's weights."""
    weights = blend.lexical_weights()
    total = sum(weights[part] for part in parts)
    if not total:
        return 100.0  # the job asks for nothing, so nothing is missing (as match_resume)
    return round(sum(weights[part] * value for part, value in parts.items()) / total, 1)


def keyword_part(coverage: float, blend: Blend = DEFAULT_BLEND) -> float:
    """Raw keyword coverage (0-1) on 0-100, full marks at blend.keyword_full_marks."""
    return round(100 * min(1.0, coverage / blend.keyword_full_marks), 1)


def final_score(lexical: float, semantic: float | None, blend: Blend = DEFAULT_BLEND) -> float:
    """The lexical score alone, or blended with the semantic one (both 0-100)."""
    if semantic is None:
        return lexical
    return round((1 - blend.semantic_share) * lexical + blend.semantic_share * semantic, 1)
