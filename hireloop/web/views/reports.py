"""The report page: the AI's assessment, the person's review, the decision and the PDF."""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hireloop.assessment.enums import PdfStatus
from hireloop.assessment.models import Report
from hireloop.assessment.report_document import (
    PdfReading,
    pdf_masking_for,
    pdf_reading,
    reading_language,
    report_summary_context,
)
from hireloop.assessment.report_pdfs import (
    PdfState,
    do_export_report_pdf,
    do_request_report_pdf,
    pdf_state,
    pdf_state_of_version,
)
from hireloop.assessment.services import access_report
from hireloop.candidates.enums import Stage, StageReason
from hireloop.candidates.services import masked_name, quote_redactor
from hireloop.decisions.models import AnswerAnnotation
from hireloop.decisions.reviews import (
    DivergenceUnconfirmed,
    ReviewInvalid,
    divergence_threshold,
    divergent_dimensions,
    do_submit_review,
)
from hireloop.decisions.services import (
    STAGE_OF,
    Decision,
    check_may_decide,
    decisions_open_to,
    do_decide,
    is_decision_open,
)

from ..forms import ReviewForm
from ..report_forms import DecisionForm, PdfVersionForm
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
    # Each answer with its follow-up: the scores (and their quotes) rest on both.
    answers = list(
        session.answers.select_related("question", "follow_up").prefetch_related(
            "question__dimensions"
        )
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
    application = session.application
    return render(
        request,
        "web/report_detail.html",
        {
            "report": report,
            "application": application,
            "candidate_label": masked_name(application.candidate),
            "redactor": quote_redactor(candidate=application.candidate, viewer=request.user),
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
            "decisions": decisions_open_to(request.user, application),
            **_pdf_context(request, report),
            **media_progress_context(report),
            **report_summary_context(report=report, scores=scores),
        },
    )


@login_required
def report_decide(request: HttpRequest, report_id: int, decision: str) -> HttpResponse:
    """The decision after a review: a page of its own that names the candidate and the stage
    they move to, and decides only when that page is confirmed (``decisions.do_decide``)."""
    report = access_report(request.user, report_id)
    if decision not in (Decision.OFFER, Decision.REJECT):
        raise Http404("No such decision.")
    application = report.session.application
    check_may_decide(request.user, application, decision)
    form = DecisionForm(request.POST or None)
    possible = is_decision_open(application, decision)
    if request.method == "POST" and possible and form.is_valid() and form.is_confirmed():
        # Without words of the decider's own, a code: each reader sees it in their language.
        default_reason = {
            Decision.OFFER: StageReason.OFFER_AFTER_REVIEW,
            Decision.REJECT: StageReason.REJECTED_AFTER_REVIEW,
        }[Decision(decision)]
        reason = form.cleaned_data["reason"].strip()
        do_decide(
            application=application,
            decision=decision,
            actor=request.user,
            reason=reason,
            reason_code="" if reason else default_reason,
        )
        messages.success(
            request,
            _("%(name)s moved to %(stage)s.")
            % {
                "name": masked_name(application.candidate),
                "stage": Stage(STAGE_OF[Decision(decision)]).label,
            },
        )
        return redirect("web:report_detail", report.pk)
    return render(
        request,
        "web/report_decide.html",
        {
            "report": report,
            "application": application,
            "candidate_label": masked_name(application.candidate),
            "decision": Decision(decision),
            "to_stage": Stage(STAGE_OF[Decision(decision)]).label,
            "is_possible": possible,
            "form": form,
        },
    )


def _pdf_context(request: HttpRequest, report: Report) -> dict[str, Any]:
    reading = _reading(request, report)
    return {"pdf": pdf_state(report=report, reading=reading), "pdf_version": reading.fingerprint}


def _reading(request: HttpRequest, report: Report) -> PdfReading:
    """What the PDF would be for this reader now: their masking level, their language."""
    return pdf_reading(
        report=report, masking=pdf_masking_for(request.user), language=reading_language()
    )


@login_required
@recent_login_required
@require_safe
def report_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report as a printable PDF, in the reader's language, with the candidate masked.

    Served from the cache when drawn for exactly this content; otherwise the drawing is queued
    for the worker and the reader goes back to the report, which shows its progress. The
    page's script asks with ``Accept: application/json`` and gets that progress instead, so
    the reader stays where they are.
    """
    report = access_report(request.user, report_id)
    reading = _reading(request, report)
    state = pdf_state(report=report, reading=reading)
    if state.pdf is not None and state.is_ready:
        try:
            data = do_export_report_pdf(pdf=state.pdf, actor=request.user)
        except FileNotFoundError:
            state = PdfState("none", 0)  # removed from the storage: draw it again
        else:
            response = HttpResponse(data, content_type="application/pdf")
            response["Content-Disposition"] = f'inline; filename="report-{report.pk}.pdf"'
            # Candidate data: keep the file out of shared caches.
            response["Cache-Control"] = "private, no-store"
            return response
    if not state.is_coming:
        do_request_report_pdf(report=report, reading=reading)
        state = pdf_state(report=report, reading=reading)
    if "application/json" in request.headers.get("Accept", ""):
        return _status_response(state)
    return redirect(reverse("web:report_detail", args=[report.pk]) + "#report-pdf")


@login_required
@require_safe
def report_pdf_status(request: HttpRequest, report_id: int) -> JsonResponse:
    """How far the drawing of this reader's PDF is, for the page's progress bar.

    The page sends the version (fingerprint) it shows, so a poll needs no rendering; without
    one, the version is worked out from the report as it is now.
    """
    report = access_report(request.user, report_id)
    version = PdfVersionForm(request.GET)
    if version.is_valid() and version.cleaned_data["version"]:
        state = pdf_state_of_version(
            report=report,
            masking=pdf_masking_for(request.user),
            language=reading_language(),
            fingerprint=version.cleaned_data["version"],
        )
    else:
        state = pdf_state(report=report, reading=_reading(request, report))
    return _status_response(state)


def _status_response(state: PdfState) -> JsonResponse:
    labels = {
        PdfStatus.QUEUED: _("Waiting for the worker…"),
        PdfStatus.RENDERING: _("Drawing the PDF… %(percent)s%%") % {"percent": state.percent},
        PdfStatus.READY: _("The PDF is ready."),
        PdfStatus.FAILED: _("The PDF could not be made."),
    }
    response = JsonResponse(
        {
            "status": state.status,
            "percent": state.percent,
            "label": labels.get(state.status, ""),  # type: ignore[call-overload]
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response
