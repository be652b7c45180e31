"""Running the queued background tasks in this process (demo loading, tests)."""

import signal

from django.core.management import call_command

WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def run_queued_tasks() -> None:
    """Run every queued task with the real database worker until the queue is empty."""
    previous = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    try:
        call_command(
            "db_worker",
            batch=True,
            startup_delay=False,
            queue_name="*",
            reload=False,
            verbosity=0,
        )
    finally:
        # The worker installs its own shutdown handlers; keep them from outliving it.
        for number, handler in previous.items():
            signal.signal(number, handler)
