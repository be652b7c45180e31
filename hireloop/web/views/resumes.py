"""The original resume file in the browser: its pages drawn server-side, never the raw file.

Serving the file itself would hand a hostile PDF to every reader's PDF viewer; drawing its
pages in the sandbox (resumes.preview) shows what the candidate sent without that. Opening
it is a reveal of personal data, so it asks for a recent login and is audited.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hireloop.candidates.services import access_original_resume, read_original
from hireloop.resumes.preview import (
    MAX_PAGES,
    PreviewUnavailable,
    page_count_in_sandbox,
    page_in_sandbox,
)

from .account import recent_login_required


@login_required
@recent_login_required
def resume_original(request: HttpRequest, application_id: int, resume_id: int) -> HttpResponse:
    resume = access_original_resume(
        request.user, application_id=application_id, resume_id=resume_id
    )
    pages, unavailable = 0, False
    try:
        pages = page_count_in_sandbox(read_original(resume))
    except PreviewUnavailable:
        unavailable = True  # Word and text files, or a file the drawer cannot read
    return render(
        request,
        "web/resume_original.html",
        {
            "application": resume.application,
            "resume": resume,
            "page_numbers": range(1, min(pages, MAX_PAGES) + 1),
            "more_pages": max(pages - MAX_PAGES, 0),
            "unavailable": unavailable,
        },
    )


@login_required
@recent_login_required
def resume_page(
    request: HttpRequest, application_id: int, resume_id: int, page: int
) -> HttpResponse:
    resume = access_original_resume(
        request.user, application_id=application_id, resume_id=resume_id
    )
    try:
        image = page_in_sandbox(read_original(resume), page - 1)
    except PreviewUnavailable:
        return HttpResponse(status=404)
    response = HttpResponse(image, content_type="image/webp")
    response["Content-Disposition"] = "inline"
    return response
