"""An employee by number: read it (with its ETag), or create or update it with its history.

PUT is idempotent by itself (the same body twice leaves one record), so it needs no
Idempotency-Key; updating an existing employee needs If-Match (428 without, 412 if stale).
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Path, Router, Schema

from hireloop.archive.models import Employee
from hireloop.archive.upsert import (
    EmployeeSpec,
    NoOrganisation,
    PromotionSpec,
    ReviewSpec,
    TrainingSpec,
    UnknownDepartment,
    do_upsert_employee,
)

from ..enums import Scope
from .auth import calling_key, has_scope, require_scope
from .employees import EmployeeDetail, employee_etag, employee_response
from .people import audit_read
from .problems import ApiProblem, with_problems
from .writes import IfMatch, check_if_match

router = Router(tags=["employees"])

EmployeeNumber = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.-]{1,30}$")]
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")]
Day = date  # no bounds: JSON Schema has none for dates, and every date is storable


def _tenths(value: float) -> Decimal:
    """The archive keeps one decimal place: 4.25 is kept as 4.3 (half up, like a form)."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class ReviewIn(Schema):
    period: Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[^\x00]+$")]
    rating: float = Field(ge=0, le=10)


class PromotionIn(Schema):
    date: Day
    from_title: Text
    to_title: Text


class TrainingIn(Schema):
    course: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]+$")]
    completed_on: Day
    hours: float = Field(ge=0, le=9999)
    score: float | None = Field(None, ge=0, le=9999)


class EmployeeIn(Schema):
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]*\S[^\x00]*$")]
    job_title: Text
    hire_date: Day
    email: Text = ""
    phone: Annotated[str, Field(max_length=40, pattern=r"^[^\x00]*$")] = ""
    role_family: Annotated[str, Field(max_length=50, pattern=r"^[^\x00]*$")] = ""
    department: Text = ""
    status: Literal["active", "left"] = "active"
    left_on: Day | None = None
    performance_reviews: list[ReviewIn] = Field(default_factory=list, max_length=200)
    promotions: list[PromotionIn] = Field(default_factory=list, max_length=200)
    trainings: list[TrainingIn] = Field(default_factory=list, max_length=200)


def _spec(number: str, body: EmployeeIn) -> EmployeeSpec:
    return EmployeeSpec(
        employee_number=number,
        name=body.name,
        job_title=body.job_title,
        hire_date=body.hire_date,
        email=body.email,
        phone=body.phone,
        role_family=body.role_family,
        department=body.department,
        status=body.status,
        left_on=body.left_on,
        reviews=[ReviewSpec(r.period, _tenths(r.rating)) for r in body.performance_reviews],
        promotions=[PromotionSpec(p.date, p.from_title, p.to_title) for p in body.promotions],
        trainings=[
            TrainingSpec(
                t.course,
                t.completed_on,
                _tenths(t.hours),
                None if t.score is None else _tenths(t.score),
            )
            for t in body.trainings
        ],
    )


def _by_number(number: str) -> Employee | None:
    return Employee.objects.select_related("department").filter(employee_number=number).first()


@router.get(
    "/employees/by-number/{employee_number}",
    response=with_problems({200: EmployeeDetail}),
    url_name="employee_by_number",
)
def get_employee_by_number(request: HttpRequest, employee_number: EmployeeNumber) -> HttpResponse:
    """One employee by their number, with history and ETag."""
    require_scope(request, Scope.EMPLOYEES_READ)
    employee = _by_number(employee_number)
    if employee is None:
        raise ApiProblem(404, "not-found", "No such employee.")
    audit_read(request, "employee", [employee.pk], has_scope(request, Scope.EMPLOYEES_CONTACT))
    return employee_response(request, employee)


@router.put(
    "/employees/by-number/{employee_number}",
    response=with_problems({200: EmployeeDetail, 201: EmployeeDetail}, 409, 412, 428),
    url_name="employee_by_number_put",
)
def put_employee(
    request: HttpRequest,
    employee_number: EmployeeNumber,
    body: EmployeeIn,
    if_match: IfMatch = None,
) -> HttpResponse:
    """Create the employee (201), or update them (200, with If-Match); history named in the
    body is added or updated (reviews by period, promotions by date and title, trainings by
    course and date), history it does not name is kept."""
    require_scope(request, Scope.EMPLOYEES_WRITE)
    existing = _by_number(employee_number)
    if existing is not None:
        check_if_match(request, employee_etag(existing))
    try:
        key = calling_key(request)
        employee, created = do_upsert_employee(
            spec=_spec(employee_number, body),
            actor=key.audit_label,
            audit_detail={"api_key": key.pk, "method": request.method, "path": request.path},
        )
    except UnknownDepartment as unknown:
        # A reference to a record the server lacks: a conflict with its state, not a
        # malformed request (the body matches the schema).
        raise ApiProblem(409, "unknown-department", str(unknown)) from None
    except NoOrganisation as missing:
        raise ApiProblem(409, "no-organisation", str(missing)) from None
    employee = _by_number(employee_number) or employee
    return employee_response(request, employee, status=201 if created else 200)
