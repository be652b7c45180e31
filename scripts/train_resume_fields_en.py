"""Cross-validate and train the English resume field CRF on the labelled DataTurks resumes.

    python scripts/train_resume_fields_en.py [--data ../shared/data/resume_ner_en/traindata.json]
                                             [--out PATH] [--folds 5] [--workers 2]
                                             [--c1 C1 --c2 C2]

Without --c1/--c2: k-fold cross-validation by document (seeded). Inside each training fold
c1/c2 are chosen from a 2 x 2 grid on a seeded 20 % validation slice of that fold, the model
is refit on the whole training fold and scored on the held-out fold (exact token-span F1 per
field). The shipped model is then trained on all documents with the c1/c2 chosen most often
across the folds (ties: the best mean validation macro F1). With --c1/--c2: only that final
training. Deterministic; prints the per-field table and one final summary line.
"""

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import pycrfsuite  # noqa: E402

from hireloop.resumes.ner.english import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    FIELDS,
    Document,
    EnglishResumeTagger,
    field_scores,
    load_documents,
    macro_f1,
    token_spans,
    training_sequence,
)

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "resume_ner_en" / "traindata.json"
C1_GRID = (0.05, 0.3)
C2_GRID = (0.01, 0.1)
MAX_ITERATIONS = 100
VALIDATION_FRACTION = 0.2
VALIDATION_SEED = 7
FOLD_SEED = 13

Sequences = list[tuple[list[list[str]], list[str]]]


def train_model(sequences: Sequences, c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": MAX_ITERATIONS,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def field_f1(path: Path, documents: list[Document]) -> dict[str, float]:
    """Exact token-span F1 per field, and "macro" over the fields present."""
    tagger = EnglishResumeTagger.load(path)
    gold, predicted = [], []
    for document in documents:
        tokens, spans = tagger.tag_tokens(document.text)
        gold.append(token_spans(tokens, document.spans))
        predicted.append(spans)
    exact, _ = field_scores(gold, predicted)
    scores = {field: exact[field].f1 for field in FIELDS if field in exact}
    scores["macro"] = macro_f1(exact)
    return scores


Job = tuple[list[int], list[int], float, float, str]
_DOCUMENTS: list[Document] = []
_SEQUENCES: Sequences = []


def run_job(job: Job) -> dict[str, float]:
    """Train on the documents fit, score on evaluate (indexes into _DOCUMENTS)."""
    fit, evaluate, c1, c2, path = job
    train_model([_SEQUENCES[i] for i in fit], c1, c2, Path(path))
    return field_f1(Path(path), [_DOCUMENTS[i] for i in evaluate])


def folds(count: int, k: int) -> list[list[int]]:
    order = list(range(count))
    random.Random(FOLD_SEED).shuffle(order)
    return [sorted(order[fold::k]) for fold in range(k)]


def validation_split(indexes: list[int]) -> tuple[list[int], list[int]]:
    order = list(indexes)
    random.Random(VALIDATION_SEED).shuffle(order)
    cut = round(len(order) * (1 - VALIDATION_FRACTION))
    return sorted(order[:cut]), sorted(order[cut:])


def cross_validate(k: int, workers: int, folder: str) -> tuple[tuple[float, float], list[dict]]:
    grid = [(c1, c2) for c1 in C1_GRID for c2 in C2_GRID]
    parts = folds(len(_DOCUMENTS), k)
    inner_jobs: list[Job] = []
    for number, test in enumerate(parts):
        train = [i for i in range(len(_DOCUMENTS)) if i not in set(test)]
        fit, validation = validation_split(train)
        inner_jobs += [
            (fit, validation, c1, c2, f"{folder}/f{number}_{c1}_{c2}") for c1, c2 in grid
        ]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        inner = []
        for job, scores in zip(inner_jobs, pool.imap(run_job, inner_jobs), strict=True):
            print(f"  inner {Path(job[4]).name}: macro {scores['macro']:.4f}", flush=True)
            inner.append(scores)
        chosen, outer_jobs = [], []
        for number, test in enumerate(parts):
            scores = inner[number * len(grid) : (number + 1) * len(grid)]
            best = max(range(len(grid)), key=lambda i: scores[i]["macro"])
            chosen.append((grid[best], scores[best]["macro"]))
            print(f"fold {number}: validation macro " + " ".join(
                f"{c1}/{c2}={s['macro']:.4f}" for (c1, c2), s in zip(grid, scores, strict=True)
            ) + f" -> c1={grid[best][0]} c2={grid[best][1]}")  # fmt: skip
            train = [i for i in range(len(_DOCUMENTS)) if i not in set(test)]
            outer_jobs.append((train, test, *grid[best], f"{folder}/outer{number}"))
        outer = pool.map(run_job, outer_jobs)
    votes = Counter(point for point, _ in chosen)
    mean_validation = {
        point: statistics.mean(s["macro"] for (p, s) in zip(
            [g for _ in parts for g in grid], inner, strict=True) if p == point)
        for point in grid
    }  # fmt: skip
    final = max(grid, key=lambda point: (votes[point], mean_validation[point]))
    return final, outer


def print_table(outer: list[dict[str, float]]) -> dict[str, float]:
    means = {}
    print(f"{'field':<22} " + " ".join(f"fold{n}" for n in range(len(outer))) + "   mean")
    for field in (*FIELDS, "macro"):
        values = [scores.get(field, 0.0) for scores in outer]
        means[field] = statistics.mean(values)
        print(f"{field:<22} " + " ".join(f"{v:.3f}" for v in values) + f"  {means[field]:.4f}")
    return means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--c1", type=float)
    parser.add_argument("--c2", type=float)
    args = parser.parse_args()

    _DOCUMENTS[:] = load_documents(args.data)
    _SEQUENCES[:] = [training_sequence(document) for document in _DOCUMENTS]
    summary = ""
    if args.c1 is None or args.c2 is None:
        with tempfile.TemporaryDirectory() as folder:
            (c1, c2), outer = cross_validate(args.folds, args.workers, folder)
        means = print_table(outer)
        summary = (
            f" cv_folds={args.folds} cv_macro_F1={means['macro']:.4f} "
            f"cv_Skills_F1={means['Skills']:.4f} "
            f"cv_Companies_F1={means['Companies worked at']:.4f} "
            f"cv_Name_F1={means['Name']:.4f}"
        )
    else:
        c1, c2 = args.c1, args.c2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    train_model(_SEQUENCES, c1, c2, args.out)
    print(
        f"SUMMARY train_resume_fields_en c1={c1} c2={c2} docs={len(_DOCUMENTS)}{summary} "
        f"model={args.out.name} bytes={args.out.stat().st_size}"
    )


if __name__ == "__main__":
    main()
