import pytest

from hireloop.assessment.scoring import (
    AnswerText,
    DimensionResult,
    DimensionSpec,
    overall_score,
    score_dimension,
    tokenise,
)

CUSTOMER_FOCUS = DimensionSpec(
    id=1,
    name="Customer focus",
    anchor_low="Vague answer that blames the customer and gives no example.",
    anchor_mid="Gives an example of helping a customer but little detail about own actions.",
    anchor_high=(
        "Describes a concrete complaint, own actions to resolve it, follow-up "
        "and a measurable result such as satisfaction."
    ),
    keywords=["customer", "complaint", "follow up", "satisfaction", "resolve"],
)
STRONG_EN = (
    "Last year a key customer sent a complaint about delayed shipments. "
    "I called Zhang Wei, their buyer, the same day and resolved the root cause with our "
    "warehouse. We followed up weekly, and their satisfaction score rose from 6 to 9 "
    "within 2 months."
)
VAGUE_EN = "I think customers are important and I always try my best. Some are difficult."

COMMUNICATION = DimensionSpec(
    id=2,
    name="沟通协调",
    anchor_low="回答笼统，没有具体例子，把问题归咎于他人。",
    anchor_mid="举了例子，但对自己的做法描述不多。",
    anchor_high="描述具体冲突，主动沟通，倾听对方意见，达成共识并有可量化的结果。",
    keywords=["沟通", "倾听", "共识", "冲突"],
)
STRONG_ZH = (
    "去年项目中，产品和开发因为上线时间发生冲突。我主动找张伟组织了三次沟通会，"
    "先倾听双方意见，再提出分阶段上线的方案。最终双方达成共识，项目提前5天上线，"
    "客户满意度提升了20%。"
)
VAGUE_ZH = "我觉得沟通很重要，我平时和同事关系都不错。"


def score(dimension: DimensionSpec, *texts: str) -> DimensionResult:
    return score_dimension(dimension, [AnswerText("Tell us about a time…", t) for t in texts])


def test_strong_english_answer_beats_vague_one() -> None:
    strong, vague = score(CUSTOMER_FOCUS, STRONG_EN), score(CUSTOMER_FOCUS, VAGUE_EN)
    assert strong.score >= 7.0
    assert strong.matched_anchor == "high"
    assert vague.score < 4.0
    assert vague.matched_anchor == "low"
    assert strong.matched_terms[:5] == CUSTOMER_FOCUS.keywords
    assert vague.matched_terms == ["customer"]  # "customers" meets "customer"


def test_strong_chinese_answer_beats_vague_one() -> None:
    strong, vague = score(COMMUNICATION, STRONG_ZH), score(COMMUNICATION, VAGUE_ZH)
    assert strong.score >= 7.0
    assert strong.matched_anchor == "high"
    assert vague.score < 4.0
    assert set(COMMUNICATION.keywords) <= set(strong.matched_terms)
    assert "达成共识" in strong.matched_terms  # echoed from the high anchor


def test_evidence_quotes_answer_sentences_verbatim() -> None:
    result = score(CUSTOMER_FOCUS, STRONG_EN, VAGUE_EN)
    assert 1 <= len(result.evidence) <= 3
    for sentence in result.evidence:
        assert sentence in STRONG_EN or sentence in VAGUE_EN
    assert result.evidence[0].startswith("Last year a key customer sent a complaint")
    zh = score(COMMUNICATION, STRONG_ZH)
    assert all(sentence in STRONG_ZH for sentence in zh.evidence)
    assert any("达成共识" in sentence for sentence in zh.evidence)


def test_without_keywords_the_anchors_decide() -> None:
    ownership = DimensionSpec(
        id=3,
        name="Ownership",
        anchor_low="Blames others and waits for instructions.",
        anchor_mid="Helps when asked by a manager.",
        anchor_high="Volunteers, takes ownership and fixes the root cause.",
        keywords=[],
    )
    high = score(ownership, "I volunteered, took ownership of the outage and fixed the root cause.")
    mid = score(ownership, "I helped when my manager asked me to.")
    low = score(ownership, "Other teams were to blame, so I waited for instructions.")
    assert high.score > mid.score > low.score == 0.0
    assert high.matched_terms == ["volunteers", "ownership", "fixes", "root", "cause"]


@pytest.mark.parametrize("texts", [(), ("",), ("   ", "\n")])
def test_missing_or_empty_answer_scores_zero(texts: tuple[str, ...]) -> None:
    result = score(CUSTOMER_FOCUS, *texts)
    assert result.score == 0.0
    assert result.matched_anchor == "low"
    assert result.evidence == []
    assert result.rationale


def test_off_topic_answer_with_figures_earns_nothing() -> None:
    result = score(CUSTOMER_FOCUS, "In 2019 I ran 3 marathons and read 40 books.")
    assert result.score == 0.0


def test_scoring_is_deterministic() -> None:
    first = score(COMMUNICATION, STRONG_ZH, VAGUE_ZH)
    for _ in range(3):
        assert score(COMMUNICATION, STRONG_ZH, VAGUE_ZH) == first


@pytest.mark.parametrize(
    ("dimension", "text", "original", "replacement"),
    [
        (CUSTOMER_FOCUS, STRONG_EN, "Zhang Wei", "Maria Fernanda Gonzalez"),
        (CUSTOMER_FOCUS, STRONG_EN, "Zhang Wei, their buyer", "Ahmed, their buyer, and she"),
        (COMMUNICATION, STRONG_ZH, "张伟", "欧阳娜娜"),
        (COMMUNICATION, STRONG_ZH, "我主动", "她主动"),
    ],
)
def test_names_and_gender_do_not_change_the_score(
    dimension: DimensionSpec, text: str, original: str, replacement: str
) -> None:
    assert original in text
    before = score(dimension, text)
    after = score(dimension, text.replace(original, replacement))
    assert (after.score, after.matched_anchor) == (before.score, before.matched_anchor)


def test_scores_stay_within_range_with_one_decimal() -> None:
    for text in (STRONG_EN, VAGUE_EN, STRONG_EN * 5):
        value = score(CUSTOMER_FOCUS, text).score
        assert 0.0 <= value <= 10.0
        assert value == round(value, 1)


def test_tokenise_handles_both_languages() -> None:
    assert tokenise("The customers resolved it") == ["customer", "resolv"]
    assert tokenise("主动沟通") == ["主动", "动沟", "沟通"]
    assert tokenise("她说") == tokenise("他说")


def result(dimension_id: int, value: float) -> DimensionResult:
    return DimensionResult(dimension_id, value, [], [], "mid", "")


def test_overall_score_is_weighted() -> None:
    results = [result(1, 8.0), result(2, 4.0)]
    assert overall_score(results, {1: 3.0, 2: 1.0}) == 7.0
    assert overall_score(results, {1: 1.0}) == 8.0  # a missing weight counts as zero


def test_overall_score_without_weights_is_the_plain_mean() -> None:
    assert overall_score([result(1, 7.0), result(2, 4.0)], {1: 0.0, 2: 0.0}) == 5.5
    assert overall_score([], {}) == 0.0
