"""The offline judge's fitted model: quality from rated answers, levels from the ladder set.

Fitted by scripts/calibrate_judge.py into judge_calibration.json; applied here with numpy
only (method and figures in docs/scoring.md).
"""

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CALIBRATION_PATH = Path(__file__).with_name("judge_calibration.json")


@dataclass(frozen=True)
class Levels:
    """How likely the answer is off-topic, vague, adequate or strong (a multinomial logistic
    model on standardised FEATURES), and the 0–10 band each level's answers belong in."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[tuple[float, ...], ...]  # one row per level
    intercepts: tuple[float, ...]
    band_low: tuple[float, ...]
    band_high: tuple[float, ...]

    def probabilities(self, values: dict[str, float]) -> np.ndarray:
        x = (np.array([values[name] for name in self.features]) - self.mean) / self.scale
        logits = np.array(self.coefficients) @ x + np.array(self.intercepts)
        weights = np.exp(logits - logits.max())
        return np.asarray(weights / weights.sum())


@dataclass(frozen=True)
class Calibration:
    """Quality: a linear combination of features, then a monotone piecewise-linear map to 0–10
    (fitted on human-rated answers). With levels, the score is each level's band entered at
    the quality's height, weighted by the level's probability: the level sets the range
    (off-topic 0.5–2.5 … strong 8.5–10), the quality the place inside it."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    knots_x: tuple[float, ...] = ()
    knots_y: tuple[float, ...] = ()
    levels: Levels | None = None

    def quality(self, values: dict[str, float]) -> float:
        raw = self.intercept + sum(
            c * values[name] for name, c in zip(self.features, self.coefficients, strict=True)
        )
        if self.knots_x:
            raw = float(np.interp(raw, self.knots_x, self.knots_y))
        return min(10.0, max(0.0, raw))

    def apply(self, values: dict[str, float]) -> float:
        quality = self.quality(values)
        if self.levels is not None:
            low, high = np.array(self.levels.band_low), np.array(self.levels.band_high)
            place = low + (high - low) * quality / 10
            quality = float(self.levels.probabilities(values) @ place)
        return round(min(10.0, max(0.0, quality)), 2)


def load_calibration(embedder_name: str, path: Path = CALIBRATION_PATH) -> Calibration:
    """The fitted model for this embedder (features from different embedders differ in scale)."""
    model = json.loads(path.read_text(encoding="utf-8"))["models"][embedder_name]
    levels = model.get("levels")
    return Calibration(
        features=tuple(model["features"]),
        coefficients=tuple(model["coefficients"]),
        intercept=float(model["intercept"]),
        knots_x=tuple(model.get("isotonic_x", ())),
        knots_y=tuple(model.get("isotonic_y", ())),
        levels=_levels(levels) if levels else None,
    )


def _levels(model: dict) -> Levels:
    return Levels(
        features=tuple(model["features"]),
        mean=tuple(model["mean"]),
        scale=tuple(model["scale"]),
        coefficients=tuple(tuple(row) for row in model["coefficients"]),
        intercepts=tuple(model["intercepts"]),
        band_low=tuple(model["band_low"]),
        band_high=tuple(model["band_high"]),
    )
