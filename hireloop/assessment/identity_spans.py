"""Spans of identity tokens, as the detectors of identities_en and identities_zh find them."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Span:
    """A stretch [start, end) of the text that names a person, school, employer or region."""

    start: int
    end: int
    kind: str


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def words(text: str) -> list[str]:
    return text.split()


def alternation(options: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, set(options)), key=len, reverse=True))


def finditer(pattern: re.Pattern[str], text: str, kind: str, group: int = 0) -> Iterator[Span]:
    for match in pattern.finditer(text):
        if match.group(group):
            yield Span(match.start(group), match.end(group), kind)
