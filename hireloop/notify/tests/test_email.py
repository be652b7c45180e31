"""Invitations reach a real SMTP server from the worker, never from the web request."""

import smtplib
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from hireloop.interviews.services import do_invite, link_token
from hireloop.notify.enums import AttemptOutcome, DeliveryStatus, FailureReason, MessageKind
from hireloop.notify.models import Delivery, DeliveryAttempt
from hireloop.testing.dump import raw_database_dump
from hireloop.testing.factories import PASSWORD

from .conftest import SmtpServer

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECTS = {
    "en": "Your interview for Backend Engineer",
    "zh-hans": "诚邀您参加「Backend Engineer」职位的面试",
}


def _invite(application, recruiter):  # type: ignore[no-untyped-def]
    deadline = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    session = do_invite(
        application=application, actor=recruiter, deadline=deadline, base_url="http://hr.example"
    )
    return session, deadline


def _parts(message):  # type: ignore[no-untyped-def]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    calendars = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return text, html, calendars


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_invitation_reaches_a_real_smtp_server_in_the_candidates_language(  # type: ignore[no-untyped-def]
    application, recruiter, smtp_server, run_worker, language
) -> None:
    application.job.language = language
    application.job.save()
    session, deadline = _invite(application, recruiter)
    assert smtp_server.mailbox.messages == []  # the request sent nothing
    run_worker()  # the outbox event creates the delivery, which the worker sends

    [message] = smtp_server.mailbox.messages
    assert smtp_server.mailbox.recipients == [[application.candidate.email]]
    assert str(message["Subject"]).strip() == SUBJECTS[language]  # folded after "Subject:"
    text, html, calendars = _parts(message)
    url = f"http://hr.example/i/{link_token(session)}/"
    assert url in text and f'href="{url}"' in html and "<html" in html
    if language == "zh-hans":
        assert "您" in text and "您" in html and "你" not in text
    [ics] = calendars
    [event] = Calendar.from_ical(ics.get_content()).walk("VEVENT")
    assert event.decoded("dtend") == deadline
    assert str(event["url"]) == url

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT and delivery.sent_at is not None
    assert list(delivery.tries.values_list("outcome", flat=True)) == [AttemptOutcome.SENT]


def test_inviting_makes_no_smtp_connection_in_the_request(  # type: ignore[no-untyped-def]
    client, application, recruiter, smtp_down, monkeypatch
) -> None:
    connections: list[tuple] = []
    monkeypatch.setattr(smtplib.SMTP, "connect", lambda *a, **k: connections.append(a))
    client.login(username=recruiter.username, password=PASSWORD)
    response = client.post(reverse("web:application_invite", args=[application.pk]), {})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "invited" and connections == []
    assert not Delivery.objects.exists()  # created by the worker from the outbox event


def test_a_server_that_is_down_is_retried_with_back_off_then_shown_with_a_retry_button(  # type: ignore[no-untyped-def]
    client, application, recruiter, smtp_down, run_worker, settings
) -> None:
    settings.HIRELOOP_NOTIFY_RETRY_SECONDS = [60, 300]
    _invite(application, recruiter)
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert delivery.last_reason == FailureReason.UNREACHABLE
    wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(seconds=60)
    queued = DBTaskResult.objects.filter(status="READY", task_path__endswith="send_delivery")
    assert queued.count() == 1 and queued.get().run_after == delivery.next_attempt_at

    client.login(username=recruiter.username, password=PASSWORD)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert 'data-testid="delivery-problem"' in page and "not sent yet" in page
    assert 'data-testid="retry-delivery"' not in page  # still being retried

    for _ in range(2):  # the waits pass
        queued.update(run_after=timezone.now())
        run_worker()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 3
    assert list(DeliveryAttempt.objects.values_list("outcome", flat=True)) == ["failed"] * 3
    assert not queued.exists()

    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert "Interview invitation e-mail failed: the mail server could not be reached" in page
    assert 'data-testid="retry-delivery"' in page

    server = SmtpServer(smtp_down).start()  # the server is back
    try:
        retry = reverse("web:application_retry_deliveries", args=[application.pk])
        assert client.post(retry).status_code == 302
        run_worker()
    finally:
        server.stop()
    assert len(server.mailbox.messages) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.tries.count() == 4
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert 'data-testid="delivery-problem"' not in page


def test_the_address_is_stored_encrypted_and_deleted_with_the_candidate(  # type: ignore[no-untyped-def]
    application, recruiter, smtp_down, run_worker
) -> None:
    address = application.candidate.email
    _invite(application, recruiter)
    run_worker()
    assert Delivery.objects.get().recipient == address
    dump = raw_database_dump()
    assert "Backend Engineer" in dump and address not in dump
    application.candidate.delete()
    assert not Delivery.objects.exists() and not DeliveryAttempt.objects.exists()


def test_an_event_delivered_twice_sends_one_message(  # type: ignore[no-untyped-def]
    application, recruiter, smtp_server, run_worker
) -> None:
    from hireloop.notify.handlers import on_interview_invited

    session, _deadline = _invite(application, recruiter)
    run_worker()
    on_interview_invited({"session_id": session.pk, "application_id": application.pk})
    run_worker()
    assert Delivery.objects.filter(kind=MessageKind.INVITATION).count() == 1
    assert len(smtp_server.mailbox.messages) == 1


def test_an_invitation_made_without_e_mail_sends_nothing(  # type: ignore[no-untyped-def]
    application, recruiter, smtp_server, run_worker
) -> None:
    """The demo's fictional candidates get their session but no e-mail."""
    do_invite(application=application, actor=recruiter, email_candidate=False)
    run_worker()
    assert not Delivery.objects.exists() and smtp_server.mailbox.messages == []
