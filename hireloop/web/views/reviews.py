"""Staff pages around human review: calibration of interviewers and candidates' requests."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hireloop.candidates.services import masked_name
from hireloop.decisions.calibration import BIN_EDGES
from hireloop.decisions.enums import ReviewRequestStatus
from hireloop.decisions.reviews import (
    ReviewInvalid,
    access_review_request,
    calibration_for,
    divergence_threshold,
    do_resolve_review_request,
    review_requests_visible_to,
)


@login_required
def calibration(request: HttpRequest) -> HttpResponse:
    """Per interviewer, how their scores differ from the AI's (M14)."""
    rows = calibration_for(request.user)
    chart = {
        "bins": list(BIN_EDGES),
        "series": [{"name": row.reviewer, "data": list(row.stats.histogram)} for row in rows],
    }
    return render(
        request,
        "web/calibration.html",
        {
            "rows": rows,
            "threshold": divergence_threshold(),
            "chart_json": json.dumps(chart, ensure_ascii=False),
        },
    )


@login_required
def review_request_list(request: HttpRequest) -> HttpResponse:
    """HR's tasks: candidates who asked for a person to review their assessment (M15)."""
    requests = review_requests_visible_to(request.user).select_related(
        "report__session__application__job", "report__session__application__candidate"
    )
    rows = [(r, masked_name(r.report.session.application.candidate)) for r in requests]
    return render(
        request,
        "web/review_requests.html",
        {"rows": rows, "open_status": ReviewRequestStatus.OPEN},
    )


@login_required
@require_POST
def review_request_resolve(request: HttpRequest, request_id: int) -> HttpResponse:
    review_request = access_review_request(request.user, request_id)
    try:
        do_resolve_review_request(
            request=review_request,
            actor=request.user,
            resolution=request.POST.get("resolution", ""),
        )
    except ReviewInvalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The candidate can now read the outcome on their page."))
    return redirect("web:review_request_list")
