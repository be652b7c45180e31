"""Writing an employee and their history by employee number: the archive's door for other
systems (the REST API; later the spreadsheet import). Idempotent: the same record twice
changes nothing the second time."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from hireloop.errors import HireLoopError
from hireloop.org.models import Department, Organisation
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit

from .models import Employee, PerformanceReview, Promotion, TrainingRecord
from .search import index_employees


class UnknownDepartment(HireLoopError):
    code = "unknown_department"


class NoOrganisation(HireLoopError):
    code = "no_organisation"


@dataclass(frozen=True)
class ReviewSpec:
    period: str
    rating: Decimal


@dataclass(frozen=True)
class PromotionSpec:
    date: date
    from_title: str
    to_title: str


@dataclass(frozen=True)
class TrainingSpec:
    course: str
    completed_on: date
    hours: Decimal
    score: Decimal | None


@dataclass(frozen=True)
class EmployeeSpec:
    """What another system says of one employee. Sensitive attributes are never taken here:
    only the fairness audit's own collection writes them."""

    employee_number: str
    name: str
    job_title: str
    hire_date: date
    email: str = ""
    phone: str = ""
    role_family: str = ""
    department: str = ""  # a department's name (Chinese or English), or none
    status: str = "active"
    left_on: date | None = None
    reviews: list[ReviewSpec] = field(default_factory=list)
    promotions: list[PromotionSpec] = field(default_factory=list)
    trainings: list[TrainingSpec] = field(default_factory=list)


def _department(name: str) -> Department | None:
    if not name:
        return None
    found = (
        Department.objects.filter(name=name).first()
        or Department.objects.filter(name_en=name).first()
    )
    if found is None:
        raise UnknownDepartment(f"No department is called {name!r}.")
    return found


def do_upsert_employee(
    *, spec: EmployeeSpec, actor: Any, audit_detail: dict | None = None
) -> tuple[Employee, bool]:
    """Create or update the employee with this number, and merge their history: reviews by
    period, promotions by date and new title, trainings by course and date are added or
    updated; history the spec does not name is kept. Returns (employee, created).

    ``audit_detail`` joins the audit entry (the API adds its key's id)."""
    organisation = Organisation.objects.order_by("id").first()
    if organisation is None:
        raise NoOrganisation("Set up the organisation first.")
    values = {
        "organisation": organisation,
        "name": spec.name,
        "email": spec.email,
        "phone": spec.phone,
        "job_title": spec.job_title,
        "role_family": spec.role_family,
        "department": _department(spec.department),
        "hire_date": spec.hire_date,
        "status": spec.status,
        "left_on": spec.left_on,
    }
    with transaction.atomic():
        employee, created = Employee.objects.select_for_update().update_or_create(
            employee_number=spec.employee_number, defaults=values
        )
        _merge_history(employee, spec)
        index_employees([employee])
        do_audit(
            actor=actor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            object_type="employee",
            object_id=employee.pk,
            detail={
                "employee_number": spec.employee_number,
                "history": [len(spec.reviews), len(spec.promotions), len(spec.trainings)],
            }
            | (audit_detail or {}),
        )
    return employee, created


def _merge_history(employee: Employee, spec: EmployeeSpec) -> None:
    for review in spec.reviews:
        _merge(PerformanceReview, employee, {"period": review.period}, {"rating": review.rating})
    for promotion in spec.promotions:
        _merge(
            Promotion,
            employee,
            {"date": promotion.date, "to_title": promotion.to_title},
            {"from_title": promotion.from_title},
        )
    for training in spec.trainings:
        _merge(
            TrainingRecord,
            employee,
            {"course": training.course, "completed_on": training.completed_on},
            {"hours": training.hours, "score": training.score},
        )


def _merge(model: Any, employee: Employee, keys: dict, values: dict) -> None:
    """Update the first record with these keys, or add one. Not update_or_create: promotions
    and trainings may hold twins from older data, where it would raise."""
    existing = model.objects.filter(employee=employee, **keys).order_by("pk").first()
    if existing is None:
        model.objects.create(employee=employee, **keys, **values)
        return
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save(update_fields=list(values))
