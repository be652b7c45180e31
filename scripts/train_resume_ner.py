"""Train the Chinese resume entity CRF: settings by cross-validation on ResumeNER `train`,
the shipped model on `train` + `dev`.

    python scripts/train_resume_ner.py [--data ../shared/data/resume_ner_zh] [--out PATH]
        [--folds 3] [--workers 2] [--cache /tmp/zhner-cache]
    python scripts/train_resume_ner.py --features seg+lat+word --c1 0.1 --c2 0.2   # no search

1. Every GRID point (feature switches, c1, c2) is scored by K-fold cross-validation on
   `train` (sentences shuffled with a fixed seed, then cut into K folds); entity F1 is pooled
   over the held-out predictions of all folds. The best point wins (ties: earlier in GRID).
2. A model with those settings trained on `train` alone is scored on `dev` (never used to
   choose anything), for a held-out figure.
3. The shipped model is trained on `train` + `dev` with the same settings.

Deterministic: fixed folds, L-BFGS from zero weights, fixed corpus order; rerunning writes a
byte-identical model. Prints the CV table, the dev table and one final summary line.
"""

import argparse
import json
import multiprocessing
import pickle
import random
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import pycrfsuite  # noqa: E402

from hireloop.resumes.ner.data import TaggedSentence, read_bmes, tags_to_spans  # noqa: E402
from hireloop.resumes.ner.evaluate import Score, format_table, score_spans  # noqa: E402
from hireloop.resumes.ner.features import (  # noqa: E402
    SHIPPED_FEATURES,
    FeatureSet,
    sentence_features,
)
from hireloop.resumes.ner.model import DEFAULT_MODEL_PATH  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "resume_ner_zh"
FEATURE_SETS = {
    "base": FeatureSet(),
    "seg+lat": FeatureSet(segmentation=True, lattice=True),
    "seg+lat+word": FeatureSet(segmentation=True, lattice=True, words=True),
}
# (features, c1, c2). The first is the 2026-12-01 model (c1/c2 then chosen on dev), as the
# baseline; then the jieba features at the same c1/c2; then c1/c2 around it.
GRID = (
    ("base", 0.1, 0.2),
    ("seg+lat", 0.1, 0.2),
    ("seg+lat+word", 0.1, 0.2),
    ("seg+lat", 0.05, 0.1),
    ("seg+lat", 0.05, 0.4),
    ("seg+lat", 0.2, 0.4),
)
MAX_ITERATIONS = 200
FOLD_SEED = 20261207

Featurised = list[tuple[list[list[str]], list[str]]]
Job = tuple[str, float, float, int]  # features, c1, c2, held-out fold

# Filled before the worker pool forks, so every worker shares the featurised corpus.
_FEATURES: dict[str, Featurised] = {}
_FOLDS: list[list[int]] = []


def featurise(
    sentences: list[TaggedSentence], name: str, cache: Path | None, split: str
) -> Featurised:
    """Feature lists for each sentence, pickled under cache (building them takes minutes)."""
    path = cache / f"{split}-{name}.pkl" if cache else None
    if path and path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache file
    featurised = [(sentence_features(s.text, FEATURE_SETS[name]), list(s.tags)) for s in sentences]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            pickle.dump(featurised, handle)
    return featurised


def make_folds(count: int, folds: int) -> list[list[int]]:
    order = list(range(count))
    random.Random(FOLD_SEED).shuffle(order)
    return [sorted(order[fold::folds]) for fold in range(folds)]


def train_model(data: Featurised, c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, tags in data:
        trainer.append(items, tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": MAX_ITERATIONS,
            # Lets the model learn that e.g. O -> E-ORG is impossible (a negative weight).
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def predict(path: Path, data: Featurised) -> list[list[tuple[str, int, int]]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [tags_to_spans(tagger.tag(items)) for items, _ in data]


def run_fold(job: Job) -> tuple[Job, list[list[tuple[str, int, int]]]]:
    """Train on all folds but one and predict the held-out one."""
    name, c1, c2, fold = job
    data = _FEATURES[name]
    held_out = set(_FOLDS[fold])
    training = [item for index, item in enumerate(data) if index not in held_out]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fold.crfsuite"
        train_model(training, c1, c2, path)
        return job, predict(path, [data[index] for index in _FOLDS[fold]])


def cross_validate(jobs: list[Job], workers: int, cache: Path | None) -> dict[Job, list]:
    """Held-out predictions per job; finished jobs are kept in cache so a rerun resumes."""
    done: dict[Job, list] = {}
    todo = []
    for job in jobs:
        path = cache / ("cv-{}-{}-{}-{}.json".format(*job)) if cache else None
        if path and path.exists():
            done[job] = [[tuple(span) for span in spans] for spans in json.loads(path.read_text())]
        else:
            todo.append(job)
    context = multiprocessing.get_context("fork")
    with context.Pool(max(1, min(workers, len(todo)))) as pool:
        for job, predicted in pool.imap_unordered(run_fold, todo):
            done[job] = predicted
            if cache:
                (cache / ("cv-{}-{}-{}-{}.json".format(*job))).write_text(json.dumps(predicted))
            print(f"  fold done: {job}", flush=True)
    return done


def cv_scores(
    point: tuple[str, float, float], results: dict[Job, list], train: list[TaggedSentence]
) -> dict[str, Score]:
    gold, predicted = [], []
    for fold, indices in enumerate(_FOLDS):
        predicted.extend(results[(*point, fold)])
        gold.extend(tags_to_spans(train[index].tags) for index in indices)
    return score_spans(gold, predicted)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--features", choices=sorted(FEATURE_SETS), help="skip the search")
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.2)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="folder for features and fold predictions")
    return parser.parse_args()


def choose_settings(
    args: argparse.Namespace, train: list[TaggedSentence]
) -> tuple[tuple[str, float, float], dict[str, Score] | None]:
    if args.features:
        return (args.features, args.c1, args.c2), None
    for name in sorted({point[0] for point in GRID}):
        _FEATURES[name] = featurise(train, name, args.cache, "train")
    _FOLDS.extend(make_folds(len(train), args.folds))
    jobs = [(*point, fold) for point in GRID for fold in range(args.folds)]
    results = cross_validate(jobs, args.workers, args.cache)
    table = {point: cv_scores(point, results, train) for point in GRID}
    print(f"\n{args.folds}-fold cross-validation on train ({len(train)} sentences), pooled:")
    for (name, c1, c2), scores in table.items():
        total = scores["ALL"]
        per_type = " ".join(f"{t}={s.f1:.4f}" for t, s in scores.items() if t != "ALL")
        print(f"{name:<13} c1={c1:<5} c2={c2:<5} F1={total.f1:.4f}  {per_type}")
    # max() keeps the first of equal F1s, so ties go to the earlier grid entry.
    best = max(GRID, key=lambda point: table[point]["ALL"].f1)
    print(format_table(table[best]))
    _FEATURES.clear()
    return best, table[best]


def main() -> None:
    args = parse_args()
    train = read_bmes(args.data / "train.char.bmes")
    dev = read_bmes(args.data / "dev.char.bmes")
    (name, c1, c2), cv = choose_settings(args, train)

    train_data = featurise(train, name, args.cache, "train")
    dev_data = featurise(dev, name, args.cache, "dev")
    with tempfile.TemporaryDirectory() as folder:
        train_only = Path(folder) / "train.crfsuite"
        train_model(train_data, c1, c2, train_only)
        dev_scores = score_spans(
            [tags_to_spans(s.tags) for s in dev], predict(train_only, dev_data)
        )
    print(f"\ntrained on train only, scored on dev ({len(dev)} sentences):")
    print(format_table(dev_scores))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    train_model(train_data + dev_data, c1, c2, args.out)
    if FEATURE_SETS[name] != SHIPPED_FEATURES:
        # The tagger builds SHIPPED_FEATURES: a model trained on others would read garbage.
        print(f"WARNING: set SHIPPED_FEATURES in features.py to {FEATURE_SETS[name]}")
    cv_f1 = f"{cv['ALL'].f1:.4f}" if cv else "-"
    print(
        f"train_resume_ner: zh features={name} c1={c1} c2={c2} cv_F1={cv_f1} "
        f"train_only_dev_F1={dev_scores['ALL'].f1:.4f} shipped=train+dev model={args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
