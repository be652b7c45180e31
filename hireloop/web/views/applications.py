from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hireloop.archive.services import do_hire, may_see_employees
from hireloop.assessment.models import Report
from hireloop.candidates.enums import ALLOWED_TRANSITIONS, Stage
from hireloop.candidates.services import (
    access_application,
    candidate_view,
    do_staff_move,
    quote_redactor,
    staff_moves_from,
)
from hireloop.decisions.services import Decision, do_decide, may_decide
from hireloop.errors import HireLoopError
from hireloop.interviews.services import do_invite, interview_qr_svg, interview_url
from hireloop.jobs.services import accepts_candidates, check_may_manage_job, may_manage_job
from hireloop.notify.services import deliveries_needing_attention, do_retry_deliveries
from hireloop.privacy.services import may_see_unmasked
from hireloop.screening.matching import MatchResult
from hireloop.screening.recomputation import recomputation_of

from ..explain import describe_check
from ..forms import InviteForm, MoveForm, StageForm
from ..resume_view import resume_layout


@login_required
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application(request.user, application_id)
    sessions = list(application.interview_sessions.order_by("-created_at"))
    reports = Report.objects.filter(session__application=application)
    explanation = (
        MatchResult.from_dict(application.match_explanation)
        if application.match_explanation
        else None
    )
    checks = [describe_check(c, application.job) for c in explanation.checks] if explanation else []
    may_manage = may_manage_job(request.user, application.job)
    moves = staff_moves_from(application.stage) if may_manage else []
    resumes = list(application.resumes.all())
    return render(
        request,
        "web/application_detail.html",
        {
            "application": application,
            "person": candidate_view(candidate=application.candidate, viewer=request.user),
            "redactor": quote_redactor(candidate=application.candidate, viewer=request.user),
            "resumes": [(r, resume_layout(r.parsed)) for r in resumes],
            "may_open_original": may_see_unmasked(request.user),
            "explanation": explanation,
            "checks": checks,
            "history": application.stage_changes.all(),
            "sessions": [_session_row(s, request) for s in sessions],
            "move_form": MoveForm(stages=moves) if moves else None,
            "reports": reports,
            "may_manage": may_manage,
            "may_invite": may_manage
            and accepts_candidates(application.job)
            and Stage.INVITED in _reachable(application.stage),
            "job_closed": not accepts_candidates(application.job),
            "scored_before_change": application.screened_revision is not None
            and application.screened_revision < application.job.requirements_revision,
            "recomputed": recomputation_of(
                job=application.job, explanations=[application.match_explanation]
            ),
            "may_reject": may_decide(request.user, application, Decision.REJECT)
            and Stage.REJECTED in ALLOWED_TRANSITIONS[application.stage],
            "may_hire": may_decide(request.user, application, Decision.HIRE)
            and application.stage == Stage.OFFER,
            "invite_form": InviteForm(),
            "stage_form": StageForm(),
            # Messages to the candidate that failed, or wait to be tried again (hireloop/notify).
            "delivery_problems": list(deliveries_needing_attention(application)),
        },
    )


def _session_row(session, request: HttpRequest) -> tuple:  # type: ignore[no-untyped-def]
    url = interview_url(session, request.build_absolute_uri("/")[:-1])
    return session, url, mark_safe(interview_qr_svg(url))  # noqa: S308 - SVG built by segno


def _reachable(stage: str) -> set[str]:
    """Stages reachable in one or two moves (invite shortlists first when needed)."""
    direct = set(ALLOWED_TRANSITIONS[stage])
    return direct | {s for d in direct for s in ALLOWED_TRANSITIONS[d]}


def _managed(request: HttpRequest, application_id: int):  # type: ignore[no-untyped-def]
    application = access_application(request.user, application_id)
    if not may_manage_job(request.user, application.job):
        return None
    return application


@login_required
@require_POST
def application_invite(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _managed(request, application_id)
    if application is None:
        return HttpResponse(status=403)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            do_invite(
                application=application,
                actor=request.user,
                deadline=form.cleaned_data["deadline"],
                notes=form.cleaned_data["notes"],
                base_url=request.build_absolute_uri("/")[:-1],
            )
            messages.success(
                request, _("Invitation created. The e-mail is sent in the background.")
            )
        except HireLoopError as error:
            messages.error(request, str(error))
    else:
        for field_errors in form.errors.values():
            for refusal in field_errors:
                messages.error(request, str(refusal))
    return redirect("web:application_detail", application_id)


@login_required
@require_POST
def application_retry_deliveries(request: HttpRequest, application_id: int) -> HttpResponse:
    """HR's retry of the application's failed messages; the worker sends them."""
    application = _managed(request, application_id)
    if application is None:
        return HttpResponse(status=403)
    if do_retry_deliveries(application=application, actor=request.user):
        messages.success(request, _("The e-mail will be sent again in the background."))
    return redirect("web:application_detail", application_id)


@login_required
@require_POST
def application_move(request: HttpRequest, application_id: int) -> HttpResponse:
    """Shortlist, or record a withdrawal: the moves that are neither invitation nor decision."""
    application = access_application(request.user, application_id)
    check_may_manage_job(request.user, application.job)
    form = MoveForm(request.POST, stages=staff_moves_from(application.stage))
    if not form.is_valid():
        messages.error(request, _("Choose a stage and give a reason."))
        return redirect("web:application_detail", application_id)
    try:
        do_staff_move(
            application=application,
            to_stage=form.cleaned_data["to_stage"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Stage changed."))
    except HireLoopError as error:
        messages.error(request, str(error))
    return redirect("web:application_detail", application_id)


@login_required
@require_POST
def application_reject(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application(request.user, application_id)
    if not may_decide(request.user, application, Decision.REJECT):
        return HttpResponse(status=403)
    form = StageForm(request.POST)
    if form.is_valid():
        try:
            do_decide(
                application=application,
                decision=Decision.REJECT,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Application rejected."))
        except HireLoopError as error:
            messages.error(request, str(error))
    return redirect("web:application_detail", application_id)


@login_required
@require_POST
def application_hire(request: HttpRequest, application_id: int) -> HttpResponse:
    application = access_application(request.user, application_id)
    if not may_decide(request.user, application, Decision.HIRE):
        return HttpResponse(status=403)
    form = StageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason for the hire."))
        return redirect("web:application_detail", application_id)
    try:
        employee = do_hire(
            application=application, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except HireLoopError as error:
        messages.error(request, str(error))
        return redirect("web:application_detail", application_id)
    messages.success(request, _("Hired. The employee record has been created."))
    if may_see_employees(request.user):
        return redirect("web:employee_detail", employee.pk)
    return redirect("web:application_detail", application_id)
