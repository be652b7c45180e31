"""Candidates: contact details masked unless the key's scope unmasks them, the same masks as
the pages (privacy.masking); every unmasked read audited as a reveal."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hireloop.candidates.models import Candidate
from hireloop.privacy import masking
from hireloop.privacy.models import AuditAction

from ..enums import Scope
from .auth import audit_call, has_scope, require_scope
from .pagination import DEFAULT_LIMIT, MAX_LIMIT, Cursor, ObjectId, page_of
from .problems import ApiProblem, with_problems

router = Router(tags=["people"])

CONTACT_FIELDS = ["name", "email", "phone"]


class Contact(Schema):
    name: str
    email: str
    phone: str
    masked: bool


class CandidateOut(Schema):
    id: int
    contact: Contact
    application_ids: list[int]
    created_at: datetime


class CandidatePage(Schema):
    items: list[CandidateOut]
    next_cursor: str | None


class PageFilters(Schema):
    cursor: Cursor = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def contact_of(person: Any, *, unmasked: bool) -> Contact:
    if unmasked:
        return Contact(name=person.name, email=person.email, phone=person.phone, masked=False)
    return Contact(
        name=masking.mask_name(person.name),
        email=masking.mask_email(person.email),
        phone=masking.mask_phone(person.phone),
        masked=True,
    )


def audit_read(request: HttpRequest, object_type: str, ids: list[int], unmasked: bool) -> None:
    """A reveal (with the fields) when contact details left unmasked, else an export."""
    object_id = ",".join(map(str, ids))[:64] or "list"
    if unmasked:
        audit_call(
            request,
            action=AuditAction.REVEAL,
            object_type=object_type,
            object_id=object_id,
            fields=CONTACT_FIELDS,
            ids=ids,
        )
    else:
        audit_call(request, action=AuditAction.EXPORT, object_type=object_type, object_id=object_id)


def _candidate_out(candidate: Candidate, unmasked: bool) -> CandidateOut:
    return CandidateOut(
        id=candidate.pk,
        contact=contact_of(candidate, unmasked=unmasked),
        application_ids=sorted(a.pk for a in candidate.applications.all()),
        created_at=candidate.created_at,
    )


@router.get("/candidates", response=with_problems({200: CandidatePage}), url_name="candidate_list")
def list_candidates(request: HttpRequest, filters: Query[PageFilters]) -> CandidatePage:
    """Candidates by ascending id; contact details unmasked only with candidates:contact."""
    require_scope(request, Scope.CANDIDATES_READ)
    unmasked = has_scope(request, Scope.CANDIDATES_CONTACT)
    rows = Candidate.objects.prefetch_related("applications")
    items, cursor = page_of(rows, cursor=filters.cursor, limit=filters.limit)
    audit_read(request, "candidate", [c.pk for c in items], unmasked)
    return CandidatePage(items=[_candidate_out(c, unmasked) for c in items], next_cursor=cursor)


@router.get(
    "/candidates/{candidate_id}",
    response=with_problems({200: CandidateOut}),
    url_name="candidate_detail",
)
def get_candidate(request: HttpRequest, candidate_id: ObjectId) -> CandidateOut:
    """One candidate; contact details unmasked only with candidates:contact."""
    require_scope(request, Scope.CANDIDATES_READ)
    unmasked = has_scope(request, Scope.CANDIDATES_CONTACT)
    candidate = Candidate.objects.prefetch_related("applications").filter(pk=candidate_id).first()
    if candidate is None:
        raise ApiProblem(404, "not-found", "No such candidate.")
    audit_read(request, "candidate", [candidate.pk], unmasked)
    return _candidate_out(candidate, unmasked)
