"""Compare PDF text extraction libraries on a folder of real resume PDFs.

Usage: python bench/pdf_text.py --data /work/shared/data/resume_pdfs_en [--jobs 2] [--limit N]
       [--libraries pypdf,pypdfium2,pdfplumber,pdfium-layout,pdfplumber-layout]

Files are expected as DATA/<CATEGORY>/<id>.pdf (the layout of the public resume data set,
where each resume's title is its category, e.g. ACCOUNTANT). For each library it reports
speed (total, median and worst seconds per file) and quality:

- non-empty: share of files with any text at all;
- title: share of files whose text contains every word of the folder's category name;
- words: median words per file;
- glued: share of words of 20+ letters, nearly always two words run together because the
  library dropped the space between them (real English words that long are rare);
- agree: share of a library's distinct words that pypdf also found (or, without pypdf in
  the run, at least one other library), which punishes both glued and garbled words.

"pdfium-layout" and "pdfplumber-layout" are HireLoop's own readers (what the sandbox runs):
hireloop.resumes.pdf_layout.read_pdf and the pdfplumber engine of hireloop.resumes.extract.
Both also build every character's layout for the integrity checks and leave hidden text out.

Each file is timed in the process that extracts it; with --jobs 2 the libraries share the
same contention, so their times stay comparable with each other.
"""

import argparse
import io
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GLUED_LETTERS = 20
REFERENCE = "pypdf"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pypdfium2_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfium_layout_text(data: bytes) -> str:
    from hireloop.resumes.pdf_layout import read_pdf

    return "\n".join(text for text, _ in read_pdf(data))


def pdfplumber_layout_text(data: bytes) -> str:
    from hireloop.resumes.extract import _pdfplumber_content

    return "\n".join(text for text, _ in _pdfplumber_content(data))


LIBRARIES: dict[str, Callable[[bytes], str]] = {
    "pypdf": pypdf_text,
    "pypdfium2": pypdfium2_text,
    "pdfplumber": pdfplumber_text,
    "pdfium-layout": pdfium_layout_text,
    "pdfplumber-layout": pdfplumber_layout_text,
}


@dataclass(frozen=True)
class Extraction:
    """One library's result on one file."""

    library: str
    path: str
    seconds: float
    text: str
    error: str


def extract_timed(library: str, path: str) -> Extraction:
    """Read one file with one library and time the extraction alone (not the disk read)."""
    data = Path(path).read_bytes()
    start = time.perf_counter()
    try:
        text, error = LIBRARIES[library](data), ""
    except Exception as caught:  # a bench counts failures, it does not stop on them
        text, error = "", f"{type(caught).__name__}: {caught}"
    return Extraction(library, path, time.perf_counter() - start, text, error)


def words_of(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def has_title(path: str, text: str) -> bool:
    """Whether every word of the category folder name ("BUSINESS-DEVELOPMENT") is in text."""
    title_words = words_of(Path(path).parent.name.replace("-", " "))
    found = set(words_of(text))
    return all(word in found for word in title_words)


def agreement(own: list[str], others: list[list[str]]) -> tuple[int, int]:
    """(distinct words also found by another library, distinct words)."""
    mine = set(own)
    seen_elsewhere = set().union(*map(set, others)) if others else set()
    return len(mine & seen_elsewhere), len(mine)


def run_library(library: str, paths: list[str], jobs: int) -> list[Extraction]:
    if jobs <= 1:
        return [extract_timed(library, path) for path in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(extract_timed, [library] * len(paths), paths, chunksize=4))


def summarise(library: str, results: list[Extraction], words: dict[str, list[list[str]]]) -> dict:
    times = [result.seconds for result in results]
    own_words = words[library]
    others = [REFERENCE] if REFERENCE in words else [name for name in words if name != library]
    agreed = total_distinct = 0
    for index, file_words in enumerate(own_words):
        hit, total = agreement(file_words, [words[name][index] for name in others])
        agreed, total_distinct = agreed + hit, total_distinct + total
    all_words = [word for file_words in own_words for word in file_words]
    worst = max(results, key=lambda result: result.seconds)
    return {
        "library": library,
        "total_s": sum(times),
        "median_s": statistics.median(times),
        "worst_s": worst.seconds,
        "worst_file": Path(worst.path).name,
        "errors": sum(1 for result in results if result.error),
        "non_empty": sum(1 for result in results if result.text.strip()) / len(results),
        "title": sum(has_title(r.path, r.text) for r in results) / len(results),
        "words": statistics.median(len(file_words) for file_words in own_words),
        "glued": sum(len(word) >= GLUED_LETTERS for word in all_words) / max(len(all_words), 1),
        "agree": agreed / max(total_distinct, 1),
    }


def print_table(rows: list[dict], file_count: int, jobs: int) -> None:
    print(f"{file_count} PDFs, {jobs} worker process(es)")
    header = (
        f"{'library':<17} {'total s':>8} {'median s':>9} {'worst s':>8} {'errors':>6} "
        f"{'non-empty':>9} {'title':>6} {'words':>6} {'glued':>6} {'agree':>6}  worst file"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['library']:<17} {row['total_s']:>8.1f} {row['median_s']:>9.3f} "
            f"{row['worst_s']:>8.2f} {row['errors']:>6} {row['non_empty']:>9.1%} "
            f"{row['title']:>6.1%} {row['words']:>6.0f} {row['glued']:>6.2%} "
            f"{row['agree']:>6.1%}  {row['worst_file']}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder of <category>/*.pdf")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes per library")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--libraries", default=",".join(LIBRARIES), help="comma-separated")
    args = parser.parse_args(argv)
    paths = sorted(str(path) for path in args.data.glob("*/*.pdf"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        sys.exit(f"no PDFs under {args.data}/*/")
    libraries = args.libraries.split(",")
    unknown = set(libraries) - set(LIBRARIES)
    if unknown:
        sys.exit(f"unknown libraries {sorted(unknown)}; choose from {sorted(LIBRARIES)}")
    load_before = os.getloadavg()
    results = {library: run_library(library, paths, args.jobs) for library in libraries}
    words = {library: [words_of(r.text) for r in results[library]] for library in libraries}
    rows = [summarise(library, results[library], words) for library in libraries]
    print(f"load average before: {load_before}, after: {os.getloadavg()}")
    print_table(rows, len(paths), args.jobs)
    fastest = min(rows, key=lambda row: row["total_s"])
    best = max(rows, key=lambda row: (row["agree"], -row["glued"]))
    print(
        f"SUMMARY files={len(paths)} fastest={fastest['library']} "
        f"({fastest['total_s']:.1f} s) best_quality={best['library']} "
        f"(agree {best['agree']:.1%}, glued {best['glued']:.2%})"
    )


if __name__ == "__main__":
    main()
