"""Re-queueing tasks whose worker died while running them.

The database task backend marks a task RUNNING when a worker claims it and has no
heartbeat, so a worker killed mid-task (power cut, OOM kill, deploy) leaves the task RUNNING
forever and its resume or report would never appear. Our tasks are idempotent, so running
such a task again is safe.
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def do_requeue_stale_tasks(*, older_than: timedelta) -> int:
    """Put RUNNING tasks started more than ``older_than`` ago back in the queue."""
    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - older_than
    )
    return stale.update(status=TaskResultStatus.READY, started_at=None)
