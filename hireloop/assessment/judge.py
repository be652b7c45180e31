"""The offline judge: scores one answer 0–10 against behavioural anchors, with evidence.

It embeds the answer, its sentences, the question and the anchors in one batch (USE
multilingual v3, see embedding.py), computes a handful of features (judge_features.py), and maps
them to 0–10 (judge_model.py): a quality fitted on human-rated answers, placed inside the band of
the level the answer most likely is — off-topic ≤ 3, vague ≤ 5, adequate 6–7, strong ≥ 8.5
(judge_calibration.json, refitted by scripts/calibrate_judge.py; method and figures in
docs/scoring.md). Only numpy and the embedding
package are needed at run time. It sees answer text only — names, pronouns, schools and regions
are neutralised before anything is measured — and the same inputs always give the same score.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Protocol

import numpy as np

from . import hints
from . import judge_features as tf
from .embedding import Embedder, default_embedder
from .judge_model import CALIBRATION_PATH as CALIBRATION_PATH  # re-exported: callers import it here
from .judge_model import Calibration, load_calibration
from .scoring import (
    HIGH_BAND,
    MID_BAND,
    AnswerText,
    DimensionResult,
    DimensionSpec,
    score_dimension,
)

FEATURES = (
    "sim_high",
    "margin",
    "best_sentence",
    "coverage",
    "relevance",
    "structure",
    "specificity",
    "length",
    "margin_mid",
    "focus",
    "vagueness",
    "density",
    "topicality",
    "actions",
)
MAX_EVIDENCE = 3
# Features are rounded before they are combined: USE's batched matmuls differ by ~2e-7 with batch
# composition, and rounding keeps the score identical however answers are batched.
FEATURE_DECIMALS = 4
# When an anchor set has no low anchor (the rated data set has only a reference answer), the
# margin feature is measured against this vague answer instead.
VAGUE_ANSWER = "I am not sure, it depends on the situation. 我不太确定，要看情况。"
EMBEDDING_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Anchors:
    """What a low, middling and high answer looks like, plus terms a good answer uses."""

    low: str
    mid: str
    high: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judgement:
    score: float  # 0–10
    evidence: tuple[str, ...]  # verbatim sentences of the answer
    matched_anchor: str  # "low" | "mid" | "high"
    counterfactual: str  # one sentence: what a stronger answer would have shown
    features: dict[str, float] = field(default_factory=dict)
    scorer: str = ""  # the engine that produced this score, e.g. "offline-judge-usem3-v1"


class Judge(Protocol):
    def score(self, *, question: str, answer: str, anchors: Anchors) -> Judgement: ...


class BatchJudge(Judge, Protocol):
    """A judge that also scores several answers in one call, as judge_dimension needs."""

    def score_many(self, items: list["JudgeInput"]) -> list[Judgement]: ...


@dataclass(frozen=True)
class JudgeInput:
    question: str
    answer: str
    anchors: Anchors


class OfflineJudge:
    """Embedding + cue features, calibrated on human ratings; no network, no LLM."""

    def __init__(
        self,
        embedder: Embedder | None = None,
        calibration: Calibration | None = None,
        extra_terms: tuple[str, ...] = (),
    ) -> None:
        self.embedder = embedder or default_embedder()
        self._calibration = calibration
        self.extra_terms = extra_terms  # e.g. the candidate's own name, neutralised too
        self._cache: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        """Recorded as Judgement.scorer; it changes when the embedder does."""
        return f"offline-judge-{self.embedder.name}-v1"

    @property
    def calibration(self) -> Calibration:
        if self._calibration is None:
            self._calibration = _cached_calibration(self.embedder.name)
        return self._calibration

    def score(self, *, question: str, answer: str, anchors: Anchors) -> Judgement:
        return self.score_many([JudgeInput(question, answer, anchors)])[0]

    def score_many(self, items: list[JudgeInput]) -> list[Judgement]:
        """Score several answers with one embedding batch (~0.1 s per call; always batch)."""
        prepared = [_prepare(item, self.extra_terms) for item in items]
        vectors = self._embed([text for p in prepared for text in p.texts()])
        return [self._judge(p, vectors) for p in prepared]

    def features_many(self, items: list[JudgeInput]) -> list[dict[str, float]]:
        """The raw features (no calibration needed), for fitting and benchmarks."""
        prepared = [_prepare(item, self.extra_terms) for item in items]
        vectors = self._embed([text for p in prepared for text in p.texts()])
        return [_features(p, vectors) for p in prepared]

    def _judge(self, p: "_Prepared", vectors: dict[str, np.ndarray]) -> Judgement:
        features = _features(p, vectors)
        if not p.neutral_sentences:
            return Judgement(0.0, (), "low", _counterfactual(p, ""), features, self.name)
        score = self.calibration.apply(features)
        band = "high" if score >= HIGH_BAND else "mid" if score >= MID_BAND else "low"
        evidence, counterfactual = _evidence(p, vectors), _counterfactual(p, p.answer)
        return Judgement(score, evidence, band, counterfactual, features, self.name)

    def _embed(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Vectors of the non-empty texts; the result is built apart from the cache, so trimming
        the cache can never drop a vector this call returns."""
        wanted = dict.fromkeys(t for t in texts if t)
        vectors = {t: self._cache[t] for t in wanted if t in self._cache}
        missing = [t for t in wanted if t not in vectors]
        if missing:
            fresh = dict(zip(missing, self.embedder.embed(missing), strict=True))
            vectors.update(fresh)
            self._remember(fresh)
        return vectors

    def _remember(self, fresh: dict[str, np.ndarray]) -> None:
        # Emptied when full rather than evicted one by one: a judge's texts repeat within an
        # interview (question, anchors), seldom across many, so recency buys little.
        if len(self._cache) + len(fresh) > EMBEDDING_CACHE_SIZE:
            self._cache.clear()
        self._cache.update(islice(fresh.items(), EMBEDDING_CACHE_SIZE))


@lru_cache(maxsize=4)
def _cached_calibration(embedder_name: str) -> Calibration:
    return load_calibration(embedder_name)


@dataclass(frozen=True)
class _Prepared:
    """One answer split into verbatim sentences, with neutralised texts to embed."""

    item: JudgeInput
    sentences: tuple[str, ...]  # verbatim, instructions to the scorer removed
    neutral_sentences: tuple[str, ...]
    question: str
    high: str
    low: str
    mid: str

    @property
    def answer(self) -> str:
        return " ".join(self.neutral_sentences)

    def texts(self) -> list[str]:
        return [self.answer, self.question, self.high, self.low, self.mid, *self.neutral_sentences]


def _prepare(item: JudgeInput, extra_terms: tuple[str, ...]) -> _Prepared:
    kept = tuple(s for s in tf.sentences(item.answer) if not tf.is_instruction_to_scorer(s))
    return _Prepared(
        item=item,
        sentences=kept,
        neutral_sentences=tuple(tf.neutralise(s, extra_terms) for s in kept),
        question=tf.neutralise(item.question, extra_terms),
        high=tf.neutralise(item.anchors.high, extra_terms),
        low=tf.neutralise(item.anchors.low, extra_terms) or VAGUE_ANSWER,
        mid=tf.neutralise(item.anchors.mid, extra_terms) or VAGUE_ANSWER,
    )


def _features(p: _Prepared, vectors: dict[str, np.ndarray]) -> dict[str, float]:
    if not p.neutral_sentences:
        return dict.fromkeys(FEATURES, 0.0)

    def cosine(a: str, b: str) -> float:
        return float(vectors[a] @ vectors[b]) if a in vectors and b in vectors else 0.0

    sim_high = cosine(p.answer, p.high)
    # Question demoting: anchor words the question already uses earn nothing (restating the
    # question is not knowing the answer). On the rated set it lifted grouped 5-fold Pearson
    # from 0.536 to 0.580 and held-out Pearson from 0.522 to 0.547.
    asked = set(tf.content_tokens(p.question))
    anchor_words = tf.content_tokens(" ".join((p.high, *p.item.anchors.keywords)))
    reference = [token for token in anchor_words if token not in asked]
    anchors = p.item.anchors
    topic = " ".join((p.question, p.high, anchors.mid, anchors.low, *anchors.keywords))
    values = {
        "sim_high": sim_high,
        "margin": sim_high - cosine(p.answer, p.low),
        "best_sentence": max(cosine(s, p.high) for s in p.neutral_sentences),
        "coverage": tf.coverage(p.answer, reference),
        "relevance": cosine(p.answer, p.question),
        "structure": tf.structure(p.answer),
        "specificity": tf.specificity(p.answer),
        "length": tf.length(p.answer),
        "margin_mid": sim_high - cosine(p.answer, p.mid),
        "focus": max(cosine(s, p.question) for s in p.neutral_sentences),
        "vagueness": tf.vagueness(p.neutral_sentences),
        "density": tf.density(p.answer),
        "topicality": tf.topicality(p.answer, topic),
        "actions": tf.actions(p.neutral_sentences),
    }
    return {name: round(value, FEATURE_DECIMALS) for name, value in values.items()}


def _evidence(p: _Prepared, vectors: dict[str, np.ndarray]) -> tuple[str, ...]:
    """Up to three verbatim sentences closest to the high anchor, in reading order."""
    if p.high not in vectors:
        return p.sentences[:MAX_EVIDENCE]
    closeness = [
        round(float(vectors[s] @ vectors[p.high]), FEATURE_DECIMALS) for s in p.neutral_sentences
    ]
    best = sorted(range(len(closeness)), key=lambda i: (-closeness[i], i))[:MAX_EVIDENCE]
    return tuple(p.sentences[i] for i in sorted(best))


def _counterfactual(p: _Prepared, answer: str) -> str:
    """One sentence naming the high anchor's least-covered clause and missing keywords, never
    one the answer already shows (hints.py: results, examples, terms spelt differently)."""
    chinese = tf.is_mostly_chinese(p.item.answer) if answer else tf.is_mostly_chinese(p.high)
    verbatim = " ".join(p.sentences)
    shown = hints.what_it_shows(verbatim)
    clause = _least_covered_clause(p.item.anchors.high, answer, shown=shown, verbatim=verbatim)
    keywords = [k for k in p.item.anchors.keywords if tf.content_tokens(k)]
    missing = [
        k
        for k in keywords
        if not hints.is_mentioned(k, answer) and not hints.is_mentioned(k, verbatim)
    ]
    gap = "" if clause or missing else hints.missing_part(shown, chinese)
    return _phrase(clause, missing[:3], chinese, gap=gap)


def _least_covered_clause(
    anchor: str, answer: str, *, shown: hints.AnswerCues | None = None, verbatim: str = ""
) -> str:
    clauses = [hints.complete_clause(c) for s in tf.sentences(anchor) for c in _clauses_of(s)]
    if shown is not None:
        text = verbatim or answer
        clauses = [c for c in clauses if not hints.asks_for_what_is_shown(c, shown, text)]
    scored = [
        (tf.coverage(answer, tf.content_tokens(c)), i, c)
        for i, c in enumerate(clauses)
        if c and tf.content_tokens(c)
    ]
    if not scored:
        return ""
    gap, _, clause = min(scored)
    return clause if gap < 1.0 else ""


_OPENING, _CLOSING = "([{（【", ")]}）】"


def _clauses_of(sentence: str) -> list[str]:
    """The sentence cut at its commas and semicolons, but not inside brackets: a hint quotes
    "mitigates first (rollback, feature flag)" whole, never "mitigates first (rollback"."""
    clauses: list[str] = []
    current: list[str] = []
    depth = 0
    for char in sentence:
        depth += (char in _OPENING) - (char in _CLOSING and depth > 0)
        if depth == 0 and char in ",;，；":
            clauses.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*clauses, "".join(current)]


def _phrase(clause: str, missing: list[str], chinese: bool, gap: str = "") -> str:
    if chinese:
        parts = [f"涉及“{clause}”"] if clause else []
        parts += [f"提到{'、'.join(missing)}"] if missing else []
        body = "，并".join(parts) or gap or "补充带有具体数据和结果的实例"
        return f"更好的回答还应{body}。"
    parts = [f'covered "{clause}"'] if clause else []
    parts += [f"mentioned {', '.join(missing)}"] if missing else []
    body = " and ".join(parts) or gap or "given a concrete example with measurable results"
    return f"A stronger answer would have {body}."


def judge_dimension(
    judge: BatchJudge, dimension: DimensionSpec, answers: list[AnswerText]
) -> DimensionResult:
    """A drop-in for scoring.score_dimension: each answer judged alone, the scores averaged.

    An empty answer counts as 0, so skipping a question lowers the dimension. Evidence is the
    judged evidence of the best answers (at most three sentences); the rationale carries the
    counterfactual of the weakest answer; scorer names every engine that produced a score
    (an LLM judge may have fallen back to the offline one for some answers).
    """
    if not any(answer.text.strip() for answer in answers):
        return score_dimension(dimension, [])
    anchors = Anchors(
        dimension.anchor_low, dimension.anchor_mid, dimension.anchor_high, tuple(dimension.keywords)
    )
    judged = judge.score_many([JudgeInput(a.question, a.text, anchors) for a in answers])
    score = round(sum(j.score for j in judged) / len(judged), 1)
    band = "high" if score >= HIGH_BAND else "mid" if score >= MID_BAND else "low"
    best_first = sorted(judged, key=lambda j: -j.score)
    evidence = [quote for j in best_first for quote in j.evidence][:MAX_EVIDENCE]
    text = " ".join(a.text for a in answers)
    found = [k for k in anchors.keywords if _uses_all(text, k)]
    return DimensionResult(
        dimension_id=dimension.id,
        score=score,
        evidence=evidence,
        matched_terms=found,
        matched_anchor=band,
        rationale=best_first[-1].counterfactual,
        scorer=",".join(sorted({j.scorer for j in judged if j.scorer})),
    )


def _uses_all(text: str, keyword: str) -> bool:
    tokens = tf.content_tokens(keyword)
    return bool(tokens) and tf.coverage(text, tokens) == 1.0
