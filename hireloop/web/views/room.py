"""The candidate's interview room: no account, only the signed link."""

import contextlib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from hireloop.assessment.models import Report
from hireloop.assessment.reviews import (
    ReviewInvalid,
    do_request_human_review,
    report_for_candidate,
)
from hireloop.errors import InterviewLinkInvalid
from hireloop.interviews.enums import SessionStatus
from hireloop.interviews.services import (
    SessionClosed,
    current_question,
    do_start,
    do_submit_answer,
    session_from_token,
)

from ..forms import AnswerForm


def _activate_job_language(request: HttpRequest, session) -> None:  # type: ignore[no-untyped-def]
    """Use the job's language unless the candidate chose another one."""
    if "django_language" not in request.COOKIES:
        translation.activate(session.application.job.language)
        request.LANGUAGE_CODE = translation.get_language()


@never_cache
def room(request: HttpRequest, token: str) -> HttpResponse:
    try:
        session = session_from_token(token)
    except InterviewLinkInvalid as invalid:
        return render(request, "web/room_invalid.html", {"message": str(invalid)}, status=404)
    _activate_job_language(request, session)
    job = session.application.job
    if request.method == "POST" and "start" in request.POST:
        do_start(session=session)
        return redirect("web:room", token)
    if request.method == "POST" and "request_review" in request.POST:
        # Before the report exists the page offers no request; a forged post changes nothing.
        with contextlib.suppress(ReviewInvalid):
            do_request_human_review(session=session, message=request.POST.get("message", ""))
        return redirect("web:room", token)
    question, progress = current_question(session)
    form = AnswerForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            do_submit_answer(
                session=session,
                question_id=form.cleaned_data["question_id"],
                text=form.cleaned_data["text"],
            )
            return redirect("web:room", token)
        except SessionClosed as refusal:
            error = str(refusal)
    if session.status == SessionStatus.INVITED:
        template = "web/room_welcome.html"
    elif session.status == SessionStatus.COMPLETED or question is None:
        template = "web/room_done.html"
    else:
        template = "web/room_question.html"
        form = AnswerForm(initial={"question_id": question.pk}) if not error else form
    report = report_for_candidate(session) if template == "web/room_done.html" else None
    return render(
        request,
        template,
        {
            "explanation": _explanation(session, report) if report else [],
            "review_requests": report.review_requests.all() if report else [],
            "report": report,
            "session": session,
            "job": job,
            "question": question,
            "progress": progress,
            "form": form,
            "error": error,
            "token": token,
        },
    )


def _explanation(session, report: Report) -> list[dict]:  # type: ignore[no-untyped-def]
    """For the candidate, per dimension: what it looks for, how much it counts, which of
    their answers it rests on, what those answers showed and what would have been stronger
    (M15; PIPL Art. 24, EU AI Act Art. 86). No number and no recommendation: a person decides."""
    answers = list(
        session.answers.select_related("question").prefetch_related("question__dimensions")
    )
    rows = []
    for score in report.scores.all():
        mapped = [
            a.question.text for a in answers if score.dimension in a.question.dimensions.all()
        ]
        rows.append(
            {
                "name": score.dimension.name,
                "looks_for": score.dimension.anchor_high,
                "share": round(100 * float(report.weights.get(str(score.dimension_id), 0))),
                "band": score.matched_anchor,
                "questions": mapped or [a.question.text for a in answers],
                "evidence": score.evidence,
                "stronger": score.rationale,
            }
        )
    return rows
