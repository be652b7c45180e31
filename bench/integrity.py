"""False-alarm rate of the resume integrity checks on real resumes.

Usage: python bench/integrity.py [--data ../shared/data/resume_pdfs_en] [--jobs 2]
       [--engine pdfium|pdfplumber]

The sample resumes are presumed honest, so every finding on them is a false alarm (or a
real trick in a public sample, which the printed evidence lets a person judge). Prints the
share of files with each kind of finding, a few examples, and one final summary line.
"""

import argparse
import os
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hireloop.resumes.extract import ResumeUnreadable, read_resume  # noqa: E402
from hireloop.resumes.integrity import find_integrity_issues  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "resume_pdfs_en"


def findings_of(path: Path) -> tuple[str, list[tuple[str, str]]]:
    try:
        content = read_resume(path.read_bytes(), path.name)
    except ResumeUnreadable as error:
        return path.name, [("unreadable", str(error))]
    found = find_integrity_issues(content.text, content.pages)
    return path.name, [(f.kind, f"{f.detail}: {f.evidence[:80]}") for f in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    args = parser.parse_args()
    os.environ["HIRELOOP_PDF_ENGINE"] = args.engine  # read by extract.pdf_engine, also in Pool
    files = sorted(args.data.glob("*/*.pdf"))
    if not files:
        sys.exit(f"No PDFs under {args.data}")
    with Pool(args.jobs) as pool:
        results = pool.map(findings_of, files, chunksize=8)
    files_with = Counter(kind for _, found in results for kind in {k for k, _ in found})
    print(f"{len(files)} PDFs, PDF engine {args.engine}")
    for kind, count in sorted(files_with.items()):
        print(f"{kind:18} {count:4} files ({count / len(files):.1%})")
        examples = [(name, d) for name, found in results for k, d in found if k == kind][:3]
        for name, detail in examples:
            print(f"    {name}: {detail}")
    flagged = sum(1 for _, found in results if any(k != "unreadable" for k, _ in found))
    print(
        f"SUMMARY integrity engine={args.engine} files={len(files)} flagged={flagged} "
        f"({flagged / len(files):.1%})"
    )


if __name__ == "__main__":
    main()
