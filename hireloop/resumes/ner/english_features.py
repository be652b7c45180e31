"""Tokens and CRF features of English resume text (used by hireloop.resumes.ner.english).

Per token: the word's own shape, ±2 neighbours, where it sits in its line and document, and
(since issue 14) what its line and the lines around it look like — a date, a trailing " -",
a heading — the kind of section it is in, and whether it is a known skill or a company
suffix (english_lexicon). docs/resume-ner.md measures what each group adds.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from hireloop.resumes.ner.english_lexicon import (
    COMPANY_SUFFIXES,
    section_kind,
    skill_marks,
)

# E-mail addresses and URLs stay whole; otherwise words (with inner . ' & + # -) or one symbol.
TOKEN = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+"
    r"|\w+(?:[.'&+#/-]\w+)*"
    r"|[^\w\s]"
)
YEAR = re.compile(r"(19|20)\d\d")
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
DATE_RANGE = re.compile(r"\b(?:19|20)\d\d\b.{0,12}\b(?:to|till|present|current|(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    line: int


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


@dataclass(frozen=True)
class LineFacts:
    """What a line looks like as a whole, for its tokens and its neighbours' tokens."""

    header: bool
    dated: bool  # a year range or month + year: the line of a job's or a degree's dates
    dash_end: bool  # "Oracle Corporation -": Indeed's employer lines end with " -"
    commas: str
    section: str  # the kind of section (experience, education, skills, ...) it is in
    since_header: str  # how many lines below its section's heading


def _line_facts(text: str, by_line: dict[int, list[Token]]) -> dict[int, LineFacts]:
    facts: dict[int, LineFacts] = {}
    section, since = "top", 0
    for line in sorted(by_line):
        tokens = by_line[line]
        raw = text[tokens[0].start : tokens[-1].end]
        header = _is_header(tokens)
        if header:
            section, since = section_kind(raw), 0
        else:
            since += 1
        dated = bool(DATE_RANGE.search(raw) or (MONTH.search(raw) and YEAR.search(raw)))
        facts[line] = LineFacts(
            header=header,
            dated=dated,
            dash_end=tokens[-1].text in "-–|" and len(tokens) > 1,
            commas=_bucket(raw.count(","), (0, 1, 3)),
            section=section,
            since_header=_bucket(since, (0, 1, 2, 4, 8)),
        )
    return facts


def _line_features(facts: dict[int, LineFacts], order: list[int], rank: int) -> list[str]:
    own = facts[order[rank]]
    features = [
        f"sec_kind={own.section}",
        f"since_head={own.since_header}",
        f"dated={own.dated}",
        f"dash_end={own.dash_end}",
        f"commas={own.commas}",
    ]
    for offset in (-1, 1):
        near = rank + offset
        if 0 <= near < len(order):
            other = facts[order[near]]
            features += [f"{offset}L:dated={other.dated}", f"{offset}L:head={other.header}"]
    return features


def document_features(text: str, tokens: Sequence[Token]) -> list[list[str]]:
    """Per token: its own shape, ±2 neighbours, and where it sits in its line and document."""
    by_line: dict[int, list[Token]] = {}
    positions = []  # each token's index within its line
    for token in tokens:
        line_tokens = by_line.setdefault(token.line, [])
        positions.append(len(line_tokens))
        line_tokens.append(token)
    order = sorted(by_line)
    line_order = {line: rank for rank, line in enumerate(order)}
    sections = _sections(by_line)
    facts = _line_facts(text, by_line)
    line_features = {line: _line_features(facts, order, rank) for rank, line in enumerate(order)}
    skills = skill_marks([token.text for token in tokens])
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
            f"skill={skills[index]}",
            f"co_suffix={token.text.lower().strip('.') in COMPANY_SUFFIXES}",
            f"first_word={line_tokens[0].text.lower()}",
            *line_features[token.line],
        ]
        features += _neighbour_features(tokens, index, skills)
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


def _neighbour_features(tokens: Sequence[Token], index: int, skills: Sequence[str]) -> list[str]:
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
        if abs(offset) == 1:
            features.append(f"{offset}:skill={skills[neighbour]}")
            suffix = other.text.lower().strip(".") in COMPANY_SUFFIXES
            features.append(f"{offset}:co_suffix={suffix}")
    return features
