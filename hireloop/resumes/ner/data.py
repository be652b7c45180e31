"""Reading the ResumeNER BMES files and converting between tags and entity spans."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entity:
    """A typed span of text; end is exclusive, offsets count characters."""

    type: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TaggedSentence:
    chars: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.chars)


Span = tuple[str, int, int]  # (type, start, end), end exclusive


def read_bmes(path: Path) -> list[TaggedSentence]:
    """Read one character and its tag per line, sentences separated by blank lines."""
    sentences: list[TaggedSentence] = []
    chars: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if chars:
                sentences.append(TaggedSentence(tuple(chars), tuple(tags)))
            chars, tags = [], []
            continue
        char, _, tag = line.rpartition(" ")
        # A space character as the token leaves an empty `char`: keep it as a space.
        chars.append(char or " ")
        tags.append(tag)
    if chars:
        sentences.append(TaggedSentence(tuple(chars), tuple(tags)))
    return sentences


def _split_tag(tag: str) -> tuple[str, str]:
    """Split 'B-ORG' into ('B', 'ORG'); anything unrecognised is outside."""
    prefix, _, label = tag.partition("-")
    if not label or prefix not in {"B", "M", "I", "E", "S"}:
        return "O", ""
    return prefix, label


def tags_to_spans(tags: Sequence[str]) -> list[Span]:
    """Decode BMES, BIOES or BIO tags into spans, tolerating ill-formed sequences.

    A CRF can emit sequences the scheme forbids, so: an M/I/E without a matching open
    entity starts one (rather than being dropped), a type change closes the open entity,
    and an entity still open at the end of the sentence is closed there.
    """
    spans: list[Span] = []
    open_label, open_start = "", -1

    def close(end: int) -> None:
        nonlocal open_label, open_start
        if open_label:
            spans.append((open_label, open_start, end))
        open_label, open_start = "", -1

    for index, tag in enumerate(tags):
        prefix, label = _split_tag(tag)
        continues = open_label == label and prefix in {"M", "I", "E"}
        if not continues:
            close(index)
            if prefix in {"B", "M", "I", "E", "S"}:
                open_label, open_start = label, index
        if prefix in {"E", "S"}:
            close(index + 1)
    close(len(tags))
    return spans


def spans_to_tags(length: int, spans: Iterable[Span], scheme: str = "BMES") -> list[str]:
    """Encode non-overlapping spans as BMES (M inside) or BIO (I inside) tags."""
    tags = ["O"] * length
    inside = "M" if scheme == "BMES" else "I"
    for label, start, end in spans:
        if scheme == "BMES" and end - start == 1:
            tags[start] = f"S-{label}"
            continue
        tags[start] = f"B-{label}"
        for index in range(start + 1, end):
            tags[index] = f"{inside}-{label}"
        if scheme == "BMES":
            tags[end - 1] = f"E-{label}"
    return tags
