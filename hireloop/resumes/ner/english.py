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
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycrfsuite

from hireloop.resumes.ner.data import Entity, Span, spans_to_tags, tags_to_spans
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
# E-mail addresses and URLs stay whole; otherwise words (with inner . ' & + # -) or one symbol.
TOKEN = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+"
    r"|\w+(?:[.'&+#/-]\w+)*"
    r"|[^\w\s]"
)
YEAR = re.compile(r"(19|20)\d\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# How far (in characters) to look for a quoted span whose offsets are shifted.
REALIGN_WINDOW = 60
SPLIT_SEED = 13
HELD_OUT_FRACTION = 0.3


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    line: int


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


# --- tokens and features ------------------------------------------------------------------


def tokenize(text: str) -> list[Token]:
    tokens = []
    line = 0
    last = 0
    for match in TOKEN.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        tokens.append(Token(match.group(), match.start(), match.end(), line))
    return tokens


@lru_cache(maxsize=65_536)  # pure, and asked five times per token (itself, 4 neighbours)
def word_shape(word: str) -> str:
    """Xxxx-style shape with runs collapsed: 'Oracle' -> 'Xx', 'B.E' -> 'X.X', '2012' -> 'd'."""
    shape = re.sub("[A-Z]", "X", word)
    shape = re.sub("[a-z]", "x", shape)
    shape = re.sub("[0-9]", "d", shape)
    return re.sub(r"(.)\1+", r"\1", shape)


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _is_header(line_tokens: Sequence[Token]) -> bool:
    """Section headings in these resumes are short upper-case lines: EDUCATION, SKILLS."""
    words = [token.text for token in line_tokens if token.text.isalpha()]
    return 0 < len(words) <= 4 and all(word.isupper() for word in words)


def _token_features(token: Token) -> list[str]:
    word = token.text
    lower = word.lower()
    return [
        f"w={lower}",
        f"shape={word_shape(word)}",
        f"suf3={lower[-3:]}",
        f"pre3={lower[:3]}",
        f"title={word.istitle()}",
        f"upper={word.isupper()}",
        f"len={_bucket(len(word), (1, 2, 4, 8))}",
        f"email={'@' in word}",
        f"year={bool(YEAR.fullmatch(word))}",
    ]


def document_features(text: str, tokens: Sequence[Token]) -> list[list[str]]:
    """Per token: its own shape, ±2 neighbours, and where it sits in its line and document."""
    by_line: dict[int, list[Token]] = {}
    positions = []  # each token's index within its line
    for token in tokens:
        line_tokens = by_line.setdefault(token.line, [])
        positions.append(len(line_tokens))
        line_tokens.append(token)
    line_order = {line: rank for rank, line in enumerate(sorted(by_line))}
    sections = _sections(by_line)
    items: list[list[str]] = []
    for index, (token, position) in enumerate(zip(tokens, positions, strict=True)):
        line_tokens = by_line[token.line]
        features = ["bias", *_token_features(token)]
        features += [
            f"line={_bucket(line_order[token.line], (0, 1, 2, 3, 5, 10, 20))}",
            f"pos_in_line={_bucket(position, (0, 1, 2, 4))}",
            f"line_len={_bucket(len(line_tokens), (1, 2, 3, 5, 8, 15))}",
            f"last_in_line={position == len(line_tokens) - 1}",
            f"doc_part={10 * token.start // max(len(text), 1)}",
            f"section={sections[token.line]}",
        ]
        features += _neighbour_features(tokens, index)
        items.append(features)
    return items


def _sections(by_line: dict[int, list[Token]]) -> dict[int, str]:
    """For each line, the heading of the section it is in (its own, if it is a heading)."""
    sections: dict[int, str] = {}
    section = "top"
    for line in sorted(by_line):
        if _is_header(by_line[line]):
            section = " ".join(t.text.lower() for t in by_line[line] if t.text.isalpha())
        sections[line] = section
    return sections


def _neighbour_features(tokens: Sequence[Token], index: int) -> list[str]:
    """Word and shape of the tokens at ±1 and ±2; the shape notes a line break between."""
    features = []
    for offset in (-2, -1, 1, 2):
        neighbour = index + offset
        if not 0 <= neighbour < len(tokens):
            features.append(f"{offset}:pad")
            continue
        other = tokens[neighbour]
        line_break = "" if other.line == tokens[index].line else "nl"
        features.append(f"{offset}:w={other.text.lower()}")
        features.append(f"{offset}:shape={word_shape(other.text)}{line_break}")
    return features


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
