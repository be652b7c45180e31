import pytest
from django.db import transaction

from hireloop.workflow.enums import EventType
from hireloop.workflow.models import OutboxEvent
from hireloop.workflow.services import (
    MAX_ATTEMPTS,
    _subscribers,
    do_dispatch_pending,
    record_event,
    subscribe,
)


@pytest.fixture
def received():  # type: ignore[no-untyped-def]
    calls: list[dict] = []
    saved = dict(_subscribers)
    yield calls
    _subscribers.clear()
    _subscribers.update(saved)


@pytest.mark.django_db(transaction=True)
def test_an_event_is_written_only_if_its_change_commits() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        record_event(type=EventType.JOB_CREATED, payload={"job_id": 1})
        raise RuntimeError("the change failed")
    assert not OutboxEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_committed_events_reach_subscribers_once(received, run_worker) -> None:  # type: ignore[no-untyped-def]
    subscribe(EventType.REPORT_READY, received.append)
    with transaction.atomic():
        record_event(type=EventType.REPORT_READY, payload={"report_id": 7})
    run_worker()  # the commit queued dispatch_outbox on the real worker
    assert received == [{"report_id": 7}]
    assert OutboxEvent.objects.get().dispatched_at is not None
    assert do_dispatch_pending() == 0
    assert received == [{"report_id": 7}]


@pytest.mark.django_db
def test_a_failing_subscriber_leaves_the_event_pending_for_a_retry(received) -> None:  # type: ignore[no-untyped-def]
    failures = iter([RuntimeError("worker killed mid-task")])

    def flaky(payload: dict) -> None:
        error = next(failures, None)
        if error:
            raise error
        received.append(payload)

    subscribe(EventType.CANDIDATE_HIRED, flaky)
    record_event(type=EventType.CANDIDATE_HIRED, payload={"employee_id": 3})
    assert do_dispatch_pending() == 0
    event = OutboxEvent.objects.get()
    assert event.dispatched_at is None and event.attempts == 1
    assert "worker killed" in event.last_error
    assert do_dispatch_pending() == 1
    assert received == [{"employee_id": 3}]


@pytest.mark.django_db
def test_an_event_that_always_fails_stops_after_the_attempt_limit(received) -> None:  # type: ignore[no-untyped-def]
    def broken(payload: dict) -> None:
        raise ValueError("bad payload")

    subscribe(EventType.JOB_CREATED, broken)
    record_event(type=EventType.JOB_CREATED, payload={})
    for _ in range(MAX_ATTEMPTS + 2):
        do_dispatch_pending()
    assert OutboxEvent.objects.get().attempts == MAX_ATTEMPTS
