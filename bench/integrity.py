"""False-alarm rate of the resume integrity checks on real resumes.

Usage: python bench/integrity.py [--data ../shared/data/resume_pdfs_en] [--jobs 2]
       [--engine pdfium|pdfplumber] [--cost N]

The sample resumes are presumed honest, so every finding on them is a false alarm (or a
real trick in a public sample, which the printed evidence lets a person judge). Prints the
share of files with each kind of finding, a few examples, and one final summary line.

--cost N instead times reading plus the integrity checks of every N-th file in this one
process, with and without the rendered-page check (pdf_render), and counts the pages
rendered: what deciding visibility by rendering costs per real resume.
"""

import argparse
import os
import sys
import time
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
    parser.add_argument("--cost", type=int, default=0, metavar="N")
    args = parser.parse_args()
    os.environ["HIRELOOP_PDF_ENGINE"] = args.engine  # read by extract.pdf_engine, also in Pool
    files = sorted(args.data.glob("*/*.pdf"))
    if not files:
        sys.exit(f"No PDFs under {args.data}")
    if args.cost:
        measure_cost(files[:: args.cost])
        return
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


def measure_cost(files: list[Path]) -> None:
    """CPU ms per file with and without rendering, alternating to share the machine's moods."""
    from hireloop.resumes import pdf_layout

    rendering = pdf_layout.unseen_glyphs
    pages = rendered = 0

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal rendered
        rendered += 1
        return rendering(*args, **kwargs)

    totals = {"with rendering": 0.0, "without": 0.0}
    datas = [path.read_bytes() for path in files]
    for data in datas:
        findings_of_bytes(data)  # warm up caches and imports
    for data in datas:
        for label, check in (("with rendering", counting), ("without", None)):
            pdf_layout.unseen_glyphs = check or (lambda *args, **kwargs: frozenset())  # type: ignore[assignment]
            start = time.process_time()
            read = findings_of_bytes(data)
            totals[label] += time.process_time() - start
        pages += read
    pdf_layout.unseen_glyphs = rendering
    with_, without = (1000 * totals[k] / len(datas) for k in ("with rendering", "without"))
    print(
        f"{len(datas)} PDFs, {pages} pages, {rendered} rendered ({rendered / max(pages, 1):.0%}): "
        f"{with_:.1f} CPU ms per file with rendering, {without:.1f} without "
        f"(+{with_ - without:.1f} ms, +{(with_ - without) / without:.0%})"
    )


def findings_of_bytes(data: bytes) -> int:
    """Read one PDF and run the integrity checks; the number of pages."""
    try:
        content = read_resume(data, "resume.pdf")
    except ResumeUnreadable:
        return 0
    find_integrity_issues(content.text, content.pages)
    return len(content.pages)


if __name__ == "__main__":
    main()
