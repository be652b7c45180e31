"""What the report page and its PDF say, built in one place so they cannot disagree.

``report_summary_context`` is the summary both show. ``pdf_reading`` is the PDF's HTML for one
masking level and one language; its SHA-256 is the fingerprint under which the drawn PDF is
cached (``report_pdfs``). Building the HTML takes milliseconds; drawing it takes the time, so
the page can afford to ask "is the PDF for exactly this content ready?" on every request.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hireloop.candidates.services import masked_name, quote_redactor

from .enums import PdfMasking
from .models import DimensionScore, Report
from .radar import radar_svg
from .report_summary import DimensionInput, summarise

TEMPLATE = "assessment/report_pdf.html"


def report_summary_context(*, report: Report, scores: list[DimensionScore]) -> dict[str, Any]:
    """What the report page and its PDF both show: strengths, gaps and the band."""
    # Answers per dimension, counted as services.score_dimensions averages them: the answers
    # to the dimension's questions, or every answer when none maps to it.
    pairs = list(report.session.answers.values_list("id", "question__dimensions"))
    per_dimension = Counter(dimension_id for _answer_id, dimension_id in pairs)
    all_answers = len({answer_id for answer_id, _dimension_id in pairs})
    # The shares the overall score was computed with; older reports have none stored.
    stored = report.weights or {}
    use_stored = all(str(s.dimension_id) in stored for s in scores)
    dimensions = [
        DimensionInput(
            name=s.dimension.name,
            score=s.score,
            weight=float(stored[str(s.dimension_id)] if use_stored else s.dimension.weight),
            answers=per_dimension.get(s.dimension_id) or all_answers,
        )
        for s in scores
    ]
    return {"summary": summarise(dimensions, overall=report.overall_score)}


def pdf_masking_for(viewer: Any) -> PdfMasking:
    """How much of the candidate the PDF shows this reader.

    The PDF is made to be passed on, so it shows the candidate masked to every reader, even to
    those whose pages show names in clear (docs/architecture.md, Privacy). The level is part of
    the PDF cache's key all the same: the page itself differs by reader, and a PDF drawn at one
    level must never be handed to a reader of another.
    """
    return PdfMasking.MASKED


def reading_language(language: str | None = None) -> str:
    """The supported language a PDF is drawn in: the given one, or the active one."""
    return translation.get_supported_language_variant(language or translation.get_language())


@dataclass(frozen=True)
class PdfReading:
    """The report as one kind of reader gets it in the PDF, and the fingerprint of that."""

    masking: str
    language: str
    html: str
    fingerprint: str


def pdf_reading(*, report: Report, masking: str, language: str) -> PdfReading:
    """The PDF's HTML for this masking level and language, and its SHA-256.

    Everything the PDF shows is in the HTML (scores, evidence, the latest review, names, the
    organisation, the language), so the hash changes exactly when the PDF would.
    """
    with translation.override(language):
        html = render_to_string(TEMPLATE, _pdf_context(report, PdfMasking(masking), language))
    return PdfReading(
        masking=masking,
        language=language,
        html=html,
        fingerprint=hashlib.sha256(html.encode()).hexdigest(),
    )


def _pdf_context(report: Report, masking: PdfMasking, language: str) -> dict[str, Any]:
    scores = list(report.scores.select_related("dimension"))
    application = report.session.application
    candidate = application.candidate
    organisation = application.job.organisation
    # The decisions app's reviews of this report (a reverse relation: no import of decisions).
    latest_review = report.reviews.first()  # type: ignore[attr-defined]
    reviewed = (
        [latest_review.scores.get(str(s.dimension_id)) for s in scores] if latest_review else []
    )
    chart = radar_svg(
        labels=[s.dimension.name for s in scores],
        values=[s.score for s in scores],
        second_values=reviewed if reviewed and None not in reviewed else None,
        series_names=("AI", _("Interviewer")),
        title=_("Radar chart of the dimension scores"),
    )
    if masking == PdfMasking.MASKED:
        label = masked_name(candidate)
        redactor = quote_redactor(candidate=candidate, viewer=None, always=True)
    else:
        label, redactor = candidate.name or masked_name(candidate), None
    return {
        "report": report,
        "application": application,
        "candidate_label": label,
        "redactor": redactor,
        "organisation_name": organisation.name_in(language),
        "scores": scores,
        "radar_svg": mark_safe(chart),  # noqa: S308 - radar_svg escapes every text it draws
        **report_summary_context(report=report, scores=scores),
    }
