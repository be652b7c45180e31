"""The follow-up trigger against the labelled answers (tests/data/remark_answers.json)."""

from collections import Counter

import pytest

from hireloop.assessment.feedback import QuickFeedback
from hireloop.interviews.enums import FollowUpReason

from .remark_set import LABELS, LANGUAGES, agreements, load_remark_set

TARGET = 0.8


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return load_remark_set()


def test_the_set_has_at_least_100_answers_per_language_with_consistent_labels(rows) -> None:
    per_language = Counter(row.language for row in rows)
    assert all(per_language[language] >= 100 for language in LANGUAGES)
    for row in rows:
        assert row.question and row.answer.strip()
        if row.labels["off_topic"]:
            assert not any(row.labels[label] for label in LABELS if label != "off_topic")
        if row.labels["vague"]:
            assert not row.labels["has_example"], row.id
    # Every label has positives in both languages of the development part.
    dev = [row for row in rows if row.split == "dev"]
    for language in LANGUAGES:
        for label in LABELS:
            assert sum(r.labels[label] for r in dev if r.language == language) >= 15


def test_the_trigger_reaches_the_target_on_the_development_part(rows) -> None:
    """Rules and constants were chosen on this part; the held-out parts are measured by
    bench/remarks.py and reported in docs/interview-room.md (they fall short for off-topic)."""
    found = agreements([row for row in rows if row.split == "dev"])
    below = [
        (a.language, a.label, round(a.precision, 2), round(a.recall, 2))
        for a in found
        if min(a.precision, a.recall) < TARGET
    ]
    assert below == []


def test_an_example_is_recognised_on_the_held_out_parts_too(rows) -> None:
    """The one reading that holds up on answers written after the rules were frozen."""
    found = agreements([row for row in rows if row.split != "dev"])
    examples = [a for a in found if a.label == "has_example"]
    assert examples and all(min(a.precision, a.recall) >= TARGET for a in examples)


def test_the_chinese_vague_answer_of_the_issue_is_not_praised_for_an_example() -> None:
    answer = (
        "我觉得系统设计很重要，一个好的设计要考虑可扩展性、可用性和可维护性。在工作中我一直很注重"
        "这些方面，会多和同事讨论，尽量把方案想清楚再动手。"
    )
    result = QuickFeedback().feedback(
        question="请讲一段最能体现您在「系统设计」方面能力的真实经历：当时是什么情况，您具体做了什么，"
        "结果如何？",
        answer=answer,
        anchor_high="",
        language="zh-hans",
    )
    assert "真实的例子" not in result.remark
    assert result.reason == FollowUpReason.NO_EXAMPLE
