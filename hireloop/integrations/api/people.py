"""Candidates and employees: contact details masked unless the key's scope unmasks them,
the same masks as the pages (privacy.masking); every unmasked read audited as a reveal."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hireloop.archive.models import Employee
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


def _contact(person: Any, *, unmasked: bool) -> Contact:
    if unmasked:
        return Contact(name=person.name, email=person.email, phone=person.phone, masked=False)
    return Contact(
        name=masking.mask_name(person.name),
        email=masking.mask_email(person.email),
        phone=masking.mask_phone(person.phone),
        masked=True,
    )


def _audit_read(request: HttpRequest, object_type: str, ids: list[int], unmasked: bool) -> None:
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
        contact=_contact(candidate, unmasked=unmasked),
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
    _audit_read(request, "candidate", [c.pk for c in items], unmasked)
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
    _audit_read(request, "candidate", [candidate.pk], unmasked)
    return _candidate_out(candidate, unmasked)


class ReviewOut(Schema):
    period: str
    rating: float


class PromotionOut(Schema):
    date: date
    from_title: str
    to_title: str


class TrainingOut(Schema):
    course: str
    completed_on: date
    hours: float
    score: float | None


class EmployeeOut(Schema):
    id: int
    employee_number: str
    contact: Contact
    job_title: str
    role_family: str
    department: str | None
    hire_date: date
    status: str
    left_on: date | None


class EmployeeDetail(EmployeeOut):
    performance_reviews: list[ReviewOut]
    promotions: list[PromotionOut]
    trainings: list[TrainingOut]


class EmployeePage(Schema):
    items: list[EmployeeOut]
    next_cursor: str | None


def _employee_fields(employee: Employee, unmasked: bool) -> dict[str, Any]:
    return {
        "id": employee.pk,
        "employee_number": employee.employee_number,
        "contact": _contact(employee, unmasked=unmasked),
        "job_title": employee.job_title,
        "role_family": employee.role_family,
        "department": employee.department.name if employee.department else None,
        "hire_date": employee.hire_date,
        "status": employee.status,
        "left_on": employee.left_on,
    }


@router.get("/employees", response=with_problems({200: EmployeePage}), url_name="employee_list")
def list_employees(request: HttpRequest, filters: Query[PageFilters]) -> EmployeePage:
    """Employees by ascending id; contact details unmasked only with employees:contact."""
    require_scope(request, Scope.EMPLOYEES_READ)
    unmasked = has_scope(request, Scope.EMPLOYEES_CONTACT)
    rows = Employee.objects.select_related("department")
    items, cursor = page_of(rows, cursor=filters.cursor, limit=filters.limit)
    _audit_read(request, "employee", [e.pk for e in items], unmasked)
    return EmployeePage(
        items=[EmployeeOut(**_employee_fields(e, unmasked)) for e in items], next_cursor=cursor
    )


@router.get(
    "/employees/{employee_id}",
    response=with_problems({200: EmployeeDetail}),
    url_name="employee_detail",
)
def get_employee(request: HttpRequest, employee_id: ObjectId) -> EmployeeDetail:
    """One employee with their history: performance reviews, promotions, training."""
    require_scope(request, Scope.EMPLOYEES_READ)
    unmasked = has_scope(request, Scope.EMPLOYEES_CONTACT)
    employee = Employee.objects.select_related("department").filter(pk=employee_id).first()
    if employee is None:
        raise ApiProblem(404, "not-found", "No such employee.")
    _audit_read(request, "employee", [employee.pk], unmasked)
    return EmployeeDetail(
        **_employee_fields(employee, unmasked),
        performance_reviews=[
            ReviewOut(period=r.period, rating=float(r.rating)) for r in employee.reviews.all()
        ],
        promotions=[
            PromotionOut(date=p.date, from_title=p.from_title, to_title=p.to_title)
            for p in employee.promotions.all()
        ],
        trainings=[
            TrainingOut(
                course=t.course,
                completed_on=t.completed_on,
                hours=float(t.hours),
                score=None if t.score is None else float(t.score),
            )
            for t in employee.trainings.all()
        ],
    )
