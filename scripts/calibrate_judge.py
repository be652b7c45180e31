"""Refit the offline judge's calibration (hireloop/assessment/judge_calibration.json).

    python scripts/calibrate_judge.py \
        --data ../shared/data/answers_rated/mohler_cs_short_answers_dev.csv

Data: Mohler & Mihalcea's computer-science short answers (UNT), rated 0–5 by two people; the target
is score_avg x 2 (0–10) and the desired answer is the high anchor. Whole questions are held out:
every third question in id order is never seen by the fit, and the bench scores exactly those.
Method: non-negative ridge regression on the judge's features, then isotonic regression of the
target on the ridge output, kept as a monotone piecewise-linear map (one knot at the centre of
each flat isotonic block, so it has no jumps; applied with numpy.interp at run time). GroupKFold
by question over all questions is reported as a second, less noisy estimate. Needs scikit-learn
and scipy for fitting only; the judge itself does not.
"""

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.stats import pearsonr, spearmanr
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import Ridge
from sklearn.metrics import cohen_kappa_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hireloop.assessment.embedding import HashingEmbedder, UniversalSentenceEncoder  # noqa: E402
from hireloop.assessment.judge import (  # noqa: E402
    CALIBRATION_PATH,
    FEATURES,
    Anchors,
    JudgeInput,
    OfflineJudge,
)

DEFAULT_DATA = ROOT.parent / "shared/data/answers_rated/mohler_cs_short_answers_dev.csv"
RIDGE_ALPHA = 1.0
HOLDOUT_EVERY = 3  # every third question (in id order) is held out
FOLDS = 5
LABELS = list(range(11))  # every half-point bin of 0–5, present or not


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def question_order(question_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in question_id.split("."))


def held_out_questions(rows: Sequence[dict[str, str]]) -> list[str]:
    ids = sorted({row["id"] for row in rows}, key=question_order)
    return [qid for i, qid in enumerate(ids) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]


def judge_inputs(rows: Sequence[dict[str, str]]) -> list[JudgeInput]:
    return [
        JudgeInput(row["question"], row["student_answer"], Anchors("", "", row["desired_answer"]))
        for row in rows
    ]


def feature_matrix(judge: OfflineJudge, rows: Sequence[dict[str, str]]) -> np.ndarray:
    features = judge.features_many(judge_inputs(rows))
    return np.array([[f[name] for name in FEATURES] for f in features])


def fit(x: np.ndarray, y: np.ndarray) -> tuple[Ridge, np.ndarray, np.ndarray]:
    ridge = Ridge(alpha=RIDGE_ALPHA, positive=True).fit(x, y)
    iso = IsotonicRegression(y_min=0, y_max=10, out_of_bounds="clip")
    iso.fit(ridge.predict(x), y)
    knots_x, knots_y = centred_knots(iso.X_thresholds_, iso.y_thresholds_)
    return ridge, knots_x, knots_y


def centred_knots(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One knot at the middle of each flat isotonic block: a continuous, increasing map.

    Plain isotonic output is a staircase (a 1e-4 change of the linear score could jump 0.6
    points); interpolating between block centres keeps its shape without the jumps.
    """
    blocks: dict[float, list[float]] = {}
    for x, y in zip(xs, ys, strict=True):
        blocks.setdefault(float(y), []).append(float(x))
    knots = sorted((sum(v) / len(v), y) for y, v in blocks.items())
    return np.array([k[0] for k in knots]), np.array([k[1] for k in knots])


def predict(model: tuple[Ridge, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    ridge, knots_x, knots_y = model
    return np.clip(np.interp(ridge.predict(x), knots_x, knots_y), 0, 10)


def agreement(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Pearson, Spearman, quadratic weighted kappa on 0.5-point bins of the 0–5 scale, RMSE.

    The RMSE (0–10 scale) is the per-answer error the report's uncertainty band rests on
    (hireloop/assessment/report_summary.py).
    """
    bins = np.rint(np.clip(pred, 0, 10)).astype(int)
    return {
        "pearson": round(float(pearsonr(y, pred)[0]), 3),
        "spearman": round(float(spearmanr(y, pred)[0]), 3),
        "qwk": round(
            float(
                cohen_kappa_score(np.rint(y).astype(int), bins, labels=LABELS, weights="quadratic")
            ),
            3,
        ),
        "n": len(y),
        "rmse": round(float(np.sqrt(np.mean((pred - y) ** 2))), 3),
    }


def cross_validated(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    pred = np.zeros_like(y)
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        pred[test] = predict(fit(x[train], y[train]), x[test])
    return agreement(y, pred)


def calibrate(judge: OfflineJudge, rows: list[dict[str, str]], held_out: list[str]) -> dict:
    x = feature_matrix(judge, rows)
    y = np.array([2 * float(row["score_avg"]) for row in rows])
    groups = np.array([row["id"] for row in rows])
    test = np.isin(groups, held_out)
    model = fit(x[~test], y[~test])
    ridge, knots_x, knots_y = model
    return {
        "features": list(FEATURES),
        "coefficients": [round(float(c), 6) for c in ridge.coef_],
        "intercept": round(float(ridge.intercept_), 6),
        "isotonic_x": [round(float(v), 6) for v in knots_x],
        "isotonic_y": [round(float(v), 6) for v in knots_y],
        "train": {"answers": int((~test).sum()), "questions": len(set(groups[~test]))},
        "held_out": agreement(y[test], predict(model, x[test])),
        "held_out_linear_only": agreement(y[test], np.clip(ridge.predict(x[test]), 0, 10)),
        f"group_{FOLDS}_fold_cv": cross_validated(x, y, groups),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=CALIBRATION_PATH)
    args = parser.parse_args()
    rows = load_rows(args.data)
    held_out = held_out_questions(rows)
    models = {}
    for embedder in (UniversalSentenceEncoder(), HashingEmbedder()):
        models[embedder.name] = calibrate(OfflineJudge(embedder=embedder), rows, held_out)
        print(embedder.name, json.dumps(models[embedder.name]["held_out"]), file=sys.stderr)
    calibration = {
        "data": {
            "file": args.data.name,
            "source": "Mohler & Mihalcea (2009/2011), University of North Texas CS short-answer "
            "data set, assignments 1-6 (copy in Farhan-Yazdani/short-answer-grading)",
            "answers": len(rows),
            "questions": len({row["id"] for row in rows}),
            "target": "score_avg * 2 (0-10)",
            "high_anchor": "desired_answer; low and mid anchors empty (margin uses VAGUE_ANSWER)",
        },
        "split": {
            "rule": f"question ids sorted numerically; every {HOLDOUT_EVERY}rd held out",
            "held_out_questions": held_out,
        },
        "method": f"Ridge(alpha={RIDGE_ALPHA}, positive=True) on the features, then "
        "IsotonicRegression(0..10) of the target on the ridge output, reduced to one knot per "
        "flat block (its centre) so the map is continuous; fitted on the training "
        "questions only; at run time: clip(interp(intercept + coef . features, x, y), 0, 10)",
        "rmse": "root-mean-square error of the 0-10 score against score_avg * 2; held_out.rmse "
        "is the per-answer judge error sigma of the report's uncertainty band",
        "models": models,
    }
    args.out.write_text(json.dumps(calibration, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
