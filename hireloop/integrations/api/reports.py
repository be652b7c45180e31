"""Interview reports as JSON: overall score, recommendation and per-dimension scores with
their rationale (quotes masked like the pages unless the key may see contact details)."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hireloop.assessment.models import Report
from hireloop.privacy.masking import Redactor
from hireloop.privacy.models import AuditAction

from ..enums import Scope
from .auth import audit_call, has_scope, require_scope
from .pagination import DEFAULT_LIMIT, MAX_ID, MAX_LIMIT, Cursor, ObjectId, page_of
from .problems import ApiProblem, with_problems

router = Router(tags=["reports"])


class DimensionScoreOut(Schema):
    dimension_id: int
    dimension: str
    score: float
    matched_anchor: str
    rationale: str


class ReportOut(Schema):
    id: int
    application_id: int
    job_id: int
    overall_score: float
    recommendation: str
    scorer: str
    created_at: datetime
    recomputed_at: datetime | None
    scores: list[DimensionScoreOut]


class ReportPage(Schema):
    items: list[ReportOut]
    next_cursor: str | None


class ReportFilters(Schema):
    job_id: int | None = Field(None, ge=1, le=MAX_ID)
    application_id: int | None = Field(None, ge=1, le=MAX_ID)
    cursor: Cursor = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def _reports():  # type: ignore[no-untyped-def]
    return Report.objects.select_related(
        "session__application__candidate", "session__application__job"
    ).prefetch_related("scores__dimension")


def _out(report: Report, *, unmasked: bool) -> ReportOut:
    application = report.session.application
    redact = (lambda text: text) if unmasked else Redactor([application.candidate.name])
    return ReportOut(
        id=report.pk,
        application_id=application.pk,
        job_id=application.job_id,
        overall_score=report.overall_score,
        recommendation=report.recommendation,
        scorer=report.scorer,
        created_at=report.created_at,
        recomputed_at=report.recomputed_at,
        scores=[
            DimensionScoreOut(
                dimension_id=s.dimension_id,
                dimension=s.dimension.name,
                score=s.score,
                matched_anchor=s.matched_anchor,
                rationale=redact(s.rationale),
            )
            for s in report.scores.all()
        ],
    )


@router.get("/reports", response=with_problems({200: ReportPage}), url_name="report_list")
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> ReportPage:
    """Reports by ascending id; filter by job or application."""
    require_scope(request, Scope.REPORTS_READ)
    unmasked = has_scope(request, Scope.CANDIDATES_CONTACT)
    reports = _reports()
    if filters.job_id:
        reports = reports.filter(session__application__job_id=filters.job_id)
    if filters.application_id:
        reports = reports.filter(session__application_id=filters.application_id)
    items, cursor = page_of(reports, cursor=filters.cursor, limit=filters.limit)
    audit_call(request, action=AuditAction.EXPORT, object_type="report", object_id="list")
    return ReportPage(items=[_out(r, unmasked=unmasked) for r in items], next_cursor=cursor)


@router.get(
    "/reports/{report_id}", response=with_problems({200: ReportOut}), url_name="report_detail"
)
def get_report(request: HttpRequest, report_id: ObjectId) -> ReportOut:
    """One report as JSON."""
    require_scope(request, Scope.REPORTS_READ)
    report = _reports().filter(pk=report_id).first()
    if report is None:
        raise ApiProblem(404, "not-found", "No such report.")
    audit_call(request, action=AuditAction.EXPORT, object_type="report", object_id=report.pk)
    return _out(report, unmasked=has_scope(request, Scope.CANDIDATES_CONTACT))
