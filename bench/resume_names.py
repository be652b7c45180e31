"""How often the parser's name is a plausible person name, on real PDFs and labelled resumes.

    python bench/resume_names.py [--pdfs ../shared/data/resume_pdfs_en] [--cache FILE]
                                 [--labelled ../shared/data/resume_ner_en/traindata.json]
                                 [--show N]

PDFs (public sample resumes, mostly anonymised; the first line of each is its job title or
category): for every PDF, the name that `parse_resume_text` returns. A returned value is
counted as a *title/heading/number* when it shares a word with the PDF's first line (the
title line, unless that line starts with the value itself), names the category folder, is a
common heading (resume, summary, ...) or holds a digit or "#"; every other returned value
is listed (--show) to be checked by eye. The figures: returned share, title/heading/number
share of the returned values.
Labelled resumes (DataTurks, 200 with a "Name" label): per document, the parser's name
against the labelled names, exact after white-space and case normalisation, P/R/F1; both
the rules alone (find_name) and the whole parser (rules, then the English tagger, which was
trained on these documents: that column is optimistic).
The last line is one SUMMARY line.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from hireloop.resumes.fields import find_name, parse_resume_text  # noqa: E402
from hireloop.resumes.ner.english import load_documents, normalise_value  # noqa: E402

SHARED = REPO_ROOT.parent / "shared" / "data"
HEADING = re.compile(r"\b(?:resume|curriculum|vitae|summary|profile|objective|experience|"
                     r"education|skills|contact|overview)\b", re.I)  # fmt: skip


def pdf_texts(folder: Path, cache: Path | None) -> dict[str, str]:
    """Relative path -> extracted text; unreadable PDFs give ""."""
    if cache and cache.exists():
        return dict(json.loads(cache.read_text()))
    from hireloop.resumes.extract import ResumeUnreadable, extract_text

    texts = {}
    for path in sorted(folder.glob("*/*.pdf")):
        try:
            texts[str(path.relative_to(folder))] = extract_text(path.read_bytes(), path.name)
        except ResumeUnreadable:
            texts[str(path.relative_to(folder))] = ""
    if cache:
        cache.write_text(json.dumps(texts))
    return texts


def is_title_heading_or_number(name: str, first_line: str, category: str) -> bool:
    words = set(name.casefold().split())
    # The first line is the title line, unless it is the name itself (a few PDFs keep it).
    is_name_line = normalise_value(first_line).startswith(normalise_value(name))
    title_words = set() if is_name_line else set(re.findall(r"\w+", first_line.casefold()))
    category_words = set(category.casefold().replace("-", " ").split())
    return bool(
        words & title_words
        or words & category_words
        or HEADING.search(name)
        or re.search(r"[\d#]", name)
    )


def bench_pdfs(folder: Path, cache: Path | None, show: int) -> dict[str, float]:
    texts = pdf_texts(folder, cache)
    returned, bad, plausible = [], [], []
    for key, text in sorted(texts.items()):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        name = parse_resume_text(text).name
        if not name:
            continue
        returned.append(key)
        if is_title_heading_or_number(name, lines[0], key.split("/")[0]):
            bad.append((key, name))
        else:
            plausible.append((key, name))
    readable = sum(bool(text.strip()) for text in texts.values())
    print(f"== PDFs: {len(texts)} files, {readable} with text")
    print(f"names returned: {len(returned)} ({len(returned) / max(readable, 1):.1%} of readable)")
    print(f"  title/heading/number: {len(bad)}")
    for key, name in bad:
        print(f"    {key}: {name!r}")
    print(f"  other values (check by eye), {min(show, len(plausible))} of {len(plausible)}:")
    for key, name in random.Random(0).sample(plausible, min(show, len(plausible))):
        print(f"    {key}: {name!r}")
    return {
        "pdfs": len(texts),
        "readable": readable,
        "returned": len(returned),
        "bad": len(bad),
        "bad_share": len(bad) / len(returned) if returned else 0.0,
    }


def bench_labelled(path: Path) -> dict[str, float]:
    documents = load_documents(path)
    results = {}
    print(f"\n== labelled: {path.name}, {len(documents)} documents")
    for method in ("rules", "parser"):
        correct = predicted = with_gold = 0
        for document in documents:
            gold = {
                normalise_value(document.text[start:end])
                for label, start, end in document.spans
                if label == "Name"
            }
            lines = [line.strip() for line in document.text.splitlines() if line.strip()]
            name = find_name(lines) if method == "rules" else parse_resume_text(document.text).name
            with_gold += bool(gold)
            predicted += bool(name)
            correct += bool(name) and normalise_value(name) in gold
        precision = correct / predicted if predicted else 0.0
        recall = correct / with_gold if with_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
        print(f"{method:<7} P={precision:.4f} R={recall:.4f} F1={f1:.4f} "
              f"predicted={predicted} labelled={with_gold}")  # fmt: skip
        results[method] = f1
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, default=SHARED / "resume_pdfs_en")
    parser.add_argument("--cache", type=Path, help="JSON file of extracted texts (reused)")
    parser.add_argument(
        "--labelled", type=Path, default=SHARED / "resume_ner_en" / "traindata.json"
    )
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args(argv)
    pdfs = bench_pdfs(args.pdfs, args.cache, args.show)
    labelled = bench_labelled(args.labelled)
    print(
        f"SUMMARY resume_names pdfs={pdfs['pdfs']} readable={pdfs['readable']} "
        f"returned={pdfs['returned']} title_heading_number={pdfs['bad']} "
        f"bad_share={pdfs['bad_share']:.4f} labelled_name_F1_rules={labelled['rules']:.4f} "
        f"labelled_name_F1_parser={labelled['parser']:.4f}"
    )


if __name__ == "__main__":
    main()
