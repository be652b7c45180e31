"""The remark and follow-up after each answer: one useful line, at most one question."""

import pytest

from hireloop.assessment.feedback import QuickFeedback
from hireloop.interviews.feedback import feedback_engine

QUESTION = (
    "Tell us about a real situation that best shows your problem solving: what was going on, "
    "what exactly did you do, and what was the result?"
)
ZH_QUESTION = "请讲一个最能体现你「解决问题」的真实经历：当时是什么情况，你具体做了什么，结果如何？"
HIGH = "a concrete example with measured results"
STORY = (
    "In my last team our nightly import kept failing. I took the lead, worked together with the "
    "data team to debug it and found the root cause. After the fix, failures fell from 5 a week "
    "to zero."
)


def feedback(answer: str, language: str = "en", question: str = QUESTION):  # type: ignore[no-untyped-def]
    return QuickFeedback().feedback(
        question=question, answer=answer, anchor_high=HIGH, language=language
    )


def test_a_full_story_gets_a_remark_and_no_follow_up() -> None:
    result = feedback(STORY)
    assert result.remark and not result.follow_up


@pytest.mark.parametrize(
    ("answer", "language", "reason"),
    [
        (
            "I think communication is very important and I always listen to everyone.",
            "en",
            "off_topic",
        ),
        (
            "I think I am hard-working and always try to find a good way to solve every problem.",
            "en",
            "no_example",
        ),
        (
            "我觉得解决问题很重要，要多思考，多尝试不同的办法，保持积极的心态。",
            "zh-hans",
            "no_example",
        ),
        (
            "Last month I reorganised how our team reviews pull requests and talked to everyone "
            "about the new checklist.",
            "en",
            "no_result",
        ),
        (
            "去年我带领团队重新梳理了代码评审流程，和每个人都沟通了新的检查清单。",
            "zh-hans",
            "no_result",
        ),
    ],
)
def test_what_is_missing_decides_the_one_follow_up(answer: str, language: str, reason: str) -> None:
    question = ZH_QUESTION if language.startswith("zh") else QUESTION
    result = feedback(answer, language, question)
    assert result.reason == reason and result.follow_up
    chinese = language.startswith("zh")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.follow_up) is chinese
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.remark) is chinese


def test_a_short_answer_gets_no_follow_up() -> None:
    assert not feedback("I do not know.").follow_up


def test_same_answer_same_feedback() -> None:
    assert feedback(STORY) == feedback(STORY)


def test_the_room_uses_the_configured_engine(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_FEEDBACK_ENGINE = "hireloop.assessment.feedback.QuickFeedback"
    assert isinstance(feedback_engine(), QuickFeedback)


def test_chinese_remarks_and_follow_ups_address_the_candidate_as_nin() -> None:
    from hireloop.assessment.feedback import TEXTS

    assert [text for text in TEXTS["zh-hans"].values() if "你" in text] == []


def test_a_generated_questions_topic_is_its_dimension_not_its_wording() -> None:
    from hireloop.assessment import judge_features as tf
    from hireloop.assessment.feedback import GENERIC_QUESTION_WORDS
    from hireloop.interviews.question_templates import questions_for

    for name, language in (("系统设计", "zh-hans"), ("System design", "en")):
        for question in questions_for(name, language):
            topic = {t for t in tf.content_tokens(question) if t not in GENERIC_QUESTION_WORDS}
            assert {t for t in topic if len(t) > 1} == set(tf.content_tokens(name)), question
