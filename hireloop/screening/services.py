"""Resume intake and screening: the public API of the screening app."""

import logging
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from hireloop.candidates.enums import ResumeStatus
from hireloop.candidates.models import Application, ResumeFile
from hireloop.candidates.services import (
    DuplicateResume,
    do_create_application,
    do_record_contact,
)
from hireloop.errors import HireLoopError
from hireloop.jobs.models import Job
from hireloop.resumes.extract import ResumeUnreadable
from hireloop.resumes.fields import ParsedResume, parse_resume_text, with_known_skills
from hireloop.resumes.pool import SandboxPool
from hireloop.resumes.sandbox import SandboxResult, extract_in_sandbox
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .matching import Requirements
from .pipeline import JobSpec, Ranked, ResumeInput, screen
from .reasons import rejection_text

logger = logging.getLogger(__name__)


class ResumeRejected(HireLoopError):
    """An upload refused: ResumeRejected(reason, **params), reason a code of
    reasons.REJECTIONS. str(error) is the sentence in the language active when it was raised
    (the uploader's, on a page); stored() is what a batch keeps, for every later reader."""

    code = "resume_rejected"

    def __init__(self, reason: str, /, **params: Any) -> None:
        super().__init__(rejection_text(reason, params))
        self.reason, self.params = reason, params

    def stored(self) -> dict[str, Any]:
        return {"code": self.reason, "params": self.params}


# Longer names are refused rather than cut: a cut name could hide the part that tells
# two files apart, and no file system or page needs more.
FILENAME_MAX_CHARS = 200
# Control characters (Cc) and format characters (Cf), among them the bidirectional
# embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069 and the marks
# U+200E/U+200F: "resume\u202efdp.exe" shows as "resumeexe.pdf" (CVE-2021-42574's trick).
INVISIBLE_CATEGORIES = ("Cc", "Cf")


def clean_filename(filename: str) -> str:
    """The uploaded name without control or direction characters; refused if empty or long."""
    cleaned = "".join(
        char
        for char in unicodedata.normalize("NFC", filename)
        if unicodedata.category(char) not in INVISIBLE_CATEGORIES
    ).strip()
    if not cleaned:
        raise ResumeRejected("no_usable_name")
    if len(cleaned) > FILENAME_MAX_CHARS:
        raise ResumeRejected("name_too_long", start=cleaned[:40], limit=FILENAME_MAX_CHARS)
    return cleaned


def check_upload(*, filename: str, size: int) -> None:
    if size == 0:
        raise ResumeRejected("empty", name=filename)
    if size > settings.RESUME_MAX_BYTES:
        limit_mb = settings.RESUME_MAX_BYTES // (1024 * 1024)
        raise ResumeRejected("too_large", name=filename, limit=limit_mb)


def do_intake_resume(
    *,
    job: Job,
    filename: str,
    data: bytes,
    content_type: str = "",
    actor: Any,
    read_alone: bool = True,
) -> ResumeFile:
    """Store one resume as an application and queue it for parsing and screening.

    read_alone=False leaves the reading to the caller: a batch queues all its resumes for
    one do_parse_resumes (bulk.py). The public doors (do_receive_files, do_receive_zip) check
    that the actor may manage the job, once per upload rather than once per resume.
    """
    filename = clean_filename(filename)
    check_upload(filename=filename, size=len(data))
    with transaction.atomic():
        try:
            resume = do_create_application(
                job=job, filename=filename, data=data, content_type=content_type, actor=actor
            )
        except DuplicateResume as duplicate:
            raise ResumeRejected("duplicate", name=filename) from duplicate
        if read_alone:
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


def job_spec_of(job: Job) -> JobSpec:
    """The job as screening sees it; its competency keywords are hidden keywords to look for."""
    dimensions = list(job.dimensions.all())
    return JobSpec(
        title=job.title,
        description=job.description,
        requirements=requirements_of(job),
        indicators=[d.name for d in dimensions] + [k for d in dimensions for k in d.keywords],
    )


def do_parse_and_screen(*, resume_id: int) -> None:
    """Read one resume, fill the candidate's details and give it its stage-1 score.

    The job-level rescreen_job task, queued after commit, then ranks all the job's resumes
    together and adds the semantic stage for the best of them (do_rescreen_job).
    Idempotent: a resume already read is skipped, so a retried task does no double work.
    A file that cannot be read keeps a visible status and why (a code and its parameters,
    shown in each reader's language: ResumeFile.error_text).
    The file is read in a sandboxed process of its own; only its visible text is matched,
    and the integrity findings (hidden text, stuffing, injection) are kept in
    parsed["integrity"].
    """
    resume = _resumes_to_read().get(pk=resume_id)
    if resume.status == ResumeStatus.PARSED:
        return
    try:
        with resume.file.open("rb") as handle:
            extraction = extract_in_sandbox(handle.read(), resume.original_name)
    except ResumeUnreadable as error:
        _store_failure(resume, error)
        return
    _store_reading(resume, extraction)


def do_parse_resumes(*, resume_ids: list[int]) -> int:
    """do_parse_and_screen for many resumes, read by the long-lived workers of one sandbox
    pool instead of a new sandboxed process each; returns how many were read.

    A fresh process per file costs more than reading a typical resume (docs/resume-parsing.md,
    "The worker pool"); the pool's limits are the same, and each resume is stored as soon as
    it is read, so a worker killed half-way leaves the rest pending for the next run.
    """
    resumes = [
        resume
        for resume in _resumes_to_read().filter(pk__in=resume_ids).order_by("pk")
        if resume.status != ResumeStatus.PARSED
    ]

    def files() -> Iterator[tuple[bytes, str]]:
        for resume in resumes:
            with resume.file.open("rb") as handle:
                yield handle.read(), resume.original_name

    # The children also parse, with the taggers, on their own cores (SandboxResult.parsed).
    with SandboxPool(
        workers=settings.HIRELOOP_SANDBOX_POOL_WORKERS, taggers=True, parse=True
    ) as pool:
        for resume, result in zip(resumes, pool.imap(files()), strict=True):
            if isinstance(result, ResumeUnreadable):
                _store_failure(resume, result)
            else:
                _store_reading(resume, result)
    return len(resumes)


def _resumes_to_read() -> QuerySet[ResumeFile]:
    return ResumeFile.objects.select_related("application__job", "application__candidate")


def _store_failure(resume: ResumeFile, error: ResumeUnreadable) -> None:
    resume.status = ResumeStatus.FAILED
    resume.error_code, resume.error_params = error.code, error.params
    resume.save(update_fields=["status", "error_code", "error_params"])
    schedule_rescreen(resume.application.job_id)


def _store_reading(resume: ResumeFile, extraction: SandboxResult) -> None:
    """The parsed fields, the candidate's details and the resume's stage-1 score."""
    job = resume.application.job
    text = extraction.text
    if extraction.parsed is None:
        parsed = parse_resume_text(text, known_skills=job.skills)
    else:  # parsed in the sandbox, which does not know the job's own skills
        parsed = with_known_skills(extraction.parsed, job.skills)
    # Alone, the resume gets its lexical score now; the job-level ranking follows.
    kinds = tuple(dict.fromkeys(finding.kind for finding in extraction.findings))
    alone = ResumeInput(str(resume.pk), text, parsed, integrity=kinds)
    [first] = screen(job_spec_of(job), [alone], embedder=None)
    with transaction.atomic():
        do_record_contact(
            application=resume.application,
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
        resume.error_code, resume.error_params = "", {}
        resume.save(update_fields=["text", "parsed", "status", "error_code", "error_params"])
        Application.objects.filter(pk=resume.application_id).update(
            match_explanation=_stamped(first), **_screening_columns(first, job)
        )
        record_event(
            type=EventType.RESUME_PARSED,
            payload={"resume_id": resume.pk, "application_id": resume.application_id},
        )
        schedule_rescreen(job.pk)


SCREENING_COLUMNS = (
    "match_score",
    "meets_requirements",
    "has_integrity_finding",
    "screened_revision",
)


def _screening_columns(ranked: Ranked, job: Job) -> dict[str, Any]:
    """The score and what the job's list filters on, stamped with the requirements revision."""
    return {
        "match_score": ranked.score,
        "meets_requirements": ranked.match.passes_filters,
        "has_integrity_finding": ranked.is_held_for_review,
        "screened_revision": job.requirements_revision,
    }


def on_requirements_changed(payload: dict[str, Any]) -> None:
    """A job's requirements changed (jobs.changes.do_update_job): screen its resumes again."""
    schedule_rescreen(payload["job_id"])


def integrity_kinds(parsed: dict[str, Any]) -> tuple[str, ...]:
    """The kinds of a stored resume's integrity findings, each once, in order."""
    return tuple(dict.fromkeys(finding["kind"] for finding in parsed.get("integrity") or []))


def ranked_applications(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Those meeting every hard requirement first, then those missing one, each best match
    first (a resume that misses a must-have never sits above one that meets them all);
    applications still being read come last."""
    return applications.order_by(
        F("meets_requirements").desc(nulls_last=True),
        F("match_score").desc(nulls_last=True),
        "id",
    )


def schedule_rescreen(job_id: int) -> None:
    """Queue rescreen_job for the job after commit, unless one is already waiting.

    Debounced twice over: the task runs at a lower priority than the parsing tasks, so a batch of
    uploads is parsed first and ranked once; and a job with a rescreen still queued gets no
    second one. Two workers may still both queue one; the second then embeds nothing new.
    """
    transaction.on_commit(lambda: _enqueue_rescreen(job_id))


RESCREEN_PRIORITY = -10


def _enqueue_rescreen(job_id: int) -> None:
    from .tasks import rescreen_job

    if _is_rescreen_waiting(rescreen_job.module_path, job_id):
        return
    rescreen_job.using(priority=RESCREEN_PRIORITY).enqueue(job_id)


def _is_rescreen_waiting(task_path: str, job_id: int) -> bool:
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return False  # other backends have no queue to look into
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().filter(task_path=task_path)
    return any(row["args"] == [job_id] for row in waiting.values_list("args_kwargs", flat=True))


def do_rescreen_job(*, job_id: int) -> int:
    """Rank every parsed resume of the job in two stages and store each score and explanation.

    Idempotent. Embeddings come from the ResumeEmbedding cache; only resumes whose text has no
    cached vectors for the configured engine are embedded. Returns the number ranked.
    """
    from hireloop.embeddings import embedder_named

    from .embedding_cache import ResumeEmbeddingCache

    job = Job.objects.prefetch_related("dimensions").get(pk=job_id)
    latest: dict[int, ResumeFile] = {}
    parsed_resumes = ResumeFile.objects.filter(application__job=job, status=ResumeStatus.PARSED)
    for resume in parsed_resumes.order_by("application_id", "uploaded_at", "id"):
        latest[resume.application_id] = resume  # an application's newest resume counts
    resumes = list(latest.values())
    inputs = [
        ResumeInput(
            str(r.application_id),
            r.text,
            ParsedResume.from_dict(r.parsed),
            integrity=integrity_kinds(r.parsed),
        )
        for r in resumes
    ]
    embedder = embedder_named(settings.HIRELOOP_SCREENING_EMBEDDER)
    cache = ResumeEmbeddingCache(embedder_name=embedder.name, resumes=resumes)
    ranked = screen(
        job_spec_of(job),
        inputs,
        embedder=embedder,
        top_n=settings.HIRELOOP_SEMANTIC_TOP_N,
        cache=cache,
    )
    logger.info("Rescreened job %s: %d resumes, %d embedded.", job_id, len(ranked), cache.embedded)
    now = timezone.now()
    with transaction.atomic():
        applications = Application.objects.in_bulk([int(r.key) for r in ranked])
        for item in ranked:
            application = applications[int(item.key)]
            for name, value in _screening_columns(item, job).items():
                setattr(application, name, value)
            application.match_explanation = _stamped(item, at=now)
        Application.objects.bulk_update(
            applications.values(),
            ["match_explanation", *SCREENING_COLUMNS],
            batch_size=500,
        )
    return len(ranked)


def _stamped(ranked: Ranked, *, at: datetime | None = None) -> dict[str, Any]:
    """The explanation with when it was computed, for the pages' "recomputed on" line."""
    return {**ranked.explanation(), "screened_at": (at or timezone.now()).isoformat()}
