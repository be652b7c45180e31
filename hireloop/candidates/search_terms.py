"""The terms under which a person can be found, and the terms a search asks for.

Pure functions over plain text (no database, no key): ``person_terms`` lists what is indexed
for a candidate or an employee, ``query_clauses`` what a search box query looks for. The
search index (candidates.search, archive.search) stores a keyed hash of each term, never the
term; docs/search.md explains the scheme and what it reveals.

Names are normalised before they are cut into terms: Unicode NFKC (full-width letters and
digits become ASCII), case-folded, accents removed (José → jose, Lü → lu), apostrophes
dropped (O'Brien → obrien); every other non-letter, non-digit separates words, so spaces,
hyphens and the middle dot of transliterated names (阿依古丽·买买提) count alike.
"""

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from hireloop.privacy.masking import normalise_phone

from .enums import TermKind


@dataclass(frozen=True, order=True)
class Term:
    kind: TermKind
    text: str


# Han characters (CJK Unified Ideographs and extension A): a name written in them has no
# spaces, so it is cut into a surname, a given name and two-character grams instead.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['’`]")
# The two-character surnames common enough to matter; any other name's surname is its first
# character. Only the split of the pinyin into surname and given name depends on it: every
# two-character gram of the name is a term anyway.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "申屠",
        "太史",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "闻人",
        "呼延",
        "赫连",
    }
)
MAX_NAME_LENGTH = 100  # longer text is cut: a name, not a document
MIN_PHONE_DIGITS = 5
# A query made of these characters only, with enough digits, is a phone number.
_PHONE_QUERY = re.compile(r"[\d\s()+.\-－（）＋]+")


def normalise_text(text: str) -> str:
    """NFKC, case-folded, without accents or apostrophes (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text or "")[:MAX_NAME_LENGTH].casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", unicodedata.normalize("NFC", stripped))


def words_of(text: str) -> list[str]:
    return _WORD.findall(normalise_text(text))


def is_han(word: str) -> bool:
    return bool(word) and all(_HAN.match(char) for char in word)


def normalise_email(email: str) -> str:
    return unicodedata.normalize("NFKC", email or "").strip().casefold()


def person_terms(*, name: str, email: str = "", phone: str = "") -> frozenset[Term]:
    """Every term one person is found by: their name's terms, e-mail and phone."""
    terms = {Term(TermKind.NAME, text) for text in name_terms(name)}
    if address := normalise_email(email):
        terms.add(Term(TermKind.EMAIL, address))
    if len(digits := normalise_phone(phone)) >= MIN_PHONE_DIGITS:
        terms.add(Term(TermKind.PHONE, digits))
    return frozenset(terms)


def name_terms(name: str) -> set[str]:
    """The normalised strings a name is found by.

    - the whole name without spaces ("alicesmith", "张红梅") and each word of it;
    - a Chinese name (one word of Han characters): its surname and given name (欧阳|娜娜,
      张|红梅) and, from three characters on, each two-character gram (张红, 红梅);
    - the pinyin of every Han word, of a Chinese name's surname and given name apart and
      joined in both orders (zhang, hongmei, zhanghongmei, hongmeizhang), in each reading
      of a character with several (曾: ceng and zeng; 单: dan, chan and shan), ü written
      both as v and as u (lv, lu).
    """
    words = words_of(name)
    if not words:
        return set()
    terms = {"".join(words), *words}
    if len(words) == 1 and is_han(words[0]) and len(words[0]) >= 2:
        terms |= _chinese_name_terms(words[0])
    else:
        han = [word for word in words if is_han(word)]
        for word in han:
            terms |= _grams(word) | set(spellings(word))
        if len(han) > 1:
            terms |= set(spellings("".join(han)))
    return {variant for term in terms if term for variant in _variants(term)}


def _chinese_name_terms(name: str) -> set[str]:
    split = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    surname, given = name[:split], name[split:]
    terms = {surname, given, *_grams(name)}
    for surname_pinyin in spellings(surname):
        for given_pinyin in spellings(given):
            terms |= {surname_pinyin, given_pinyin}
            terms |= {surname_pinyin + given_pinyin, given_pinyin + surname_pinyin}
    return terms


def _grams(word: str) -> set[str]:
    # Two-character grams, the usual unit of CJK search: they give the given name of a
    # three-character name, a compound surname, and "张红" for someone unsure of the last
    # character. Single characters are not grams: too common to find anyone by.
    if len(word) < 3:
        return set()
    return {word[i : i + 2] for i in range(len(word) - 1)}


def _variants(term: str) -> set[str]:
    """ü is typed as v (pypinyin's spelling, most input methods) or as u."""
    return {term, term.replace("v", "u")} if "v" in term and term.isascii() else {term}


MAX_SPELLINGS = 8  # of one word: 朴 alone has three readings, and they multiply


@lru_cache(maxsize=4096)
def spellings(word: str) -> tuple[str, ...]:
    """The pinyin of a Han word, the most common reading first, then other readings."""
    readings = _readings_per_character(word)
    found: list[str] = [""]
    for options in readings:
        found = [head + option for head in found for option in options][:MAX_SPELLINGS]
    return tuple(spelling for spelling in found if spelling)


def _readings_per_character(word: str) -> list[tuple[str, ...]]:
    return [readings for char in word if (readings := _readings_of(char))]


@cache  # bounded by the Han characters in use: a few thousand
def _readings_of(char: str) -> tuple[str, ...]:
    # Names are read character by character: without pypinyin's phrase dictionary, which
    # would cost 45 MB more in every process (measured: 12 MB instead of 55 MB) and reads
    # words of the language rather than names.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    from pypinyin import Style, pinyin  # loads its dictionary on first use

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(dict.fromkeys(found[0])) if found else ()


def sort_key(name: str) -> str:
    """How a name sorts in a list: Chinese names by their pinyin (张红梅 as zhang hong mei,
    near "Zhang, Wei"), other names by their normalised words."""
    words = words_of(name)
    parts = [" ".join(_readings_first(word)) if is_han(word) else word for word in words]
    return " ".join(parts)


def _readings_first(word: str) -> list[str]:
    return [options[0] for options in _readings_per_character(word) if options]


def query_clauses(query: str) -> list[frozenset[Term]]:
    """What a search box query looks for: a person matches when they hold every term of at
    least one clause.

    An e-mail address (it has an @) and a phone number (digits and separators only) are looked
    up whole. Anything else is a name: its words joined ("zhang hong mei" → zhanghongmei,
    "张 红梅" → 张红梅) is one clause, and every word on its own (hongmei AND zhang) another.
    """
    text = (query or "").strip()
    if not text:
        return []
    if "@" in text:
        address = normalise_email(text)
        return [frozenset({Term(TermKind.EMAIL, address)})]
    if _PHONE_QUERY.fullmatch(unicodedata.normalize("NFKC", text)):
        digits = normalise_phone(text)
        if len(digits) >= MIN_PHONE_DIGITS:
            return [frozenset({Term(TermKind.PHONE, digits)})]
    words = words_of(text)
    if not words:
        return []
    clauses = [frozenset({Term(TermKind.NAME, "".join(words))})]
    if len(words) > 1:
        clauses.append(frozenset(Term(TermKind.NAME, word) for word in words))
    return clauses


def unique_terms(clauses: Iterable[frozenset[Term]]) -> Iterator[Term]:
    """Every term of the clauses once, in a stable order."""
    yield from sorted({term for clause in clauses for term in clause})
