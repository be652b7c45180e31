"""Jobs and their competency profiles (dimensions with weights and anchors)."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hireloop.jobs.models import Job
from hireloop.privacy.models import AuditAction

from ..enums import Scope
from .auth import audit_call, require_scope
from .pagination import DEFAULT_LIMIT, MAX_LIMIT, Cursor, ObjectId, page_of
from .problems import ApiProblem, with_problems

router = Router(tags=["jobs"])


class DimensionOut(Schema):
    id: int
    name: str
    description: str
    weight: float
    anchor_low: str
    anchor_mid: str
    anchor_high: str
    keywords: list[str]


class JobOut(Schema):
    id: int
    title: str
    description: str
    language: str
    status: str
    min_degree: int
    min_years: int
    skills: list[str]
    must_have_keywords: list[str]
    bonus_keywords: list[str]
    created_at: datetime
    dimensions: list[DimensionOut]


class JobPage(Schema):
    items: list[JobOut]
    next_cursor: str | None


class JobFilters(Schema):
    status: Literal["draft", "open", "closed"] | None = None
    cursor: Cursor = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def _job_out(job: Job) -> JobOut:
    dimensions = [
        DimensionOut(
            id=d.pk,
            name=d.name,
            description=d.description,
            weight=float(d.weight),
            anchor_low=d.anchor_low,
            anchor_mid=d.anchor_mid,
            anchor_high=d.anchor_high,
            keywords=list(d.keywords),
        )
        for d in sorted(job.dimensions.all(), key=lambda d: (d.position, d.pk))
    ]
    return JobOut(
        id=job.pk,
        title=job.title,
        description=job.description,
        language=job.language,
        status=job.status,
        min_degree=job.min_degree,
        min_years=job.min_years,
        skills=list(job.skills),
        must_have_keywords=list(job.must_have_keywords),
        bonus_keywords=list(job.bonus_keywords),
        created_at=job.created_at,
        dimensions=dimensions,
    )


@router.get("/jobs", response=with_problems({200: JobPage}), url_name="job_list")
def list_jobs(request: HttpRequest, filters: Query[JobFilters]) -> JobPage:
    """Jobs by ascending id, each with its profile; filter by status."""
    require_scope(request, Scope.JOBS_READ)
    jobs = Job.objects.prefetch_related("dimensions")
    if filters.status:
        jobs = jobs.filter(status=filters.status)
    items, cursor = page_of(jobs, cursor=filters.cursor, limit=filters.limit)
    audit_call(request, action=AuditAction.EXPORT, object_type="job", object_id="list")
    return JobPage(items=[_job_out(job) for job in items], next_cursor=cursor)


@router.get("/jobs/{job_id}", response=with_problems({200: JobOut}), url_name="job_detail")
def get_job(request: HttpRequest, job_id: ObjectId) -> JobOut:
    """One job with its profile."""
    require_scope(request, Scope.JOBS_READ)
    job = Job.objects.prefetch_related("dimensions").filter(pk=job_id).first()
    if job is None:
        raise ApiProblem(404, "not-found", "No such job.")
    audit_call(request, action=AuditAction.EXPORT, object_type="job", object_id=job.pk)
    return _job_out(job)
