"""Messages rendered from their templates, per channel and language, at the time of sending.

Templates live at ``notify/<channel>/<language>/<kind>.{subject.txt,txt,html}``: each
language is written as a reader of it would write (the candidate is addressed as 您 in
Chinese), not translated sentence by sentence. A language without a template falls back to
English.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils import translation

from hireloop.assessment.models import Report
from hireloop.decisions.models import HumanReviewRequest
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import interview_url
from hireloop.org.services import organisation_if_any

from .calendar import deadline_calendar
from .enums import MessageKind
from .models import Delivery

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str
    attachments: list[Attachment] = field(default_factory=list)


def render_delivery(delivery: Delivery) -> RenderedMessage:
    """The delivery's message in its reader's language, with its attachments."""
    with translation.override(delivery.language):
        context = _CONTEXTS[MessageKind(delivery.kind)](delivery)
        names = {part: _template(delivery, part) for part in ("subject.txt", "txt", "html")}
        subject = " ".join(render_to_string(names["subject.txt"], context).split())
        text = render_to_string(names["txt"], context)
        html = render_to_string(names["html"], context)
        attachments = _attachments(delivery, context)
    return RenderedMessage(subject=subject, text=text, html=html, attachments=attachments)


def _template(delivery: Delivery, part: str) -> str:
    names = [
        f"notify/{delivery.channel}/{language}/{delivery.kind}.{part}"
        for language in (delivery.language, FALLBACK_LANGUAGE)
    ]
    return select_template(names).template.name  # type: ignore[attr-defined,no-any-return]


def _base_url(delivery: Delivery) -> str:
    """The address the reader opens: the invitation's request's, else the configured one."""
    return str(delivery.context.get("base_url") or settings.HIRELOOP_BASE_URL).rstrip("/")


def _organisation_name() -> str:
    organisation = organisation_if_any()
    return organisation.name if organisation else "HireLoop"


def _invitation_context(delivery: Delivery) -> dict[str, Any]:
    session = InterviewSession.objects.select_related(
        "application__job", "application__candidate"
    ).get(pk=delivery.context["session_id"])
    return {
        "session": session,
        "job": session.application.job,
        "candidate_name": session.application.candidate.name,
        "deadline": session.deadline,
        "url": interview_url(session, _base_url(delivery)),
        "organisation": _organisation_name(),
    }


def _report_context(delivery: Delivery) -> dict[str, Any]:
    report = Report.objects.select_related("session__application__job").get(
        pk=delivery.context["report_id"]
    )
    return {
        "report": report,
        "job": report.session.application.job,
        "url": _base_url(delivery) + reverse("web:report_detail", args=[report.pk]),
        "organisation": _organisation_name(),
    }


def _review_request_context(delivery: Delivery) -> dict[str, Any]:
    context = _report_context(delivery)
    context["review_request"] = HumanReviewRequest.objects.filter(
        pk=delivery.context.get("request_id")
    ).first()
    return context


_CONTEXTS = {
    MessageKind.INVITATION: _invitation_context,
    MessageKind.REPORT_READY: _report_context,
    MessageKind.REVIEW_REQUESTED: _review_request_context,
}


def _attachments(delivery: Delivery, context: dict[str, Any]) -> list[Attachment]:
    """A calendar file where the message names a time: the invitation's deadline."""
    if delivery.kind != MessageKind.INVITATION:
        return []
    summary = render_to_string(_template(delivery, "subject.txt"), context).strip()
    ics = deadline_calendar(
        uid=f"interview-{context['session'].public_id}@hireloop",
        summary=" ".join(summary.split()),
        description=context["job"].title,
        deadline=context["deadline"],
        url=context["url"],
    )
    return [Attachment("interview.ics", ics, "text/calendar")]
