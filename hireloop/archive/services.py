"""Hiring into the employee archive: the public API of the archive app."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.assessment.models import Report
from hireloop.candidates.models import Application
from hireloop.decisions.services import Decision, do_decide
from hireloop.errors import NotFoundOrForbidden
from hireloop.privacy.services import names_for_list
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .models import Employee

# Employee records (performance, training, attendance) are HR's: recruiters hire into the
# archive but do not read it. A manager role would see its own team here when it exists.
ARCHIVE_ROLES = (Role.HR_ADMIN, Role.ADMIN)


def may_see_employees(user: Any) -> bool:
    return has_role(user, *ARCHIVE_ROLES)


def employees_visible_to(user: Any) -> QuerySet[Employee]:
    return Employee.objects.all() if may_see_employees(user) else Employee.objects.none()


def access_employee(user: Any, employee_id: int) -> Employee:
    employee = employees_visible_to(user).filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundOrForbidden("Employee not found.")
    return employee


def employee_display_name(*, employee: Employee, viewer: Any) -> str:
    """In clear for HR roles (each read audited), masked for everyone else."""
    return names_for_list(viewer=viewer, object_type="employee", people=[employee])[employee.pk]


def interview_results(application: Application) -> dict:
    """What the archive keeps of the hiring interview: scores, evidence and reviews."""
    reports = Report.objects.filter(session__application=application).prefetch_related(
        "scores__dimension", "reviews__reviewer"
    )
    return {
        "job": application.job.title,
        "match_score": application.match_score,
        "reports": [
            {
                "report_id": report.pk,
                "overall_score": report.overall_score,
                "recommendation": report.recommendation,
                "scores": [
                    {"dimension": s.dimension.name, "score": s.score, "evidence": s.evidence}
                    for s in report.scores.all()
                ],
                "reviews": [
                    {
                        "reviewer": str(r.reviewer),
                        "decision": r.decision,
                        "scores": r.scores,
                        "comments": r.comments,
                    }
                    for r in report.reviews.all()
                ],
            }
            for report in reports
        ],
    }


def next_employee_number() -> str:
    last = Employee.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return f"E{last + 1:05d}"


def do_hire(*, application: Application, actor: Any, reason: str) -> Employee:
    """Hire the candidate: move the stage and create the employee record from the application."""
    candidate = application.candidate
    resume = application.resumes.order_by("-uploaded_at").first()
    with transaction.atomic():
        do_decide(application=application, decision=Decision.HIRE, actor=actor, reason=reason)
        job = application.job
        employee = Employee.objects.create(
            organisation=job.organisation,
            department=job.department,
            team=job.team,
            employee_number=next_employee_number(),
            name=candidate.name,
            email=candidate.email,
            phone=candidate.phone,
            gender=candidate.gender,
            birth_date=candidate.birth_date,
            ethnicity=candidate.ethnicity,
            region=candidate.region,
            job_title=job.title,
            hire_date=timezone.localdate(),
            application=application,
            interview_results=interview_results(application),
            resume_profile={
                k: v
                for k, v in (resume.parsed if resume else {}).items()
                if k not in ("name", "email", "phone", "lines")
            },
        )
        record_event(
            type=EventType.CANDIDATE_HIRED,
            payload={"application_id": application.pk, "employee_id": employee.pk},
        )
    return employee
