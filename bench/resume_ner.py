"""Benchmark the shipped resume entity models on real labelled data.

    python bench/resume_ner.py [--data-zh ../shared/data/resume_ner_zh]
                               [--data-en ../shared/data/resume_ner_en/traindata.json]

Chinese: entity-level P/R/F1 (exact span and type) on ResumeNER dev.
English: per-field span F1 (exact and token-overlap) on the fixed 30 % held-out documents,
and a per-document comparison of the CRF with the rule-based parser for name and e-mail.
The last line is a one-line summary.
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from hireloop.resumes.fields import parse_resume_text  # noqa: E402
from hireloop.resumes.ner.data import read_bmes, tags_to_spans  # noqa: E402
from hireloop.resumes.ner.english import (  # noqa: E402
    Document,
    EnglishResumeTagger,
    field_scores,
    load_documents,
    macro_f1,
    normalise_value,
    split_documents,
    token_spans,
)
from hireloop.resumes.ner.evaluate import Score, format_table, score_spans  # noqa: E402
from hireloop.resumes.ner.model import ChineseResumeTagger  # noqa: E402

SHARED = REPO_ROOT.parent / "shared" / "data"
RULE_FIELDS = {"Name": "name", "Email Address": "email"}


def bench_chinese(folder: Path) -> Score:
    sentences = read_bmes(folder / "dev.char.bmes")
    tagger = ChineseResumeTagger.load()
    began = time.perf_counter()
    predicted = [tags_to_spans(tagger.tag_sequence(s.text)) for s in sentences]
    seconds = time.perf_counter() - began
    scores = score_spans([tags_to_spans(s.tags) for s in sentences], predicted)
    characters = sum(len(s.chars) for s in sentences)
    print(f"== zh: ResumeNER dev, {len(sentences)} sentences, {characters} characters")
    print(format_table(scores))
    print(f"tagging speed: {characters / seconds:,.0f} chars/s ({seconds:.2f} s)\n")
    return scores["ALL"]


def bench_english(path: Path) -> float:
    _, held_out = split_documents(load_documents(path))
    tagger = EnglishResumeTagger.load()
    gold, predicted = [], []
    began = time.perf_counter()
    for document in held_out:
        tokens, spans = tagger.tag_tokens(document.text)
        gold.append(token_spans(tokens, document.spans))
        predicted.append(spans)
    seconds = time.perf_counter() - began
    characters = sum(len(document.text) for document in held_out)
    exact, overlap = field_scores(gold, predicted)
    print(f"== en: DataTurks resumes, {len(held_out)} held-out documents (seeded 70/30 split)")
    print("exact token span:")
    print(format_table(exact, title="field"))
    print("token overlap:")
    print(format_table(overlap, title="field"))
    print(f"tagging speed: {characters / seconds:,.0f} chars/s ({seconds:.2f} s)\n")
    print("per document, first value found vs the labelled values (CRF vs rules):")
    header = f"{'field':<14} {'method':<6} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}"
    print(f"{header}   overlap {'P':>6} {'R':>6}")
    for field, attribute in RULE_FIELDS.items():
        crf = [_first_value(tagger, document.text, field) for document in held_out]
        rules = [getattr(parse_resume_text(d.text), attribute) or "" for d in held_out]
        for method, values in (("crf", crf), ("rules", rules)):
            exact_score = _document_score(held_out, field, values, _same_value)
            loose_score = _document_score(held_out, field, values, _shares_word)
            print(
                f"{field:<14} {method:<6} {exact_score.precision:6.4f} {exact_score.recall:6.4f} "
                f"{exact_score.f1:6.4f} {exact_score.predicted:5d} {exact_score.gold:5d}"
                f"   overlap {loose_score.precision:6.4f} "
                f"{loose_score.recall:6.4f}"
            )
    return macro_f1(exact)


def _first_value(tagger: EnglishResumeTagger, text: str, field: str) -> str:
    return next((entity.text for entity in tagger.tag(text) if entity.type == field), "")


def _same_value(value: str, gold: set[str]) -> bool:
    return normalise_value(value) in gold


def _shares_word(value: str, gold: set[str]) -> bool:
    words = set(normalise_value(value).split())
    return any(words & set(item.split()) for item in gold)


def _document_score(
    documents: list[Document],
    field: str,
    values: list[str],
    matches: Callable[[str, set[str]], bool],
) -> Score:
    """One value per document: correct when it matches any labelled value of the field."""
    correct = predicted = with_gold = 0
    for document, value in zip(documents, values, strict=True):
        gold = {
            normalise_value(document.text[start:end])
            for label, start, end in document.spans
            if label == field
        }
        with_gold += bool(gold)
        predicted += bool(value)
        correct += bool(value) and matches(value, gold)
    return Score(correct, predicted, with_gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-zh", type=Path, default=SHARED / "resume_ner_zh")
    parser.add_argument("--data-en", type=Path, default=SHARED / "resume_ner_en" / "traindata.json")
    args = parser.parse_args()
    zh = bench_chinese(args.data_zh)
    en_macro = bench_english(args.data_en)
    print(
        f"resume_ner: zh dev P={zh.precision:.4f} R={zh.recall:.4f} F1={zh.f1:.4f} "
        f"| en held-out macro F1={en_macro:.4f}"
    )


if __name__ == "__main__":
    main()
