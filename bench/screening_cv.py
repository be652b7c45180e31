"""Cross-validated ranking quality of screening against BM25 (bench/screening.py --part cv).

Every resume's parts (keyword coverage, hidden keywords, requirement checks, semantic score)
depend only on that resume and the job (docs/screening.md, "Stable scores"), so they are
computed once per job × resume, and any pool of resumes is ranked by recombining them.

Cross-validation over categories × resumes: for each seed, the categories are shuffled into
two folds and each category's resumes into two halves. A *part* is (the jobs of one fold of
categories, a pool made of one half of every category's resumes). The blend's constants
(Blend: semantic share, hidden-keyword weight, keyword full marks) are chosen on one part and
reported on the part of the other fold and the other half, so the held-out figure ranks
resumes and jobs that chose nothing; BM25 (rank-bm25 BM25Okapi, IDF over the pool) ranks the
same pools. Both directions of both pairings run per seed (4 folds).
"""

import math
import random
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import product

import numpy as np

from hireloop.screening.pipeline import (
    DEFAULT_BLEND,
    Blend,
    JobSpec,
    ResumeInput,
    final_score,
    keyword_part,
    lexical_score,
    stage_one,
)

K = 10
_WORD = re.compile(r"[a-z0-9]+")
# The candidates the cross-validation chooses from: few, and each a plain choice.
SEMANTIC_SHARES = (0.0, 0.1, 0.2, 0.3)
INDICATOR_WEIGHTS = (0.0, 0.15)
KEYWORD_FULL_MARKS = (0.5, 1.0)


def candidate_blends() -> list[Blend]:
    return [
        replace(DEFAULT_BLEND, semantic_share=s, indicators=i, keyword_full_marks=f)
        for s, i, f in product(SEMANTIC_SHARES, INDICATOR_WEIGHTS, KEYWORD_FULL_MARKS)
    ]


@dataclass
class JobParts:
    """The per-resume parts of one job, in the order of the resumes."""

    coverage: np.ndarray
    others: list[dict[str, float]]  # requirement and hidden-keyword parts, when used
    passes: np.ndarray
    semantic: np.ndarray | None  # 0-100 per resume, None without an embedder


def job_parts(spec: JobSpec, resumes: list[ResumeInput], semantic: np.ndarray | None) -> JobParts:
    first = stage_one(spec, resumes)
    return JobParts(
        coverage=np.array([item.coverage for item in first]),
        others=[{k: v for k, v in item.parts.items() if k != "keywords"} for item in first],
        passes=np.array([int(item.match.passes_filters) for item in first]),
        semantic=semantic,
    )


def rank_pool(parts: JobParts, pool: Sequence[int], blend: Blend, top_n: int) -> list[int]:
    """The pool's resumes (indices) best first, as screen() orders them with this blend."""
    lexical = {
        i: lexical_score({**parts.others[i], "keywords": keyword_part(parts.coverage[i], blend)},
                         blend)
        for i in pool
    }  # fmt: skip
    # Stage 2 goes to the best top_n of stage 1, those passing the filters first (screen()).
    chosen = set(sorted(pool, key=lambda i: (-parts.passes[i], -lexical[i], i))[:top_n])
    use_semantic = parts.semantic is not None and blend.semantic_share > 0
    scores = {
        i: final_score(
            lexical[i],
            float(parts.semantic[i]) if use_semantic and i in chosen else None,  # type: ignore[index]
            blend,
        )
        for i in pool
    }
    return sorted(pool, key=lambda i: (-scores[i], i))


def bm25_orders(
    specs: dict[str, JobSpec], texts: list[str], pool: Sequence[int]
) -> dict[str, list[int]]:
    """rank-bm25's BM25Okapi over the pool (its IDF from the pool), query = the job's text."""
    from rank_bm25 import BM25Okapi
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    def tokens(text: str) -> list[str]:
        return [w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]

    index = BM25Okapi([tokens(texts[i]) for i in pool])
    return {
        name: [pool[j] for j in np.argsort(-index.get_scores(tokens(spec.text())), kind="stable")]
        for name, spec in specs.items()
    }


def ndcg(order: Sequence[int], categories: list[str], category: str) -> tuple[float, float]:
    """(P@10, NDCG@10) of an order of resume indices; relevant = the job's category."""
    relevant = [categories[i] == category for i in order[:K]]
    total = sum(categories[i] == category for i in order)
    dcg = sum(1 / math.log2(rank + 2) for rank, hit in enumerate(relevant) if hit)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(K, total)))
    return sum(relevant) / K, dcg / ideal if ideal else 0.0


def mean_ndcg(
    parts: dict[str, JobParts], jobs: list[str], pool: list[int], blend: Blend,
    categories: list[str], top_n: int,
) -> float:  # fmt: skip
    return statistics.mean(
        ndcg(rank_pool(parts[name], pool, blend, top_n), categories, name)[1] for name in jobs
    )


@dataclass
class FoldResult:
    seed: int
    blend: Blend
    train: float
    train_bm25: float
    test: float
    test_bm25: float
    test_lexical: float  # stage 1 alone, with the chosen blend's lexical constants
    per_category: dict[str, float]  # held-out NDCG@10 difference against BM25


def cross_validate(
    specs: dict[str, JobSpec], texts: list[str], categories: list[str],
    parts: dict[str, JobParts], *, seeds: int, top_n: int,
) -> list[FoldResult]:  # fmt: skip
    blends = candidate_blends()
    results = []
    for seed in range(seeds):
        rng = random.Random(seed)
        names = sorted(specs)
        rng.shuffle(names)
        folds = [sorted(names[::2]), sorted(names[1::2])]
        halves: list[list[int]] = [[], []]
        for category in sorted(set(categories)):
            members = [i for i, c in enumerate(categories) if c == category]
            rng.shuffle(members)
            halves[0] += members[::2]
            halves[1] += members[1::2]
        for fold, half in product((0, 1), (0, 1)):
            train_pool, test_pool = sorted(halves[half]), sorted(halves[1 - half])
            # A job whose category has no resume in the pool cannot score (a category of one
            # resume in a smaller --data folder): it is left out, as from the means of (b).
            train_jobs = _jobs_with_resumes(folds[fold], train_pool, categories)
            test_jobs = _jobs_with_resumes(folds[1 - fold], test_pool, categories)
            if not train_jobs or not test_jobs:
                continue
            scored = [
                (mean_ndcg(parts, train_jobs, train_pool, b, categories, top_n), b) for b in blends
            ]
            train, chosen = max(scored, key=lambda pair: pair[0])
            bm25_train = bm25_orders({n: specs[n] for n in train_jobs}, texts, train_pool)
            bm25_test = bm25_orders({n: specs[n] for n in test_jobs}, texts, test_pool)
            lexical_only = replace(chosen, semantic_share=0.0)
            per_category, tests, lexicals, baselines = {}, [], [], []
            for name in test_jobs:
                ours = ndcg(rank_pool(parts[name], test_pool, chosen, top_n), categories, name)[1]
                lexical = ndcg(
                    rank_pool(parts[name], test_pool, lexical_only, top_n), categories, name
                )[1]
                base = ndcg(bm25_test[name], categories, name)[1]
                per_category[name] = ours - base
                tests.append(ours)
                lexicals.append(lexical)
                baselines.append(base)
            results.append(
                FoldResult(
                    seed=seed,
                    blend=chosen,
                    train=train,
                    train_bm25=statistics.mean(
                        ndcg(bm25_train[n], categories, n)[1] for n in train_jobs
                    ),
                    test=statistics.mean(tests),
                    test_bm25=statistics.mean(baselines),
                    test_lexical=statistics.mean(lexicals),
                    per_category=per_category,
                )
            )
    return results


def _jobs_with_resumes(jobs: list[str], pool: list[int], categories: list[str]) -> list[str]:
    present = {categories[i] for i in pool}
    return [name for name in jobs if name in present]


def bootstrap_interval(
    differences: Sequence[float], *, rounds: int = 10_000, seed: int = 0
) -> tuple[float, float]:
    """95% percentile bootstrap interval of the mean of differences (resampled with
    replacement, e.g. over categories)."""
    values = np.asarray(differences, dtype=float)
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(rounds, len(values)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def wins_and_losses(differences: dict[str, float], tie: float = 0.01) -> tuple[int, int, int]:
    """(wins, ties, losses) of per-category differences; within ±tie counts as a tie."""
    wins = sum(d > tie for d in differences.values())
    losses = sum(d < -tie for d in differences.values())
    return wins, len(differences) - wins - losses, losses


def print_cross_validation(results: list[FoldResult]) -> dict[str, float]:
    print(
        "    | seed | chosen on train (semantic share, hidden kw weight, full marks) | "
        "train NDCG@10 | train BM25 | held-out NDCG@10 | held-out stage 1 | held-out BM25 |"
    )
    print("    | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        b = r.blend
        print(f"    | {r.seed} | {b.semantic_share}, {b.indicators}, {b.keyword_full_marks} | "
              f"{r.train:.3f} | {r.train_bm25:.3f} | {r.test:.3f} | {r.test_lexical:.3f} | "
              f"{r.test_bm25:.3f} |")  # fmt: skip
    by_category: dict[str, list[float]] = {}
    for r in results:
        for name, diff in r.per_category.items():
            by_category.setdefault(name, []).append(diff)
    category_means = {name: statistics.mean(v) for name, v in sorted(by_category.items())}
    print("    held-out difference against BM25, per category (mean over its test folds):")
    for name, diff in category_means.items():
        print(f"      {name}: {diff:+.3f}")
    wins, ties, losses = wins_and_losses(category_means)
    low, high = bootstrap_interval(list(category_means.values()))
    summary = {
        "cv_folds": len(results),
        "cv_train": statistics.mean(r.train for r in results),
        "cv_train_bm25": statistics.mean(r.train_bm25 for r in results),
        "cv_test": statistics.mean(r.test for r in results),
        "cv_test_lexical": statistics.mean(r.test_lexical for r in results),
        "cv_test_bm25": statistics.mean(r.test_bm25 for r in results),
        "cv_wins": wins,
        "cv_ties": ties,
        "cv_losses": losses,
        "cv_diff_low": low,
        "cv_diff_high": high,
    }
    print(f"    held-out mean NDCG@10 {summary['cv_test']:.3f} (stage 1 alone "
          f"{summary['cv_test_lexical']:.3f}) vs BM25 {summary['cv_test_bm25']:.3f}: "
          f"difference {summary['cv_test'] - summary['cv_test_bm25']:+.3f}, 95% bootstrap "
          f"interval over categories [{low:+.3f}, {high:+.3f}]; categories won {wins}, "
          f"level (±0.01) {ties}, lost {losses}")  # fmt: skip
    return summary
