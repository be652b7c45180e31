"""Tokens and CRF features of English resume text (used by hireloop.resumes.ner.english).

Per token: the word's own shape, ±2 neighbours, and where it sits in its line, section and
document. Skills-gazetteer, company-suffix and line-layout features were tried with issue 14
and lowered the cross-validated macro F1 in every fold (docs/resume-ner.md), so they are not
used.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# E-mail addresses and URLs stay whole; otherwise words (with inner . ' & + # -) or one symbol.
TOKEN = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+"
    r"|\w+(?:[.'&+#/-]\w+)*"
    r"|[^\w\s]"
)
YEAR = re.compile(r"(19|20)\d\d")


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
