"""One organisation with something behind every page, and a client per role: the world of
the route matrix (test_route_matrix.py) and the language test (test_language_leaks.py)."""

import hashlib
import io
import re

import pypdfium2 as pdfium
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from hireloop.archive.models import Employee
from hireloop.candidates.models import ResumeFile
from hireloop.decisions.reviews import do_request_human_review
from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.services import do_invite, do_start, link_token, plan_questions
from hireloop.media.models import MediaAnalysis, ObservationThumbnail
from hireloop.testing.factories import (
    ApplicationFactory,
    JobFactory,
    OrganisationFactory,
    UserFactory,
    staffed_job,
)
from hireloop.testing.interviews import finish_interview, take_interview
from hireloop.testing.recorded import record_answer

# The roles of the matrix: on a job's team or off it, and the candidate holding a room link.
ROLES = ("anon", "candidate", "int_on", "int_off", "rec_on", "rec_off", "hr", "auditor", "sys")


def build_world() -> tuple[dict, dict]:  # type: ignore[type-arg]
    """One organisation with a job, a scored interview, a review request and an employee;
    returns the users by role and the URL arguments that open each page on them."""
    organisation = OrganisationFactory()
    recruiter = UserFactory(username="recruiter", role="recruiter")
    interviewer = UserFactory(username="interviewer", role="interviewer")
    job = staffed_job(organisation=organisation, recruiter=recruiter, interviewer=interviewer)
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers="We debugged it together."
    )
    review = do_request_human_review(session=session, message="Please look again.")
    voice_report, voice_answer, still = _voice_interview(job, recruiter)
    employee = Employee.objects.create(
        organisation=organisation,
        employee_number="E1",
        name="王芳",
        job_title="Sales",
        hire_date="2024-01-01",
    )
    fresh = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    other_job = JobFactory(organisation=organisation, title="Elsewhere")
    users = {
        "int_on": interviewer,
        "int_off": UserFactory(username="int_off", role="interviewer"),
        "rec_on": recruiter,
        "rec_off": UserFactory(username="rec_off", role="recruiter"),
        "hr": UserFactory(username="hr_admin", role="hr_admin"),
        "auditor": UserFactory(username="auditor", role="auditor"),
        "sys": UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    other_job.recruiters.add(users["rec_off"])
    other_job.interviewers.add(users["int_off"])
    for role in ("hr", "auditor", "rec_on", "int_on"):
        users[role].is_staff = True  # even with staff status, only some roles enter /admin/
        users[role].save()
    args = {
        "job_id": job.pk,
        "application_id": session.application.pk,
        "report_id": voice_report.pk,  # with a recorded answer and a still
        "answer_id": voice_answer.pk,
        "still_id": still.pk,
        "request_id": review.pk,
        "decision": "offer",
        "employee_id": employee.pk,
        "token": link_token(fresh),
        "question_id": 1,
        "resume_id": _resume_file(session.application).pk,
        "page": 1,
    }
    return users, args


def _resume_file(application) -> ResumeFile:  # type: ignore[no-untyped-def]
    """A one-page PDF as the application's resume, for the original-resume routes."""
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return ResumeFile.objects.create(
        application=application,
        file=default_storage.save("resumes/matrix.pdf", ContentFile(data)),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _voice_interview(job, recruiter):  # type: ignore[no-untyped-def]
    """A report whose first answer is a recording with a still, for the media routes."""
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = plan_questions(session)[0]
    question.answer_mode = AnswerMode.VOICE
    question.save()
    do_start(session=session)
    flow.do_record_consent(session=session, granted={"voice"})
    flow.do_finish_practice(session=session)
    answer = record_answer(session, b"\x1aE\xdf\xa3" + b"\0" * 4000, mime_type="audio/webm")
    session = finish_interview(session, "We fixed it.")
    analysis = MediaAnalysis.objects.get(recording__answer=answer)
    still = ObservationThumbnail.objects.create(
        analysis=analysis,
        observation_key="face_present",
        at_seconds=1.0,
        file=default_storage.save("stills/matrix.jpg", ContentFile(b"\xff\xd8\xff\xd9")),
    )
    return session.report, answer, still


def url_patterns(resolvers, prefix: str = "", namespace: str = ""):  # type: ignore[no-untyped-def]
    """(pattern, namespaced name) of every URL the resolvers hold, nested ones included."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), (namespace + entry.name) if entry.name else None


def client_as(role: str, users: dict) -> Client:  # type: ignore[type-arg]
    """A client logged in as the role's user (anonymous for the roles without one)."""
    client = Client(raise_request_exception=False)
    if role in users:
        client.force_login(users[role])
    return client


def url_of(pattern: str, args: dict, name: str | None = None) -> str:  # type: ignore[type-arg]
    """The pattern's URL, its parameters filled in from ``args``."""
    if "(?P<" in pattern and name:  # a regular-expression route: let the resolver build it
        return reverse(name, kwargs={k: args[k] for k in re.findall(r"\(\?P<(\w+)>", pattern)})
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(args[m.group(1)]), pattern)
