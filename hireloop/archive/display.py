"""How the archive's stored keys read on a page: metric names, units, decisions.

Performance metrics are stored under stable keys (``code_review_quality``) so that models and
imports can rely on them; people read them in their own language, with their unit.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hireloop.assessment.enums import Recommendation
from hireloop.decisions.enums import ReviewDecision

PERCENT, RATING, COUNT = "percent", "rating", "count"


@dataclass(frozen=True)
class Metric:
    label: Promise
    unit: str  # PERCENT: a share stored 0–1; RATING: 1–5; COUNT: a whole number


METRICS: dict[str, Metric] = {
    "customer_retention": Metric(_("Customer retention"), PERCENT),
    "quota_attainment": Metric(_("Quota attainment"), PERCENT),
    "cross_team": Metric(_("Cross-team collaboration"), RATING),
    "code_review_quality": Metric(_("Code review quality"), RATING),
    "incidents_resolved": Metric(_("Incidents resolved"), COUNT),
    "csat": Metric(_("Customer satisfaction (CSAT)"), RATING),
    "first_contact_resolution": Metric(_("First-contact resolution"), PERCENT),
    "empathy": Metric(_("Empathy"), RATING),
    "teamwork": Metric(_("Teamwork"), RATING),
}


@dataclass(frozen=True)
class MetricValue:
    key: str
    label: str
    value: str


def metric_values(metrics: dict[str, Any]) -> list[MetricValue]:
    """The review's metrics as label and formatted value, in the order of METRICS; a key the
    table does not know keeps its key as the label (an import may bring new ones)."""
    known = [key for key in METRICS if key in metrics]
    unknown = sorted(key for key in metrics if key not in METRICS)
    return [_metric_value(key, metrics[key]) for key in [*known, *unknown]]


def _metric_value(key: str, value: Any) -> MetricValue:
    metric = METRICS.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return MetricValue(key, str(metric.label) if metric else key, str(value))
    if metric is None:
        return MetricValue(key, key, number_format(value, decimal_pos=2))
    if metric.unit == PERCENT:
        shown = f"{number_format(value * 100, decimal_pos=0)}%"
    elif metric.unit == RATING:
        shown = f"{number_format(value, decimal_pos=1)} / 5"
    else:
        shown = number_format(value, decimal_pos=0)
    return MetricValue(key, str(metric.label), shown)


def decision_label(value: str) -> str:
    """A reviewer's decision as stored in the interview results, in the reader's language."""
    return str(ReviewDecision(value).label) if value in ReviewDecision.values else value


def recommendation_label(value: str) -> str:
    return str(Recommendation(value).label) if value in Recommendation.values else value


def interview_reports(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The archived interview reports with their decisions and recommendations as labels."""
    return [
        {
            **report,
            "recommendation_label": recommendation_label(report.get("recommendation") or ""),
            "reviews": [
                {**review, "decision_label": decision_label(review.get("decision") or "")}
                for review in report.get("reviews") or []
            ],
        }
        for report in (results or {}).get("reports") or []
    ]
