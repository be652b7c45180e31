import json
from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hireloop.assessment.models import DimensionScore, Report
from hireloop.assessment.radar import radar_svg
from hireloop.assessment.report_pdf import render_report_pdf
from hireloop.assessment.report_summary import DimensionInput, summarise
from hireloop.assessment.services import access_report
from hireloop.candidates.services import masked_name, quote_redactor
from hireloop.decisions.models import AnswerAnnotation
from hireloop.decisions.reviews import (
    DivergenceUnconfirmed,
    ReviewInvalid,
    divergence_threshold,
    divergent_dimensions,
    do_submit_review,
)

from ..forms import ReviewForm
from .account import recent_login_required
from .media import media_by_answer, media_progress_context


def _draft_key(report_id: int) -> str:
    return f"review-first-scores-{report_id}"


def _submit_review(request: HttpRequest, report, form: ReviewForm, answers: list) -> list | None:  # type: ignore[no-untyped-def]
    """Save the review, or return the dimensions the reviewer must re-check first.

    The scores of the first attempt are kept in the session, so the saved review records
    whether each divergence was kept or adjusted (M14).
    """
    scores = form.dimension_scores()
    key = _draft_key(report.pk)
    first = {int(k): v for k, v in request.session.get(key, {}).items()} or None
    try:
        do_submit_review(
            report=report,
            reviewer=request.user,
            scores=scores,
            comments=form.cleaned_data["comments"],
            decision=form.cleaned_data["decision"],
            divergence_confirmed=form.cleaned_data["confirm_divergence"],
            divergence_note=form.cleaned_data["divergence_note"],
            first_scores=first,
            annotations=form.annotations(request.POST, answers),
        )
    except DivergenceUnconfirmed as error:
        messages.warning(request, str(error))
        request.session.setdefault(key, {str(k): v for k, v in scores.items()})
        request.session.modified = True
        return divergent_dimensions(report=report, scores=scores)
    except ReviewInvalid as error:
        messages.warning(request, str(error))
        return []
    request.session.pop(key, None)
    return None


def _annotations_by_answer(report) -> dict[int, list[AnswerAnnotation]]:  # type: ignore[no-untyped-def]
    notes: dict[int, list[AnswerAnnotation]] = {}
    for note in AnswerAnnotation.objects.filter(review__report=report).select_related(
        "review__reviewer"
    ):
        notes.setdefault(note.answer_id, []).append(note)
    return notes


@login_required
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    scores = list(report.scores.select_related("dimension"))
    session = report.session
    answers = list(
        session.answers.select_related("question").prefetch_related("question__dimensions")
    )
    form = ReviewForm(request.POST or None, dimension_scores=scores)
    divergent: list = []
    if request.method == "POST" and form.is_valid():
        outcome = _submit_review(request, report, form, answers)
        if outcome is None:
            messages.success(request, _("Review saved."))
            return redirect("web:report_detail", report.pk)
        divergent = outcome
    radar = {
        "indicators": [{"name": s.dimension.name, "max": 10} for s in scores],
        "values": [round(s.score, 1) for s in scores],
    }
    return render(
        request,
        "web/report_detail.html",
        {
            "report": report,
            "application": session.application,
            "candidate_label": masked_name(session.application.candidate),
            "redactor": quote_redactor(
                candidate=session.application.candidate, viewer=request.user
            ),
            "scores": scores,
            "answers": answers,
            "reviews": report.reviews.select_related("reviewer"),
            "form": form,
            "divergent": divergent,
            "divergent_ids": {d.dimension_id for d in divergent},
            "threshold": divergence_threshold(),
            "annotations": _annotations_by_answer(report),
            "draft_annotations": ReviewForm.annotations(request.POST, answers),
            "radar_json": json.dumps(radar, ensure_ascii=False),
            "media": media_by_answer(report),
            **media_progress_context(report),
            **report_summary_context(report=report, scores=scores),
        },
    )


def report_summary_context(*, report: Report, scores: list[DimensionScore]) -> dict[str, Any]:
    """What the report page and its PDF both show, built in one place so they cannot disagree."""
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


@login_required
@recent_login_required
def report_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report as a printable PDF, in the reader's language, with the candidate masked."""
    report = access_report(request.user, report_id)
    scores = list(report.scores.select_related("dimension"))
    application = report.session.application
    organisation = application.job.organisation
    latest_review = report.reviews.first()
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
    in_english = translation.get_language() == "en" and organisation.name_en
    context = {
        "report": report,
        "application": application,
        "candidate_label": masked_name(application.candidate),
        # The PDF is made to be passed on: its quotes are masked like its heading, for everyone.
        "redactor": quote_redactor(
            candidate=application.candidate, viewer=request.user, always=True
        ),
        "organisation_name": organisation.name_en if in_english else organisation.name,
        "scores": scores,
        "radar_svg": mark_safe(chart),  # noqa: S308 - radar_svg escapes every text it draws
        **report_summary_context(report=report, scores=scores),
    }
    response = HttpResponse(render_report_pdf(context=context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{report.pk}.pdf"'
    # Candidate data: keep the file out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response
