"""Screening's embedding cache in the database: one encrypted row per resume text and engine."""

import base64

import numpy as np

from hireloop.candidates.models import ResumeEmbedding, ResumeFile

from .semantic import cache_key


class ResumeEmbeddingCache:
    """semantic.EmbeddingCache over ResumeEmbedding rows of the given resumes only."""

    def __init__(self, *, embedder_name: str, resumes: list[ResumeFile]) -> None:
        self.resume_of: dict[str, int] = {}
        for resume in resumes:
            self.resume_of.setdefault(cache_key(embedder_name, resume.text), resume.pk)
        self.embedded = 0  # resume texts embedded through this cache, for the log

    def load(self, keys: list[str]) -> dict[str, np.ndarray]:
        resume_ids = {self.resume_of[key] for key in keys if key in self.resume_of}
        rows = ResumeEmbedding.objects.filter(resume_id__in=resume_ids, key__in=keys)
        return {row.key: decode(row.vectors, row.dimensions) for row in rows}

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.embedded += len(vectors)
        ResumeEmbedding.objects.bulk_create(
            [
                ResumeEmbedding(
                    resume_id=self.resume_of[key],
                    key=key,
                    vectors=encode(rows),
                    dimensions=rows.shape[1],
                )
                for key, rows in vectors.items()
                if key in self.resume_of
            ],
            ignore_conflicts=True,  # another worker stored the same vectors first
            batch_size=200,
        )


def encode(rows: np.ndarray) -> str:
    return base64.b64encode(rows.astype("<f2").tobytes()).decode("ascii")


def decode(text: str, dimensions: int) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").reshape(-1, dimensions)
