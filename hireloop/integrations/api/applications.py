"""Applications: list and filter, read, and the one move a system may make (no decisions)."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from hireloop.candidates.enums import Stage
from hireloop.candidates.models import Application
from hireloop.candidates.services import do_move_stage, do_staff_move, staff_moves_from
from hireloop.errors import InvalidTransition
from hireloop.privacy.models import AuditAction

from ..enums import Scope
from .auth import audit_call, calling_key, require_scope
from .pagination import DEFAULT_LIMIT, MAX_ID, MAX_LIMIT, Cursor, ObjectId, page_of
from .problems import ApiProblem, with_problems
from .writes import IdempotencyKey, IfMatch, check_if_match, idempotent, make_etag

router = Router(tags=["applications"])


class ApplicationOut(Schema):
    id: int
    job_id: int
    candidate_id: int
    stage: Stage
    match_score: float | None
    meets_requirements: bool | None
    has_integrity_finding: bool
    created_at: datetime
    updated_at: datetime


class ApplicationPage(Schema):
    items: list[ApplicationOut]
    next_cursor: str | None


class ApplicationFilters(Schema):
    job_id: int | None = Field(None, ge=1, le=MAX_ID)
    stage: Stage | None = None
    cursor: Cursor = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class StageMove(Schema):
    """Shortlisting or recording a withdrawal. Offers, rejections and hires are decisions a
    person takes in HireLoop's pages: the API does not make them."""

    to_stage: Literal["shortlisted", "withdrawn"]
    reason: str = Field(..., min_length=1, max_length=500, pattern=r"\S")


def application_etag(application: Application) -> str:
    return make_etag("application", application.pk, application.stage, application.updated_at)


def _out(application: Application) -> ApplicationOut:
    return ApplicationOut(
        id=application.pk,
        job_id=application.job_id,
        candidate_id=application.candidate_id,
        stage=Stage(application.stage),
        match_score=application.match_score,
        meets_requirements=application.meets_requirements,
        has_integrity_finding=application.has_integrity_finding,
        created_at=application.created_at,
        updated_at=application.updated_at,
    )


def _application(application_id: int) -> Application:
    application = Application.objects.select_related("job").filter(pk=application_id).first()
    if application is None:
        raise ApiProblem(404, "not-found", "No such application.")
    return application


def _json(application: Application, status: int = 200) -> HttpResponse:
    response = HttpResponse(
        _out(application).model_dump_json(), status=status, content_type="application/json"
    )
    response["ETag"] = application_etag(application)
    return response


@router.get(
    "/applications", response=with_problems({200: ApplicationPage}), url_name="application_list"
)
def list_applications(request: HttpRequest, filters: Query[ApplicationFilters]) -> ApplicationPage:
    """Applications by ascending id; filter by job and stage."""
    require_scope(request, Scope.APPLICATIONS_READ)
    applications = Application.objects.all()
    if filters.job_id:
        applications = applications.filter(job_id=filters.job_id)
    if filters.stage:
        applications = applications.filter(stage=filters.stage)
    items, cursor = page_of(applications, cursor=filters.cursor, limit=filters.limit)
    audit_call(request, action=AuditAction.EXPORT, object_type="application", object_id="list")
    return ApplicationPage(items=[_out(a) for a in items], next_cursor=cursor)


@router.get(
    "/applications/{application_id}",
    response=with_problems({200: ApplicationOut}),
    url_name="application_detail",
)
def get_application(request: HttpRequest, application_id: ObjectId) -> HttpResponse:
    """One application, with its ETag for a later move."""
    require_scope(request, Scope.APPLICATIONS_READ)
    application = _application(application_id)
    audit_call(
        request, action=AuditAction.EXPORT, object_type="application", object_id=application.pk
    )
    return _json(application)


@router.post(
    "/applications/{application_id}/stage",
    response=with_problems({200: ApplicationOut}, 409, 412, 428),
    url_name="application_move",
)
@idempotent
def move_application(
    request: HttpRequest,
    application_id: ObjectId,
    move: StageMove,
    idempotency_key: IdempotencyKey,
    if_match: IfMatch = None,
) -> HttpResponse:
    """Shortlist an application or record a withdrawal. Needs ``If-Match`` and
    ``Idempotency-Key``. A key bound to a person moves as that person (their rights apply);
    other keys may record withdrawals only, since shortlisting is a person's choice."""
    key = require_scope(request, Scope.APPLICATIONS_WRITE)
    application = _application(application_id)
    check_if_match(request, application_etag(application))
    if move.to_stage not in staff_moves_from(application.stage):
        raise InvalidTransition(
            f"An application cannot move from {application.stage} to {move.to_stage}."
        )
    from_stage = application.stage
    if key.acts_for is not None:
        do_staff_move(
            application=application, to_stage=move.to_stage, actor=key.acts_for, reason=move.reason
        )
    else:
        do_move_stage(
            application=application,
            to_stage=move.to_stage,
            actor=calling_key(request).audit_label,
            reason=move.reason,
        )
    audit_call(
        request,
        action=AuditAction.UPDATE,
        object_type="application",
        object_id=application.pk,
        stage={"from": from_stage, "to": move.to_stage},
        acts_for=key.acts_for_id,
    )
    application.refresh_from_db()
    return _json(application)
