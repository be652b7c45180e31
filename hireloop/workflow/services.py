"""The event outbox: recording domain events and delivering them to subscribers."""

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .enums import EventType
from .models import OutboxEvent

logger = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any]], None]
_subscribers: dict[str, list[Handler]] = defaultdict(list)
MAX_ATTEMPTS = 5


def subscribe(event_type: EventType, handler: Handler) -> None:
    """Call ``handler(payload)`` for every committed event of this type (from AppConfig.ready).

    Later pipeline stages subscribe to earlier ones' events, so imports flow one way.
    """
    if handler not in _subscribers[event_type]:
        _subscribers[event_type].append(handler)


def record_event(*, type: EventType, payload: dict[str, Any]) -> OutboxEvent:  # noqa: A002
    """Write an event in the caller's transaction; dispatch it once that transaction commits."""
    event = OutboxEvent.objects.create(type=type, payload=payload)
    transaction.on_commit(_enqueue_dispatch)
    return event


def _enqueue_dispatch() -> None:
    from .tasks import dispatch_outbox

    dispatch_outbox.enqueue()


def do_dispatch_pending(*, limit: int = 100) -> int:
    """Deliver pending events to their subscribers, oldest first; return how many succeeded.

    Each event is delivered in its own transaction: a failing handler leaves its event
    pending with the error recorded, to be retried by the next dispatch, up to MAX_ATTEMPTS.
    """
    delivered = 0
    pending = OutboxEvent.objects.filter(dispatched_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    for event_id in list(pending.order_by("id").values_list("id", flat=True)[:limit]):
        delivered += _deliver(event_id)
    return delivered


def _deliver(event_id: int) -> int:
    try:
        with transaction.atomic():
            event = OutboxEvent.objects.select_for_update().get(pk=event_id)
            if event.dispatched_at is not None:
                return 0  # another worker got there first
            for handler in _subscribers.get(event.type, []):
                handler(event.payload)
            event.attempts += 1
            event.dispatched_at = timezone.now()
            event.save(update_fields=["attempts", "dispatched_at"])
            return 1
    except Exception as error:
        logger.exception("Delivering outbox event %s failed", event_id)
        OutboxEvent.objects.filter(pk=event_id).update(
            attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        return 0
