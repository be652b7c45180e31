"""Stored keys read in the reader's language: metric names, units, decisions."""

from django.utils import translation

from hireloop.archive.display import METRICS, decision_label, interview_reports, metric_values
from hireloop.demo.content_people import METRIC_MODELS, SHARED_METRICS


def test_every_metric_the_archive_holds_has_a_label_in_both_languages() -> None:
    keys = {key for family in METRIC_MODELS.values() for key in family} | set(SHARED_METRICS)
    assert keys <= set(METRICS)
    with translation.override("zh-hans"):
        chinese = {key: str(METRICS[key].label) for key in keys}
    with translation.override("en"):
        english = {key: str(METRICS[key].label) for key in keys}
    for key in keys:
        assert chinese[key] != english[key], key  # translated, not the English left in
        assert "_" not in english[key]


def test_metric_values_carry_their_unit() -> None:
    with translation.override("en"):
        shown = metric_values({"teamwork": 3.44, "customer_retention": 0.721, "new_kpi": 2})
    assert [(m.label, m.value) for m in shown] == [
        ("Customer retention", "72%"),
        ("Teamwork", "3.4 / 5"),
        ("new_kpi", "2.00"),  # unknown keys keep their key, after the known ones
    ]
    with translation.override("zh-hans"):
        (code_review,) = metric_values({"code_review_quality": 4.0})
    assert code_review.label == "代码评审质量" and code_review.value == "4.0 / 5"


def test_decisions_of_archived_reviews_read_in_chinese() -> None:
    results = {
        "reports": [
            {"recommendation": "advance", "reviews": [{"decision": "offer", "reviewer": "x"}]}
        ]
    }
    with translation.override("zh-hans"):
        (report,) = interview_reports(results)
        assert "offer" not in report["reviews"][0]["decision_label"]
        assert report["recommendation_label"] != "advance"
    assert decision_label("something else") == "something else"
    assert interview_reports({}) == []
