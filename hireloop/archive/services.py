"""Hiring into the employee archive: the public API of the archive app."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.assessment.models import Report
from hireloop.candidates.enums import ResumeStatus
from hireloop.candidates.models import Application
from hireloop.decisions.services import Decision, do_decide
from hireloop.errors import NotFoundOrForbidden
from hireloop.privacy import masking
from hireloop.privacy.services import may_see_unmasked, reveal
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .models import Employee
from .search import index_employees

CONTACT_FIELDS = ("name", "email", "phone")

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


def employee_contact(*, employee: Employee, viewer: Any) -> dict[str, Any]:
    """Name, e-mail and phone as this viewer may see them: in clear for the roles that see
    personal data (one audited read of the three), masked for everyone else."""
    if may_see_unmasked(viewer):
        reveal(
            actor=viewer,
            object_type="employee",
            object_id=employee.pk,
            fields=list(CONTACT_FIELDS),
        )
        return {
            "name": employee.name,
            "email": employee.email,
            "phone": employee.phone,
            "masked": False,
        }
    return {
        "name": masking.mask_name(employee.name),
        "email": masking.mask_email(employee.email),
        "phone": masking.mask_phone(employee.phone),
        "masked": True,
    }


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


# What of the parsed resume stays with the employee: the profile, not the screening's
# working material (every line of the text, integrity findings) nor the contact details,
# which the employee record keeps in its own encrypted fields.
NOT_CARRIED = ("name", "email", "phone", "lines", "integrity")


def resume_profile(application: Application) -> dict[str, Any]:
    """The parsed profile of the application's newest readable resume ({} when none)."""
    resume = application.resumes.filter(status=ResumeStatus.PARSED).order_by("-uploaded_at").first()
    parsed = resume.parsed if resume else {}
    return {key: value for key, value in parsed.items() if key not in NOT_CARRIED}


def do_hire(*, application: Application, actor: Any, reason: str) -> Employee:
    """Hire the candidate: move the stage and create the employee record from the application.

    The employee keeps the candidate's contact details and sensitive attributes (encrypted,
    as they were), the parsed resume profile and the interview results, and is indexed for
    search at once.
    """
    candidate = application.candidate
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
            resume_profile=resume_profile(application),
        )
        index_employees([employee])
        record_event(
            type=EventType.CANDIDATE_HIRED,
            payload={"application_id": application.pk, "employee_id": employee.pk},
        )
    return employee
