"""Staff hear of the events they chose, by the channel they chose; nobody else does."""

import smtplib
from datetime import timedelta

import pytest
from django.utils import timezone

from hireloop.assessment.models import Report
from hireloop.interviews.services import do_invite
from hireloop.notify.enums import Channel, FailureReason, MessageKind
from hireloop.notify.handlers import on_human_review_requested, on_report_ready
from hireloop.notify.models import Delivery
from hireloop.notify.rendering import render_delivery
from hireloop.notify.services import classify_failure, describe_error, do_set_preference
from hireloop.workflow.enums import EventType

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(application, recruiter, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    session = do_invite(application=application, actor=recruiter)
    return Report.objects.create(
        session=session, overall_score=7.0, recommendation="advance", scorer="test"
    )


def test_only_staff_who_chose_an_event_are_told_of_it(  # type: ignore[no-untyped-def]
    report, recruiter, interviewer, django_capture_on_commit_callbacks
) -> None:
    recruiter.email, interviewer.email = "rec@example.com", "int@example.com"
    recruiter.save()
    interviewer.save()
    do_set_preference(
        user=interviewer, event_type=EventType.REPORT_READY, channel=Channel.EMAIL, is_enabled=True
    )
    do_set_preference(
        user=recruiter, event_type=EventType.REPORT_READY, channel=Channel.EMAIL, is_enabled=False
    )
    with django_capture_on_commit_callbacks(execute=False) as queued:
        on_report_ready({"report_id": report.pk})
        on_report_ready({"report_id": report.pk})  # the event delivered again
    [delivery] = Delivery.objects.filter(kind=MessageKind.REPORT_READY)
    assert delivery.user == interviewer and delivery.recipient == "int@example.com"
    assert len(queued) == 1  # one send task, after commit
    message = render_delivery(delivery)
    assert message.subject == "面试报告已生成：Backend Engineer"  # the installation's language
    assert f"/reports/{report.pk}/" in message.text and message.attachments == []


def test_a_review_request_reaches_those_who_chose_it(  # type: ignore[no-untyped-def]
    report, recruiter, interviewer, settings
) -> None:
    settings.LANGUAGE_CODE = "en"
    recruiter.email = "rec@example.com"
    recruiter.save()
    do_set_preference(
        user=recruiter,
        event_type=EventType.HUMAN_REVIEW_REQUESTED,
        channel=Channel.EMAIL,
        is_enabled=True,
    )
    on_human_review_requested({"report_id": report.pk, "request_id": 7})
    [delivery] = Delivery.objects.all()
    assert delivery.user == recruiter and delivery.kind == MessageKind.REVIEW_REQUESTED
    assert render_delivery(delivery).subject.startswith("A candidate asked for a human review")


def test_events_not_offered_to_staff_cannot_be_chosen(interviewer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="not offered"):
        do_set_preference(
            user=interviewer,
            event_type=EventType.JOB_CREATED,
            channel=Channel.EMAIL,
            is_enabled=True,
        )


def test_failures_are_named_by_cause_and_never_quote_the_address() -> None:
    refused = smtplib.SMTPRecipientsRefused({"a@b.cn": (550, b"no such user a@b.cn")})
    assert classify_failure(refused) == FailureReason.REFUSED
    assert "a@b.cn" not in describe_error(refused, "a@b.cn")
    assert classify_failure(ConnectionRefusedError(111, "refused")) == FailureReason.UNREACHABLE
    assert classify_failure(smtplib.SMTPAuthenticationError(535, b"no")) == (
        FailureReason.AUTHENTICATION
    )
    assert classify_failure(smtplib.SMTPDataError(554, b"spam")) == FailureReason.OTHER


def test_the_calendar_event_ends_at_the_deadline() -> None:
    from icalendar import Calendar

    from hireloop.notify.calendar import deadline_calendar

    deadline = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    ics = deadline_calendar(
        uid="x@hireloop", summary="Interview", description="Job", deadline=deadline, url="http://x/"
    )
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtend") == deadline
    assert event.decoded("dtstart") == deadline - timedelta(hours=1)
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") < timedelta(0)


def test_each_staff_member_chooses_their_events_on_their_account_page(  # type: ignore[no-untyped-def]
    client, interviewer
) -> None:
    from django.urls import reverse

    from hireloop.notify.models import NotificationPreference
    from hireloop.testing.factories import PASSWORD

    client.login(username=interviewer.username, password=PASSWORD)
    url = reverse("web:notification_preferences")
    page = client.get(url).content.decode()
    assert 'name="report_ready__email"' in page and "checked" not in page  # off until chosen
    assert client.post(url, {"report_ready__email": "on"}).status_code == 302
    chosen = NotificationPreference.objects.filter(user=interviewer, is_enabled=True)
    assert list(chosen.values_list("event_type", flat=True)) == [EventType.REPORT_READY]
    assert (
        'name="report_ready__email" id="id_report_ready__email" checked'
        in client.get(url).content.decode()
    )
    client.post(url, {})
    assert not NotificationPreference.objects.filter(user=interviewer, is_enabled=True).exists()
