"""Follow-ups that name what the candidate said, in the candidate's language."""

import re

import pytest

from hireloop.assessment.feedback import QuickFeedback
from hireloop.assessment.follow_ups import (
    MAX_QUOTE_CHARS_ZH,
    MAX_QUOTE_WORDS_EN,
    follow_up_question,
    quoted_phrase,
)
from hireloop.interviews.enums import FollowUpReason

from .remark_set import load_remark_set

ZH_STORY = (
    "去年我们做了一次大版本发布。上线后接口延迟升高，我先看了监控，然后回滚了发布，"
    "最后把慢查询改成了批量读取。"
)
EN_STORY = (
    "Last year we shipped a big release. After it went out the latency rose, so I checked the "
    "dashboards, rolled back, and then I rewrote the slow query as a batch read."
)


def test_a_missing_result_is_asked_about_the_last_thing_that_happened() -> None:
    zh = follow_up_question(ZH_STORY, FollowUpReason.NO_RESULT, "zh-hans")
    en = follow_up_question(EN_STORY, FollowUpReason.NO_RESULT, "en")
    assert zh.startswith("您提到") and "把慢查询改成了批量读取" in zh
    assert en.startswith("You mentioned that you rewrote the slow query as a batch read")


def test_the_quote_is_in_the_second_person_and_chinese_says_nin() -> None:
    phrase = quoted_phrase(
        "我先看了监控，然后我回滚了那次发布。", FollowUpReason.NO_RESULT, "zh-hans"
    )
    assert "我" not in phrase and "您" in phrase
    english = quoted_phrase(
        "I think our team always checks my dashboards first.", FollowUpReason.NO_EXAMPLE, "en"
    )
    assert not re.search(r"\b(?:I|my|our|we)\b", english)


def test_contact_details_are_masked_before_they_are_quoted() -> None:
    answer = (
        "我把客户的邮箱 zhang.wei@example.com 和手机号 13812345678 都记在了工单里，"
        "然后联系了技术同事排查。"
    )
    question = follow_up_question(answer, FollowUpReason.NO_RESULT, "zh-hans")
    assert "zhang.wei@example.com" not in question and "13812345678" not in question


def test_an_answer_with_nothing_fit_to_quote_gets_no_quoting_question() -> None:
    assert follow_up_question("好的。", FollowUpReason.NO_EXAMPLE, "zh-hans") == ""
    assert follow_up_question("OK.", FollowUpReason.NO_EXAMPLE, "en") == ""


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_follow_up_on_the_labelled_set_quotes_the_answer_and_is_one_question(
    language: str,
) -> None:
    feedback = QuickFeedback()
    asked = 0
    for row in load_remark_set():
        if row.language != language:
            continue
        result = feedback.feedback(
            question=row.question, answer=row.answer, anchor_high=row.anchor_high, language=language
        )
        if not result.follow_up:
            continue
        asked += 1
        text = result.follow_up
        chinese = language.startswith("zh")
        assert text.startswith("您提到" if chinese else "You mentioned"), text
        assert text.endswith("？" if chinese else "?") and "你" not in text
        phrase = quoted_phrase(row.answer, result.reason, language)
        assert phrase and phrase in text
        if chinese:
            assert len(phrase) <= MAX_QUOTE_CHARS_ZH + 2  # 我们 → 您的团队
            assert phrase.replace("您的团队", "我们").replace("您", "我")[:4] in row.answer
        else:
            assert len(phrase.strip("“”").split()) <= MAX_QUOTE_WORDS_EN + 2  # "that you"
        assert text.count("(") == text.count(")") and text.count("“") == text.count("”")
    assert asked >= 30
