"""The candidate's interview room: no account, only the signed link.

One URL; what it shows is the session's current step (welcome, consent, practice, question,
follow-up, done), read from the database on every request. Each POST names its action, does
it, and redirects back (post/redirect/get), so a reload never submits twice.
"""

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hireloop.assessment.models import Report
from hireloop.decisions.reviews import (
    ReviewInvalid,
    do_request_human_review,
    report_for_candidate,
)
from hireloop.errors import InterviewLinkInvalid
from hireloop.interviews import room as flow
from hireloop.interviews.coding import (
    EXAMPLE_RUNS_PER_QUESTION,
    ExampleRunRefused,
    do_run_examples,
    problem_of,
)
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import (
    SessionClosed,
    current_question,
    do_answer_probe,
    do_start,
    open_probe,
    session_from_token,
)
from hireloop.org.compliance import capabilities_for

from ..forms import ROOM_TEXT_LIMIT, AnswerForm, CodeLanguageForm, RoomTextForm

PING_MAX_BYTES = 2 * 1024 * 1024
STEP_TEMPLATES = {
    flow.RoomStep.WELCOME: "web/room_welcome.html",
    flow.RoomStep.CONSENT: "web/room_consent.html",
    flow.RoomStep.PRACTICE: "web/room_practice.html",
    flow.RoomStep.QUESTION: "web/room_question.html",
    flow.RoomStep.FOLLOW_UP: "web/room_follow_up.html",
    flow.RoomStep.PROBE: "web/room_probe.html",
    flow.RoomStep.DONE: "web/room_done.html",
}


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
    error = ""
    if request.method == "POST":
        try:
            if _act(request, session):
                return redirect("web:room", token)
        except SessionClosed as refusal:
            error = str(refusal)
    step = flow.room_step(session)
    if step == flow.RoomStep.QUESTION:
        flow.do_open_question(session=session)
    return render(request, STEP_TEMPLATES[step], _context(request, session, step, token, error))


@never_cache
@require_POST
def room_ping(request: HttpRequest, token: str) -> JsonResponse:
    """The device check's bandwidth probe: the browser times an upload of a known size."""
    try:
        session_from_token(token)
    except InterviewLinkInvalid:
        return JsonResponse({"error": "invalid link"}, status=404)
    # read(), not body: never more than the probe's size in memory, and a form-encoded post
    # (already parsed, so its stream is spent) counts as nothing received instead of an error.
    return JsonResponse({"received": len(request.read(PING_MAX_BYTES))})


@never_cache
@require_POST
def room_examples(request: HttpRequest, token: str) -> HttpResponse:
    """Run the code in the editor on the coding question's examples; answers the fragment
    the page shows under the editor (200 for a refusal too, so the page swaps it in)."""
    try:
        session = session_from_token(token)
    except InterviewLinkInvalid as invalid:
        return render(request, "web/_code_examples.html", {"refused": str(invalid)}, status=404)
    _activate_job_language(request, session)
    context: dict = {}
    try:
        if flow.room_step(session) != flow.RoomStep.QUESTION:  # e.g. before the practice
            raise ExampleRunRefused(_("This question is no longer open."))
        data = _valid(AnswerForm(request.POST))
        language = _valid(CodeLanguageForm(request.POST))["code_language"] or "python"
        context["run"] = do_run_examples(
            session=session,
            question_id=data["question_id"],
            code=data["text"],
            language=language,
        )
    except (SessionClosed, ExampleRunRefused) as refusal:
        context["refused"] = str(refusal)
    return render(request, "web/_code_examples.html", context)


def _act(request: HttpRequest, session: InterviewSession) -> bool:
    """Carry out the posted action; a malformed post raises SessionClosed with the reason."""
    post = request.POST
    if "start" in post:
        do_start(session=session)
    elif "consent" in post:
        flow.do_record_consent(session=session, granted=set(post.getlist("scope")))
    elif "practice_done" in post:
        flow.do_finish_practice(session=session)
    elif "extend" in post:
        flow.do_extend(session=session)
    elif "follow_up" in post:
        text = _valid(RoomTextForm(post))["text"]
        skipped = post.get("follow_up") == "skip"
        flow.do_answer_follow_up_in_room(session=session, text="" if skipped else text)
    elif "probe" in post:
        data = _valid(RoomTextForm(post))
        if data["probe_id"] is None:
            raise SessionClosed(_("This question is no longer open."))
        skipped = post.get("probe") == "skip"
        do_answer_probe(
            session=session, probe_id=data["probe_id"], text="" if skipped else data["text"]
        )
    elif "request_review" in post:
        message = _valid(RoomTextForm(post))["message"]
        try:
            do_request_human_review(session=session, message=message)
        except ReviewInvalid as refusal:
            raise SessionClosed(str(refusal)) from refusal
    else:
        data = _valid(AnswerForm(post))
        flow.do_answer_in_room(
            session=session,
            question_id=data["question_id"],
            text=data["text"],
            code_language=_valid(CodeLanguageForm(post))["code_language"] or "python",
        )
    return True


def _valid(form: forms.Form) -> dict:
    """The form's cleaned data, or SessionClosed with its messages for the page."""
    if not form.is_valid():
        raise SessionClosed(" ".join(str(e) for errors in form.errors.values() for e in errors))
    return form.cleaned_data


def _context(request, session, step, token: str, error: str) -> dict:  # type: ignore[no-untyped-def]
    question, progress = current_question(session)
    context = {
        "text_limit": ROOM_TEXT_LIMIT,
        "session": session,
        "job": session.application.job,
        "step": step,
        "question": question,
        "progress": progress,
        "error": error,
        "token": token,
        "form": AnswerForm(request.POST or None) if error else None,
        "plan": session.plan,
    }
    if step == flow.RoomStep.WELCOME:
        context["media_offered"] = flow.offered_scopes(session)
    elif step == flow.RoomStep.CONSENT:
        context.update(scopes=flow.offered_scopes(session), consent_version=flow.CONSENT_VERSION)
    elif step == flow.RoomStep.PRACTICE:
        context.update(
            practice_question=flow.practice_question(session.application.job.language),
            media=sorted(flow.granted_scopes(session)),
        )
    elif step == flow.RoomStep.QUESTION and question is not None:
        clock = flow.question_clock(session, question)
        pause_until = flow.pause_until(session)
        mode = flow.answer_mode(session, question)
        if mode == AnswerMode.CODE:
            context.update(_code_context(question, translation.get_language()))
        context.update(
            mode=mode,
            # A question written to be recorded, answered in writing as the candidate chose.
            recording_declined=question.answer_mode in flow.MEDIA_MODES and mode == AnswerMode.TEXT,
            clock=clock,
            remark=flow.last_remark(session),
            # A refused answer comes back at once: the candidate was already answering, so
            # the pause between questions (perhaps skipped) is not shown again.
            pause_left=max(0, int((pause_until - timezone.now()).total_seconds()))
            if pause_until and not error
            else 0,
            can_extend=bool(clock.answer_seconds)
            and session.plan.allow_extension
            and session.extended_question_id is None,
        )
    elif step == flow.RoomStep.FOLLOW_UP:
        follow_up = flow.open_follow_up(session)
        context.update(
            follow_up=follow_up,
            follow_up_position=flow.position_of(session, follow_up.answer.question_id)
            if follow_up
            else progress.position,
            posted_text=request.POST.get("text", "") if error else "",
        )
    elif step == flow.RoomStep.PROBE:
        probe = open_probe(session)
        first_probe = probe is not None and not session.probes.filter(answered_at__isnull=False)
        context.update(
            probe=probe,
            # The last question's remark (a coding answer's hidden tests) is shown here.
            remark=flow.last_remark(session) if first_probe else "",
            posted_text=request.POST.get("text", "") if error else "",
        )
    elif step == flow.RoomStep.DONE:
        context.update(_explanation_context(session))
        context["code_results"] = flow.code_results(session)
    return context


def _code_context(question, language: str) -> dict:  # type: ignore[no-untyped-def]
    """The editor's problem in the room's language: its prompt and commented starter code."""
    problem = problem_of(question)
    if problem is None:
        return {"code_languages": [("python", "Python")], "code_starters": {}, "code_prompt": ""}
    names = {"python": "Python", "javascript": "JavaScript"}
    return {
        "code_languages": [(key, names.get(key, key)) for key in problem.function_names],
        "code_starters": {key: problem.starter(key, language) for key in problem.function_names},
        "code_prompt": problem.prompt.get(language, problem.prompt.get("en", "")),
        "example_runs": EXAMPLE_RUNS_PER_QUESTION,
    }


def _explanation_context(session: InterviewSession) -> dict:
    report = report_for_candidate(session)
    return {
        "report": report,
        "explanation": _explanation(session, report) if report else [],
        "review_requests": report.review_requests.all() if report else [],
        "capabilities": capabilities_for(session.application.job.organisation),
    }


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
