"""Employees and their history: read (contact details masked unless employees:contact) and
written by employee number (archive.upsert), with ETag/If-Match."""

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from hireloop.archive.models import Employee

from ..enums import Scope
from .auth import has_scope, require_scope
from .pagination import ObjectId, page_of
from .people import Contact, PageFilters, audit_read, contact_of
from .problems import ApiProblem, with_problems
from .writes import make_etag

router = Router(tags=["employees"])


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
        "contact": contact_of(employee, unmasked=unmasked),
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
    audit_read(request, "employee", [e.pk for e in items], unmasked)
    return EmployeePage(
        items=[EmployeeOut(**_employee_fields(e, unmasked)) for e in items], next_cursor=cursor
    )


def employee_detail(employee: Employee, *, unmasked: bool) -> EmployeeDetail:
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


def employee_etag(employee: Employee) -> str:
    """Over the whole record in clear, so every key sees the same tag for the same version
    (a hash: it reveals nothing)."""
    return make_etag("employee", employee_detail(employee, unmasked=True).model_dump_json())


def employee_response(request: HttpRequest, employee: Employee, status: int = 200) -> HttpResponse:
    unmasked = has_scope(request, Scope.EMPLOYEES_CONTACT)
    body = employee_detail(employee, unmasked=unmasked).model_dump_json()
    response = HttpResponse(body, status=status, content_type="application/json")
    response["ETag"] = employee_etag(employee)
    return response


@router.get(
    "/employees/{employee_id}",
    response=with_problems({200: EmployeeDetail}),
    url_name="employee_detail",
)
def get_employee(request: HttpRequest, employee_id: ObjectId) -> HttpResponse:
    """One employee with their history: performance reviews, promotions, training."""
    require_scope(request, Scope.EMPLOYEES_READ)
    employee = Employee.objects.select_related("department").filter(pk=employee_id).first()
    if employee is None:
        raise ApiProblem(404, "not-found", "No such employee.")
    audit_read(request, "employee", [employee.pk], has_scope(request, Scope.EMPLOYEES_CONTACT))
    return employee_response(request, employee)
