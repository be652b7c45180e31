"""The judge's sentence embeddings: they live in hireloop/embeddings.py, shared with screening."""

from hireloop.embeddings import (
    DIMENSIONS,
    THREADS,
    Embedder,
    HashingEmbedder,
    UniversalSentenceEncoder,
    default_embedder,
)

__all__ = [
    "DIMENSIONS",
    "THREADS",
    "Embedder",
    "HashingEmbedder",
    "UniversalSentenceEncoder",
    "default_embedder",
]
