"""The search tokeniser: what a person is found by, and what a query asks for (no database)."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from hireloop.candidates.enums import TermKind
from hireloop.candidates.search_terms import (
    Term,
    name_terms,
    person_terms,
    query_clauses,
    sort_key,
    spellings,
)
from hireloop.privacy.masking import mask_phone, normalise_phone

# Characters common in Chinese names (surnames and given names), pinyin known to pypinyin.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭" + (
    "曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂红梅华建国志文玉兵海峰鹏晨宇浩然欣怡子涵雨轩"
)
LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(
    str.capitalize
)
CHINESE_NAME = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(list(SURNAMES) + ["欧阳", "司马", "诸葛"]),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
LATIN_NAME = st.lists(LATIN_WORD, min_size=1, max_size=3).map(" ".join)
ANY_NAME = st.one_of(CHINESE_NAME, LATIN_NAME)
MOBILE = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
FAST = settings(max_examples=150, deadline=None)


def finds(query: str, name: str = "", email: str = "", phone: str = "") -> bool:
    """Whether a search for ``query`` finds the person (what the SQL of candidates.search
    computes: every term of at least one clause is held)."""
    held = person_terms(name=name, email=email, phone=phone)
    return any(clause <= held for clause in query_clauses(query))


@FAST
@given(name=ANY_NAME)
def test_a_person_is_found_by_their_whole_name_and_each_word_of_it(name: str) -> None:
    assert finds(name, name=name)
    for word in name.split():
        assert finds(word, name=name)
        assert finds(word.upper(), name=name)


@FAST
@given(
    surname=st.sampled_from(SURNAMES), given_name=st.text(alphabet=GIVEN, min_size=2, max_size=2)
)
def test_a_chinese_name_is_found_by_surname_given_name_grams_and_pinyin(
    surname: str, given_name: str
) -> None:
    name = surname + given_name
    for query in (surname, given_name, name[:2], f"{surname} {given_name}"):
        assert finds(query, name=name), query
    family = spellings(surname)[0]
    first = spellings(given_name)[0]
    for query in (
        f"{family}{first}",  # zhanghongmei
        f"{family} {first}",  # zhang hongmei
        f"{first.capitalize()} {family.capitalize()}",  # Hongmei Zhang
        first,  # hongmei
        " ".join(spellings(char)[0] for char in name),  # zhang hong mei
    ):
        assert finds(query, name=name), query


def test_the_examples_people_type() -> None:
    assert finds("张红梅", name="张红梅") and finds("红梅", name="张红梅")
    assert finds("Zhang Hongmei", name="张红梅") and finds("hongmei", name="张红梅")
    assert finds("zeng guofan", name="曾国藩")  # 曾 read as a surname
    assert finds("ouyang", name="欧阳娜娜") and finds("娜娜", name="欧阳娜娜")
    assert finds("lü bu", name="吕布") and finds("lvbu", name="吕布") and finds("lubu", name="吕布")
    assert finds("阿依古丽", name="阿依古丽·买买提") and finds("maimaiti", name="阿依古丽·买买提")
    assert finds("obrien", name="Seán O'Brien") and finds("SEAN", name="Seán O'Brien")
    assert finds("ＡＬＩＣＥ", name="Alice Smith")  # full-width letters of an input method


@FAST
@given(name=CHINESE_NAME, other=CHINESE_NAME)
def test_a_full_name_finds_nobody_else_of_its_length(name: str, other: str) -> None:
    # (A longer name may contain it: 张伟 finds 张伟华, whose gram 张伟 it is.)
    if name != other and len(name) == len(other):
        assert not finds(name, name=other)


@FAST
@given(name=ANY_NAME, spaces=st.sampled_from(["  ", "\t", " \u3000 "]))
def test_terms_ignore_case_width_and_spacing(name: str, spaces: str) -> None:
    variant = unicodedata.normalize("NFKD", f" {name.upper()} ").replace(" ", spaces)
    assert name_terms(variant) == name_terms(name)


def test_single_characters_are_no_grams() -> None:
    # One character finds a surname or a one-character given name, never any character.
    terms = name_terms("张红梅")
    assert "梅" not in terms and "红" not in terms
    assert {"张", "红梅", "张红"} <= terms


@FAST
@given(
    number=MOBILE,
    prefix=st.sampled_from(["", "+86 ", "+86-", "0086 ", "86"]),
    separator=st.sampled_from(["", " ", "-"]),
    full_width=st.booleans(),
)
def test_a_phone_is_found_however_it_is_written(
    number: str, prefix: str, separator: str, full_width: bool
) -> None:
    written = prefix + separator.join([number[:3], number[3:7], number[7:]])
    if full_width:
        written = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in written)
    assert normalise_phone(written) == number
    # Masking and search read the number the same way (one normaliser).
    assert mask_phone(written) == mask_phone(number) == f"{number[:3]}****{number[-4:]}"
    assert finds(written, phone=number) and finds(number, phone=written)


@FAST
@given(local=st.from_regex(r"[a-z][a-z0-9.]{0,10}", fullmatch=True))
def test_an_email_is_found_whatever_its_case(local: str) -> None:
    address = f"{local}@Example.COM"
    assert finds(address.lower(), email=address)
    assert finds(f"  {address.upper()} ", email=address)
    assert not finds(local, email=address)  # a part of an address is not the address


@FAST
@given(name=ANY_NAME, email=st.emails(), phone=MOBILE)
def test_terms_are_never_empty_and_kinds_do_not_mix(name: str, email: str, phone: str) -> None:
    terms = person_terms(name=name, email=email, phone=phone)
    assert all(term.text for term in terms)
    assert Term(TermKind.PHONE, phone) in terms
    assert all("@" not in t.text for t in terms if t.kind == TermKind.NAME)
    # A name spelled like the phone number is still a name term, found only as a name.
    assert Term(TermKind.PHONE, phone) not in person_terms(name=phone)


@given(query=st.text(max_size=60))
def test_any_query_gives_well_formed_clauses(query: str) -> None:
    for clause in query_clauses(query):
        assert clause and all(term.text for term in clause)


def test_empty_and_punctuation_only_queries_look_for_nothing() -> None:
    assert query_clauses("") == query_clauses("   ") == query_clauses("·-—") == []


def test_names_sort_by_pinyin_among_latin_names() -> None:
    names = ["赵六", "Alice Smith", "张红梅", "陈晨", "Bob Li"]
    assert sorted(names, key=sort_key) == ["Alice Smith", "Bob Li", "陈晨", "张红梅", "赵六"]
