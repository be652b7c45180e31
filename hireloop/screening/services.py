"""Resume intake and screening: the public API of the screening app."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet

from hireloop.candidates.enums import ResumeStatus
from hireloop.candidates.models import Application, ResumeFile
from hireloop.candidates.services import do_create_application, do_update_contact
from hireloop.errors import HireLoopError
from hireloop.jobs.models import Job
from hireloop.resumes.extract import ResumeUnreadable
from hireloop.resumes.fields import parse_resume_text
from hireloop.resumes.sandbox import extract_in_sandbox
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .matching import Requirements, match_resume


class ResumeRejected(HireLoopError):
    code = "resume_rejected"


def check_upload(*, filename: str, size: int) -> None:
    if size == 0:
        raise ResumeRejected(f"{filename} is empty.")
    if size > settings.RESUME_MAX_BYTES:
        limit_mb = settings.RESUME_MAX_BYTES // (1024 * 1024)
        raise ResumeRejected(f"{filename} is larger than the {limit_mb} MB limit.")


def do_intake_resume(
    *, job: Job, filename: str, data: bytes, content_type: str = "", actor: Any
) -> ResumeFile:
    """Store one resume as an application and queue it for parsing and screening."""
    check_upload(filename=filename, size=len(data))
    with transaction.atomic():
        resume = do_create_application(
            job=job, filename=filename, data=data, content_type=content_type, actor=actor
        )
        transaction.on_commit(lambda: _enqueue_screening(resume.pk))
    return resume


def _enqueue_screening(resume_id: int) -> None:
    from .tasks import parse_and_screen

    parse_and_screen.enqueue(resume_id)


def requirements_of(job: Job) -> Requirements:
    return Requirements(
        min_degree=job.min_degree,
        min_years=job.min_years,
        skills=list(job.skills),
        must_have=list(job.must_have_keywords),
        bonus=list(job.bonus_keywords),
    )


def do_parse_and_screen(*, resume_id: int) -> None:
    """Read one resume, fill the candidate's details and score the match with the job.

    Idempotent: a resume already read is skipped, so a retried task does no double work.
    A file that cannot be read keeps a human-readable error and a visible status.
    The file is read in a sandboxed process; only its visible text is matched, and the
    integrity findings (hidden text, stuffing, injection) are kept in parsed["integrity"].
    """
    resume = ResumeFile.objects.select_related("application__job", "application__candidate").get(
        pk=resume_id
    )
    if resume.status == ResumeStatus.PARSED:
        return
    job = resume.application.job
    try:
        with resume.file.open("rb") as handle:
            extraction = extract_in_sandbox(handle.read(), resume.original_name)
    except ResumeUnreadable as error:
        resume.status = ResumeStatus.FAILED
        resume.error = str(error)
        resume.save(update_fields=["status", "error"])
        return
    text = extraction.text
    parsed = parse_resume_text(text, known_skills=job.skills)
    match = match_resume(parsed, requirements_of(job))
    with transaction.atomic():
        do_update_contact(
            candidate=resume.application.candidate,
            name=parsed.name,
            email=parsed.email,
            phone=parsed.phone,
        )
        resume.text = text
        resume.parsed = {
            **parsed.to_dict(),
            "integrity": [finding.to_dict() for finding in extraction.findings],
        }
        resume.status = ResumeStatus.PARSED
        resume.error = ""
        resume.save(update_fields=["text", "parsed", "status", "error"])
        Application.objects.filter(pk=resume.application_id).update(
            match_score=match.score, match_explanation=match.to_dict()
        )
        record_event(
            type=EventType.RESUME_PARSED,
            payload={"resume_id": resume.pk, "application_id": resume.application_id},
        )


def ranked_applications(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Best match first; applications still being read come last."""
    return applications.order_by(F("match_score").desc(nulls_last=True), "id")
