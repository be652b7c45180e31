"""What each outbox event sends, and to whom. Called by the outbox dispatcher on the worker,
inside the event's transaction: the deliveries exist if and only if the event was handled."""

from collections.abc import Callable
from typing import Any

from django.conf import settings

from hireloop.assessment.models import Report
from hireloop.interviews.models import InterviewSession
from hireloop.workflow.enums import EventType

from .enums import MessageKind
from .services import do_create_delivery, users_who_want


def on_interview_invited(payload: dict[str, Any]) -> None:
    """The candidate gets the link by e-mail, in the interview's language (the room's)."""
    if not payload.get("email_candidate", True):
        return
    session = (
        InterviewSession.objects.select_related("application__job", "application__candidate")
        .filter(pk=payload["session_id"])
        .first()
    )
    if session is None:
        return  # deleted since (the candidate erased): nothing to send
    application = session.application
    do_create_delivery(
        kind=MessageKind.INVITATION,
        recipient=application.candidate.email,
        language=application.job.language,
        context={"session_id": session.pk, "base_url": payload.get("base_url", "")},
        key=f"invitation:session:{session.pk}",
        application=application,
    )


def _tell_job_staff(
    *, event_type: EventType, kind: MessageKind, report_id: int, extra: dict[str, Any]
) -> None:
    report = Report.objects.select_related("session__application__job").filter(pk=report_id).first()
    if report is None:
        return
    job = report.session.application.job
    staff = job.recruiters.all() | job.interviewers.all()
    for user in users_who_want(staff, event_type):
        do_create_delivery(
            kind=kind,
            recipient=user.email,
            # Staff have no language preference of their own yet: the installation's.
            language=settings.LANGUAGE_CODE,
            context={"report_id": report.pk, **extra},
            key=":".join([kind, "report", str(report.pk), *map(str, extra.values()), str(user.pk)]),
            user=user,
        )


def on_report_ready(payload: dict[str, Any]) -> None:
    _tell_job_staff(
        event_type=EventType.REPORT_READY,
        kind=MessageKind.REPORT_READY,
        report_id=payload["report_id"],
        extra={},
    )


def on_human_review_requested(payload: dict[str, Any]) -> None:
    _tell_job_staff(
        event_type=EventType.HUMAN_REVIEW_REQUESTED,
        kind=MessageKind.REVIEW_REQUESTED,
        report_id=payload["report_id"],
        extra={"request_id": payload.get("request_id")},
    )


HANDLERS: dict[EventType, Callable[[dict[str, Any]], None]] = {
    EventType.INTERVIEW_INVITED: on_interview_invited,
    EventType.REPORT_READY: on_report_ready,
    EventType.HUMAN_REVIEW_REQUESTED: on_human_review_requested,
}
