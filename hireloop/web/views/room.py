"""The candidate's interview room: no account, only the signed link."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

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
    return render(
        request,
        template,
        {
            "session": session,
            "job": job,
            "question": question,
            "progress": progress,
            "form": form,
            "error": error,
            "token": token,
        },
    )
