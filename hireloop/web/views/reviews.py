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
    check_may_resolve_review_request,
    divergence_threshold,
    do_resolve_review_request,
    may_resolve_review_request,
    may_see_review_requests,
    review_requests_visible_to,
)
from hireloop.errors import ActionNotAllowed


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
    """Candidates who asked for a person to review their assessment (M15): the job's
    interviewers re-review the report, its recruiters and HR write the outcome."""
    if not may_see_review_requests(request.user):
        raise ActionNotAllowed(_("Your role has no list of review requests."))
    requests = (
        review_requests_visible_to(request.user)
        .select_related(
            "report__session__application__job", "report__session__application__candidate"
        )
        .prefetch_related("report__reviews__reviewer")
    )
    may_resolve: dict[int, bool] = {}  # per job: one question, however many requests it has
    rows = []
    for item in requests:
        application = item.report.session.application
        if application.job_id not in may_resolve:
            may_resolve[application.job_id] = may_resolve_review_request(request.user, item)
        reviews_since = [r for r in item.report.reviews.all() if r.created_at >= item.created_at]
        rows.append(
            {
                "item": item,
                "label": masked_name(application.candidate),
                "may_resolve": may_resolve[application.job_id],
                "reviews_since": reviews_since,
            }
        )
    return render(
        request,
        "web/review_requests.html",
        {"rows": rows, "open_status": ReviewRequestStatus.OPEN},
    )


@login_required
@require_POST
def review_request_resolve(request: HttpRequest, request_id: int) -> HttpResponse:
    review_request = access_review_request(request.user, request_id)
    check_may_resolve_review_request(request.user, review_request)
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
