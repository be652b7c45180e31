"""Train the English resume field CRF on the training part of the DataTurks resumes.

    python scripts/train_resume_fields_en.py [--data ../shared/data/resume_ner_en/traindata.json]
                                             [--out PATH]

The 30 % held-out part (fixed seed, by document) is never used for fitting or for choosing
c1/c2: those are chosen on a validation slice of the training part, then the model is refit
on the whole training part. Deterministic. Prints one final summary line.
"""

import argparse
import multiprocessing
import random
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import pycrfsuite  # noqa: E402

from hireloop.resumes.ner.english import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    Document,
    EnglishResumeTagger,
    field_scores,
    load_documents,
    macro_f1,
    split_documents,
    token_spans,
    training_sequence,
)

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "resume_ner_en" / "traindata.json"
C1_GRID = (0.05, 0.3)
C2_GRID = (0.01, 0.1)
MAX_ITERATIONS = 150
VALIDATION_FRACTION = 0.2
VALIDATION_SEED = 7


def train_model(documents: list[Document], c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for document in documents:
        trainer.append(*training_sequence(document))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": MAX_ITERATIONS,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def held_out_macro_f1(path: Path, documents: list[Document]) -> float:
    tagger = EnglishResumeTagger.load(path)
    gold, predicted = [], []
    for document in documents:
        tokens, spans = tagger.tag_tokens(document.text)
        gold.append(token_spans(tokens, document.spans))
        predicted.append(spans)
    exact, _ = field_scores(gold, predicted)
    return macro_f1(exact)


def run_config(job: tuple[list[Document], list[Document], float, float, str]) -> float:
    fit, validation, c1, c2, folder = job
    path = Path(folder) / f"c1={c1}_c2={c2}.crfsuite"
    train_model(fit, c1, c2, path)
    return held_out_macro_f1(path, validation)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    train, held_out = split_documents(load_documents(args.data))
    order = list(range(len(train)))
    random.Random(VALIDATION_SEED).shuffle(order)
    cut = round(len(order) * (1 - VALIDATION_FRACTION))
    fit = [train[i] for i in sorted(order[:cut])]
    validation = [train[i] for i in sorted(order[cut:])]

    grid = [(c1, c2) for c1 in C1_GRID for c2 in C2_GRID]
    with tempfile.TemporaryDirectory() as folder:
        jobs = [(fit, validation, c1, c2, folder) for c1, c2 in grid]
        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            validation_f1 = pool.map(run_config, jobs)
    for (c1, c2), f1 in zip(grid, validation_f1, strict=True):
        print(f"c1={c1:<5} c2={c2:<5} validation macro F1={f1:.4f}")
    best = max(range(len(grid)), key=lambda i: validation_f1[i])
    c1, c2 = grid[best]

    args.out.parent.mkdir(parents=True, exist_ok=True)
    train_model(train, c1, c2, args.out)
    held_out_f1 = held_out_macro_f1(args.out, held_out)
    print(
        f"train_resume_fields_en: c1={c1} c2={c2} train={len(train)} docs "
        f"held-out={len(held_out)} docs macro F1={held_out_f1:.4f} model={args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
