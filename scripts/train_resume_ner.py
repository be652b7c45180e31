"""Train the Chinese resume entity CRF on ResumeNER `train`, choosing c1/c2 on `dev`.

    python scripts/train_resume_ner.py [--data ../shared/data/resume_ner_zh] [--out PATH]

Deterministic: L-BFGS from zero weights on a fixed grid, ties broken by grid order.
Prints per-type dev scores for the chosen model and one final summary line.
"""

import argparse
import multiprocessing
import shutil
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import pycrfsuite  # noqa: E402

from hireloop.resumes.ner.data import TaggedSentence, read_bmes, tags_to_spans  # noqa: E402
from hireloop.resumes.ner.evaluate import Score, format_table, score_spans  # noqa: E402
from hireloop.resumes.ner.features import sentence_features  # noqa: E402
from hireloop.resumes.ner.model import DEFAULT_MODEL_PATH  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "resume_ner_zh"
C1_GRID = (0.02, 0.1, 0.3)
C2_GRID = (0.005, 0.05, 0.2)
MAX_ITERATIONS = 200

# Filled before the worker pool forks, so each worker shares the featurised corpus.
_TRAIN: list[tuple[list[list[str]], list[str]]] = []
_DEV: list[TaggedSentence] = []


def train_model(c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, tags in _TRAIN:
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


def evaluate_model(path: Path, sentences: list[TaggedSentence]) -> dict[str, Score]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    predicted = [tags_to_spans(tagger.tag(sentence_features(s.text))) for s in sentences]
    gold = [tags_to_spans(s.tags) for s in sentences]
    return score_spans(gold, predicted)


def run_config(args: tuple[float, float, str]) -> tuple[float, float, str, dict[str, Score]]:
    c1, c2, folder = args
    path = Path(folder) / f"c1={c1}_c2={c2}.crfsuite"
    train_model(c1, c2, path)
    return c1, c2, str(path), evaluate_model(path, _DEV)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--c1", type=float, help="skip the grid: train with this c1 (and --c2)")
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    train = read_bmes(args.data / "train.char.bmes")
    _DEV.extend(read_bmes(args.data / "dev.char.bmes"))
    _TRAIN.extend((sentence_features(s.text), list(s.tags)) for s in train)
    grid = (
        [(args.c1, args.c2)] if args.c1 is not None else [(a, b) for a in C1_GRID for b in C2_GRID]
    )

    with tempfile.TemporaryDirectory() as folder:
        jobs = [(c1, c2, folder) for c1, c2 in grid]
        context = multiprocessing.get_context("fork")
        with context.Pool(min(args.workers, len(jobs))) as pool:
            results = pool.map(run_config, jobs)
        for c1, c2, _, scores in results:
            total = scores["ALL"]
            summary = f"P={total.precision:.4f} R={total.recall:.4f} F1={total.f1:.4f}"
            print(f"c1={c1:<5} c2={c2:<6} dev {summary}")
        # max() keeps the first of equal F1s, so ties go to the earlier grid entry.
        c1, c2, best_path, scores = max(results, key=lambda result: result[3]["ALL"].f1)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(best_path, args.out)

    total = scores["ALL"]
    print(format_table(scores))
    print(
        f"train_resume_ner: zh c1={c1} c2={c2} dev P={total.precision:.4f} "
        f"R={total.recall:.4f} F1={total.f1:.4f} model={args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
