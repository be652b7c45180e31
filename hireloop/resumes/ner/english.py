"""English resume field extraction: a word-level BIO CRF trained on the DataTurks resumes.

The labelled set (200 Indeed resumes, DataTurks-Engg/Entity-Recognition-In-Resumes-SpaCy) is
noisy: spans overlap, carry stray whitespace, and in a few documents their offsets are shifted
from the text they quote. load_documents() cleans them deterministically (see its docstring);
docs/resume-ner.md reports what that costs.
"""

import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from hireloop.resumes.ner.data import Entity, Span, spans_to_tags, tags_to_spans
from hireloop.resumes.ner.english_features import Token, document_features, tokenize
from hireloop.resumes.ner.evaluate import Score, score_spans

DEFAULT_MODEL_PATH = Path(__file__).with_name("resume_fields_en.crfsuite")
FIELDS = (
    "Name",
    "Email Address",
    "Designation",
    "Companies worked at",
    "Skills",
    "College Name",
    "Degree",
    "Graduation Year",
    "Location",
    "Years of Experience",
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# How far (in characters) to look for a quoted span whose offsets are shifted.
REALIGN_WINDOW = 60
SPLIT_SEED = 13
HELD_OUT_FRACTION = 0.3


@dataclass(frozen=True)
class Document:
    text: str
    spans: tuple[Span, ...]  # (field, start, end) character spans, end exclusive


# --- data -------------------------------------------------------------------------------


def _locate(content: str, quoted: str, start: int) -> int | None:
    """Start offset of quoted in content: at start if it is there, else the nearest copy."""
    if content.startswith(quoted, start):
        return start
    low = max(0, start - REALIGN_WINDOW)
    window = content[low : start + len(quoted) + REALIGN_WINDOW]
    found = [low + match.start() for match in re.finditer(re.escape(quoted), window)]
    return min(found, key=lambda offset: abs(offset - start)) if found else None


def _strip_span(content: str, start: int, end: int) -> tuple[int, int]:
    while start < end and content[start].isspace():
        start += 1
    while end > start and content[end - 1].isspace():
        end -= 1
    return start, end


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep a non-overlapping subset: earliest start first, then the longest, then by field.

    The annotators often labelled one stretch twice (a company inside a designation line,
    a skill list inside a longer one); a CRF tag sequence can hold only one of them.
    """
    ordered = sorted(set(spans), key=lambda span: (span[1], span[1] - span[2], span[0]))
    kept: list[Span] = []
    for span in ordered:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept


def parse_record(record: dict[str, Any]) -> Document:
    """One JSON line to a Document with cleaned, non-overlapping spans.

    Offsets in the source are inclusive at the end; spans whose offsets do not quote their
    own text are re-found within REALIGN_WINDOW characters or dropped; labels outside FIELDS
    (the two "UNKNOWN") are dropped.
    """
    content: str = record["content"]
    spans: list[Span] = []
    for annotation in record.get("annotation") or []:
        labels = [label for label in annotation["label"] if label in FIELDS]
        for point in annotation["points"]:
            start = _locate(content, point["text"], point["start"])
            if start is None:
                continue
            start, end = _strip_span(content, start, start + len(point["text"]))
            if end > start:
                spans.extend((label, start, end) for label in labels)
    return Document(content, tuple(resolve_overlaps(spans)))


def load_documents(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as lines:
        return [parse_record(json.loads(line)) for line in lines if line.strip()]


def split_documents(documents: Sequence[Document]) -> tuple[list[Document], list[Document]]:
    """A fixed, seeded 70/30 split by document: (train, held_out)."""
    order = list(range(len(documents)))
    random.Random(SPLIT_SEED).shuffle(order)
    cut = round(len(order) * (1 - HELD_OUT_FRACTION))
    return [documents[i] for i in sorted(order[:cut])], [documents[i] for i in sorted(order[cut:])]


# --- tokens ---------------------------------------------------------------------------------


def token_spans(tokens: Sequence[Token], spans: Iterable[Span]) -> list[Span]:
    """Character spans to token spans: every token the span touches is inside it."""
    result = []
    for label, start, end in spans:
        inside = [i for i, token in enumerate(tokens) if token.start < end and token.end > start]
        if inside:
            result.append((label, inside[0], inside[-1] + 1))
    return resolve_overlaps(result)


def training_sequence(document: Document) -> tuple[list[list[str]], list[str]]:
    tokens = tokenize(document.text)
    tags = spans_to_tags(len(tokens), token_spans(tokens, document.spans), scheme="BIO")
    return document_features(document.text, tokens), tags


# --- tagging --------------------------------------------------------------------------------


class EnglishResumeTagger:
    """Tags resume fields (FIELDS) in English resume text."""

    def __init__(self, tagger: pycrfsuite.Tagger) -> None:
        self._tagger = tagger

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> "EnglishResumeTagger":
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return cls(tagger)

    def tag_tokens(self, text: str) -> tuple[list[Token], list[Span]]:
        """Tokens of text and the predicted token spans."""
        tokens = tokenize(text)
        if not tokens:
            return tokens, []
        tags = self._tagger.tag(document_features(text, tokens))
        return tokens, add_email_addresses(tokens, tags_to_spans(tags))

    def tag(self, text: str) -> list[Entity]:
        tokens, spans = self.tag_tokens(text)
        entities = []
        for label, first, end in spans:
            start, stop = tokens[first].start, tokens[end - 1].end
            entities.append(Entity(label, text[start:stop], start, stop))
        return entities


def add_email_addresses(tokens: Sequence[Token], spans: list[Span]) -> list[Span]:
    """Tag every untagged e-mail address token as "Email Address".

    Indeed masks addresses, so the training data labels the profile link instead and holds
    only a handful of real addresses: the CRF alone seldom recognises one.
    """
    covered = {index for _, start, end in spans for index in range(start, end)}
    found = [
        ("Email Address", index, index + 1)
        for index, token in enumerate(tokens)
        if index not in covered and EMAIL.fullmatch(token.text)
    ]
    return sorted(spans + found, key=lambda span: span[1])


@cache
def default_english_tagger() -> EnglishResumeTagger:
    return EnglishResumeTagger.load()


def tag_english(text: str) -> list[Entity]:
    return default_english_tagger().tag(text)


# --- evaluation -------------------------------------------------------------------------------


def overlap_counts(
    gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]], label: str
) -> tuple[int, int, int, int]:
    """Lenient matching: (predicted that touch a same-field gold span, predicted,
    gold touched by a same-field prediction, gold)."""
    precise = predicted_total = found = gold_total = 0
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        gold_of = [span for span in gold_spans if span[0] == label]
        predicted_of = [span for span in predicted_spans if span[0] == label]
        predicted_total += len(predicted_of)
        gold_total += len(gold_of)
        precise += sum(any(_touch(p, g) for g in gold_of) for p in predicted_of)
        found += sum(any(_touch(p, g) for p in predicted_of) for g in gold_of)
    return precise, predicted_total, found, gold_total


def _touch(first: Span, second: Span) -> bool:
    return first[1] < second[2] and second[1] < first[2]


def normalise_value(value: str) -> str:
    return " ".join(value.split()).casefold()


def field_scores(
    gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]]
) -> tuple[dict[str, Score], dict[str, Score]]:
    """Per-field (exact, token-overlap) scores over aligned per-document token spans.

    Overlap scores count a prediction as correct when it shares a token with a gold span
    of the same field, and a gold span as found when some such prediction touches it;
    their Score.true_positives is the precision numerator (recall uses found / gold).
    """
    exact = score_spans(gold, predicted)
    overlap = {label: _overlap_score(gold, predicted, label) for label in sorted(FIELDS)}
    return exact, overlap


def _overlap_score(
    gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]], label: str
) -> Score:
    precise, predicted_total, found, gold_total = overlap_counts(gold, predicted, label)
    return LenientScore(precise, predicted_total, gold_total, found)


@dataclass(frozen=True)
class LenientScore(Score):
    """Precision and recall with different numerators, as overlap matching needs."""

    gold_found: int = 0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0


def macro_f1(scores: dict[str, Score]) -> float:
    """Mean F1 over the fields that occur in the gold data."""
    present = [scores[label].f1 for label in FIELDS if label in scores and scores[label].gold]
    return sum(present) / len(present) if present else 0.0
