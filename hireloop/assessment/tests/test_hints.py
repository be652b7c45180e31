"""The "stronger answer" hint over every labelled answer: complete, and never asking for what
the answer already shows."""

import re

from hireloop.assessment import hints
from hireloop.assessment.judge import Anchors, JudgeInput, _counterfactual, _prepare

from .remark_set import load_remark_set

GENERIC_HIGH = {
    "zh-hans": "讲出一个具体的实例：当时的情况、自己采取的行动，以及可衡量的结果。",
    "en": "Gives a specific example: the situation, the actions taken, and a measurable result.",
}
# Terms a rubric might name; some are spelt in the answers differently ("Root-Cause",
# "LISTEN / NOTIFY", "ＳＱＬ" in full width), and each answer adds one of its own words re-spelt.
KEYWORDS = ("rollback", "root cause", "p99", "LISTEN/NOTIFY", "ＳＱＬ", "复盘", "回滚", "监控")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]{3,}")


def hint_for(row) -> str:  # type: ignore[no-untyped-def]
    own = _LATIN.findall(row.answer)
    respelt = (own[0].upper()[:2] + "-" + own[0][2:].lower(),) if own else ()
    anchors = Anchors(
        low="",
        mid="",
        high=row.anchor_high or GENERIC_HIGH[row.language],
        keywords=KEYWORDS + respelt,
    )
    prepared = _prepare(JudgeInput(row.question, row.answer, anchors), ())
    return _counterfactual(prepared, prepared.answer)


def named_terms(hint: str) -> list[str]:
    match = re.search(r"(?:mentioned |提到)(.+?)[.。]$", hint)
    return re.split(r", |、", match.group(1)) if match else []


def test_every_hint_is_one_complete_sentence() -> None:
    for row in load_remark_set():
        hint = hint_for(row)
        assert hint.endswith("。" if row.language.startswith("zh") else "."), hint
        assert hints.is_balanced(hint), hint
        quoted = re.findall(r'"([^"]+)"|“([^”]+)”', hint)
        for clause in (a or b for a, b in quoted):
            assert hints.complete_clause(clause) == clause, hint


def test_no_hint_asks_for_a_result_or_an_example_the_answer_gives() -> None:
    for row in load_remark_set():
        hint = hint_for(row)
        asked = hint.split("mentioned")[0].split("提到")[0]  # the clause, not the keywords
        if row.labels["has_result"]:
            assert not hints._ASKS_RESULT.search(asked), (row.id, hint)
        if row.labels["has_example"]:
            assert not hints._ASKS_EXAMPLE.search(asked), (row.id, hint)


def test_no_term_named_as_missing_appears_in_the_answer() -> None:
    named = 0
    for row in load_remark_set():
        for term in named_terms(hint_for(row)):
            named += 1
            assert hints.normalised(term) not in hints.normalised(row.answer), (row.id, term)
    assert named > 100  # the check ran on real hints


def test_terms_spelt_differently_count_as_mentioned() -> None:
    assert hints.is_mentioned("rollback", "We did a roll-back within minutes.")
    assert hints.is_mentioned("LISTEN/NOTIFY", "用 listen / notify 推送")
    assert hints.is_mentioned("SQL", "先看慢 ＳＱＬ")
    assert not hints.is_mentioned("rollback", "We rolled forward instead.")


def test_an_open_bracket_or_a_dangling_end_never_reaches_a_hint() -> None:
    assert hints.complete_clause("mitigates first (rollback") == ""
    assert hints.complete_clause("confirms recovery on the dashboard and") == (
        "confirms recovery on the dashboard"
    )
    assert hints.complete_clause("先回滚止损，以及") == "先回滚止损"
    assert hints.complete_clause("and offered a workable way forward") == (
        "offered a workable way forward"
    )
    assert hints.complete_clause("if it cannot be solved") == ""
