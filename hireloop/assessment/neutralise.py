"""Identity tokens out of an answer before any engine measures it (B4).

The judge never needs to know who the candidate is, where they come from, where they studied or
worked. Embeddings do notice such tokens: swapping 清华大学 for a vocational college moved a
dimension score by up to 0.62 when the school stood where the old rules did not look. So every
person name, school, employer and region becomes a fixed placeholder, and he/she one form.

Each kind is found wherever it stands, by what it is rather than by the word in front of it:
- lists: first and last names, countries, provinces and cities of Faker's locale data (the
  names of public registers, shipped in a package we already use for the demo), well-known
  schools and employers;
- the shape of a name: a school's or company's suffix with the words of its name before it
  ("Hocking College", "贵阳顺达物流有限公司"), a title before a name (Dr Okafor), a possessive or
  a verb of speech after one ("Adebayo's plan", "Siobhan said");
- for Chinese, jieba's words and parts of speech and the resume entity tagger (NAME, ORG, LOC).

All detectors return spans over the original text; overlapping spans are merged (the longest
wins), then replaced from the end, so one detector never sees another's placeholder.
"""

import re
from collections.abc import Iterable, Iterator

from . import identities_en, identities_zh
from .identity_spans import Span, has_chinese

PLACEHOLDERS = {
    "person": ("the person", "某人"),
    "school": ("a college", "某学校"),
    "employer": ("a company", "某公司"),
    "region": ("a region", "某地"),
}
# When two detectors claim the same stretch, the more specific kind wins.
_KIND_ORDER = ("school", "employer", "region", "person")


def neutralise(text: str, extra_terms: tuple[str, ...] = ()) -> str:
    """Replace person names, pronouns, schools, employers and regions by fixed placeholders.

    extra_terms (e.g. the candidate's own name) are replaced as persons wherever they occur.
    """
    chinese = has_chinese(text)
    spans = list(_term_spans(text, extra_terms)) + identities_en.english_spans(text)
    if chinese:
        spans += identities_zh.chinese_spans(text)
    spans = _merge(spans)
    spans = _merge(spans + list(_names_listed_with_names(text, spans, chinese=chinese)))
    text = _replace(text, spans, chinese=chinese)
    text = _EN_PRONOUN.sub(lambda m: _EN_PRONOUNS[m.group(0).lower()], text)
    return text.replace("她", "他")


def _term_spans(text: str, terms: Iterable[str]) -> Iterator[Span]:
    for term in terms:
        if term.strip():
            for match in re.finditer(re.escape(term.strip()), text):
                yield Span(match.start(), match.end(), "person")


def _merge(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: the longest first, then the more specific kind."""
    chosen: list[Span] = []
    ranked = sorted(spans, key=lambda s: (s.start - s.end, _KIND_ORDER.index(s.kind), s.start))
    for span in ranked:
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _replace(text: str, spans: list[Span], *, chinese: bool) -> str:
    for span in reversed(spans):
        is_chinese_stretch = chinese and has_chinese(text[span.start : span.end])
        placeholder = PLACEHOLDERS[span.kind][1 if is_chinese_stretch else 0]
        text = text[: span.start] + placeholder + text[span.end :]
    return text


def _names_listed_with_names(text: str, spans: list[Span], *, chinese: bool) -> Iterator[Span]:
    """Names no list holds, found because they are listed with a name that one does."""
    for span in spans:
        if span.kind == "person":
            yield from identities_en.names_listed_after(text, span)
            if chinese:
                yield from identities_zh.names_listed_after(text, span)


# he/she -> they; him/his/her/hers all -> their (her is both object and possessive, so the three
# must share one form for a he<->she swap to leave the text identical).
_EN_PRONOUNS = {
    "he": "they",
    "she": "they",
    "him": "their",
    "his": "their",
    "her": "their",
    "hers": "their",
    "himself": "themselves",
    "herself": "themselves",
}
_EN_PRONOUN = re.compile(r"\b(?:" + "|".join(_EN_PRONOUNS) + r")\b", re.IGNORECASE)
