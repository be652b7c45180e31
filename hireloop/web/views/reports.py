import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hireloop.assessment.services import (
    ReviewInvalid,
    access_report,
    divergent_dimensions,
    do_submit_review,
)
from hireloop.candidates.services import masked_name

from ..forms import ReviewForm


@login_required
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    scores = list(report.scores.select_related("dimension"))
    form = ReviewForm(request.POST or None, dimension_scores=scores)
    divergent = []
    if request.method == "POST" and form.is_valid():
        reviewer_scores = form.dimension_scores()
        try:
            do_submit_review(
                report=report,
                reviewer=request.user,
                scores=reviewer_scores,
                comments=form.cleaned_data["comments"],
                decision=form.cleaned_data["decision"],
                divergence_confirmed=form.cleaned_data["confirm_divergence"],
            )
        except ReviewInvalid as error:
            messages.warning(request, str(error))
            divergent = divergent_dimensions(report=report, scores=reviewer_scores)
        else:
            messages.success(request, _("Review saved."))
            return redirect("web:report_detail", report.pk)
    session = report.session
    answers = session.answers.select_related("question").prefetch_related("question__dimensions")
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
            "scores": scores,
            "answers": answers,
            "reviews": report.reviews.select_related("reviewer"),
            "form": form,
            "divergent_ids": {d.dimension_id for d in divergent},
            "radar_json": json.dumps(radar, ensure_ascii=False),
        },
    )
