"""Sending notifications: deliveries created from outbox events, sent and retried by the worker.

Nothing here runs inside a web request except ``do_retry_deliveries`` (HR's button), which only
queues: every message is sent by the worker, so a slow or absent mail server never holds a
page.
"""

import logging
import smtplib
import time
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from hireloop.candidates.models import Application
from hireloop.jobs.services import check_may_manage_job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.workflow.enums import EventType

from .enums import AttemptOutcome, Channel, DeliveryStatus, FailureReason, MessageKind
from .models import Delivery, DeliveryAttempt, NotificationPreference
from .rendering import render_delivery

logger = logging.getLogger(__name__)
# Events staff members may choose to be told of (NotificationPreference; off until chosen).
STAFF_EVENTS = (EventType.REPORT_READY, EventType.HUMAN_REVIEW_REQUESTED)


def retry_delays() -> list[timedelta]:
    """Waits before the 2nd, 3rd, … try; after the last the delivery fails for good."""
    return [timedelta(seconds=s) for s in settings.HIRELOOP_NOTIFY_RETRY_SECONDS]


def max_attempts() -> int:
    return len(retry_delays()) + 1


def do_create_delivery(
    *,
    kind: MessageKind,
    recipient: str,
    language: str,
    context: dict[str, Any],
    key: str,
    application: Application | None = None,
    user: Any = None,
    channel: Channel = Channel.EMAIL,
) -> Delivery | None:
    """Queue one message; a re-delivered outbox event finds its delivery and queues nothing."""
    if not recipient:
        return None
    if Delivery.objects.filter(key=key).exists():
        return None
    with transaction.atomic():
        delivery = Delivery.objects.create(
            kind=kind,
            channel=channel,
            key=key,
            application=application,
            user=user,
            recipient=recipient,
            language=language,
            context=context,
        )
        _enqueue_on_commit(delivery.pk)
    return delivery


def _enqueue_on_commit(delivery_id: int, run_after: datetime | None = None) -> None:
    def enqueue() -> None:
        from .tasks import send_delivery

        if run_after is None:
            send_delivery.enqueue(delivery_id)
        else:
            send_delivery.using(run_after=run_after).enqueue(delivery_id)

    transaction.on_commit(enqueue)


def do_send_delivery(*, delivery_id: int) -> str:
    """Try to send a pending delivery once (on the worker); record the attempt and its outcome.

    The send runs outside any transaction: a mail server that takes 30 s to answer holds no
    lock. A failed try is retried after the next of ``retry_delays``; a refusal the server
    calls permanent (5xx for the address) and the last try end it as failed.
    """
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return "skipped"
    started = timezone.now()
    clock = time.monotonic()
    try:
        _send(delivery)
    except Exception as error:  # noqa: BLE001 - every failure is recorded and retried
        logger.warning("Delivery %s failed: %s", delivery_id, type(error).__name__)
        _record_failure(delivery, error, started, clock)
        return DeliveryStatus.FAILED
    _record_success(delivery, started, clock)
    return DeliveryStatus.SENT


def _send(delivery: Delivery) -> None:
    message = render_delivery(delivery)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.recipient],
    )
    email.attach_alternative(message.html, "text/html")
    for attachment in message.attachments:
        email.attach(attachment.filename, attachment.content, attachment.mimetype)
    email.send(fail_silently=False)


def _record_success(delivery: Delivery, started: Any, clock: float) -> None:
    with transaction.atomic():
        _add_attempt(delivery, AttemptOutcome.SENT, started, clock)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENT,
            attempts=delivery.attempts + 1,
            sent_at=timezone.now(),
            next_attempt_at=None,
        )


def _record_failure(delivery: Delivery, error: Exception, started: Any, clock: float) -> None:
    reason = classify_failure(error)
    detail = describe_error(error, delivery.recipient)
    attempts = delivery.attempts + 1
    delays = retry_delays()
    is_final = attempts >= max_attempts() or _is_permanent(error)
    with transaction.atomic():
        _add_attempt(delivery, AttemptOutcome.FAILED, started, clock, reason, detail)
        delivery.attempts = attempts
        delivery.last_reason = reason
        delivery.last_error = detail
        delivery.status = DeliveryStatus.FAILED if is_final else DeliveryStatus.PENDING
        delivery.next_attempt_at = None if is_final else timezone.now() + delays[attempts - 1]
        delivery.save(
            update_fields=["attempts", "last_reason", "last_error", "status", "next_attempt_at"]
        )
        if delivery.next_attempt_at is not None:
            _enqueue_on_commit(delivery.pk, delivery.next_attempt_at)


def _add_attempt(
    delivery: Delivery,
    outcome: AttemptOutcome,
    started: Any,
    clock: float,
    reason: str = "",
    error: str = "",
) -> None:
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=delivery.tries.count() + 1,
        outcome=outcome,
        reason=reason,
        error=error,
        started_at=started,
        duration_ms=round((time.monotonic() - clock) * 1000),
    )


def classify_failure(error: Exception) -> FailureReason:
    """The failure as a code a reader understands in their language."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return FailureReason.AUTHENTICATION
    if isinstance(error, smtplib.SMTPRecipientsRefused | smtplib.SMTPSenderRefused):
        return FailureReason.REFUSED
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return FailureReason.UNREACHABLE
    # Other SMTP errors are OSErrors too, but the server was reached and answered.
    if isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException):
        return FailureReason.UNREACHABLE
    return FailureReason.OTHER


def _is_permanent(error: Exception) -> bool:
    """A 5xx refusal of every address will not change by waiting (RFC 5321 §4.2.1)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


def describe_error(error: Exception, recipient: str) -> str:
    """The error's type and words, without the address (servers quote what they refuse)."""
    text = f"{type(error).__name__}: {error}"
    if recipient:
        text = text.replace(recipient, "<recipient>")
    return text[:500]


def deliveries_needing_attention(application: Application) -> QuerySet[Delivery]:
    """The application's deliveries that failed for good or are waiting to be tried again."""
    return Delivery.objects.filter(application=application).filter(
        Q(status=DeliveryStatus.FAILED) | Q(status=DeliveryStatus.PENDING, attempts__gt=0)
    )


def do_retry_deliveries(*, application: Application, actor: Any) -> int:
    """HR sends the application's failed messages again (on the worker); audited."""
    check_may_manage_job(actor, application.job)
    with transaction.atomic():
        failed = list(
            Delivery.objects.select_for_update().filter(
                application=application, status=DeliveryStatus.FAILED
            )
        )
        for delivery in failed:
            delivery.status = DeliveryStatus.PENDING
            delivery.attempts = 0  # a fresh round of tries
            delivery.next_attempt_at = timezone.now()
            delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
            _enqueue_on_commit(delivery.pk)
        if failed:
            do_audit(
                actor=actor,
                action=AuditAction.UPDATE,
                object_type="application",
                object_id=application.pk,
                detail={"retried_deliveries": [d.pk for d in failed]},
            )
    return len(failed)


def users_who_want(users: Any, event_type: EventType, channel: Channel = Channel.EMAIL) -> list:
    """The staff among ``users`` who chose to hear of this event on this channel."""
    chosen = NotificationPreference.objects.filter(
        event_type=event_type, channel=channel, is_enabled=True
    ).values("user_id")
    return list(users.filter(pk__in=chosen).distinct())


def preferences_of(user: Any) -> dict[tuple[str, str], bool]:
    """Every (event, channel) offered to staff, and whether ``user`` chose to hear of it."""
    chosen = {
        (p.event_type, p.channel): p.is_enabled
        for p in NotificationPreference.objects.filter(user=user)
    }
    return {
        (event, channel): chosen.get((event, channel), False)
        for event in STAFF_EVENTS
        for channel in Channel
    }


def do_set_preference(
    *, user: Any, event_type: EventType, channel: Channel, is_enabled: bool
) -> NotificationPreference:
    """Choose whether ``user`` hears of ``event_type`` on ``channel``."""
    if event_type not in STAFF_EVENTS:
        raise ValueError(f"{event_type} is not offered to staff")
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, event_type=event_type, channel=channel, defaults={"is_enabled": is_enabled}
    )
    return preference
