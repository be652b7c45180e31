"""A worker killed mid-task loses nothing: its task runs again when a worker restarts."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from hireloop.candidates.models import ResumeFile
from hireloop.screening.services import do_intake_resume
from hireloop.testing.documents import STRONG_EN_RESUME, pdf_bytes
from hireloop.workflow.recovery import do_requeue_stale_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_task_claimed_by_a_dead_worker_runs_after_requeue(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    resume = do_intake_resume(
        job=job, filename="cv.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    task = DBTaskResult.objects.get(task_path__endswith="parse_and_screen")
    task.claim("worker-killed-mid-task")  # the worker took it, then died
    run_worker()
    assert ResumeFile.objects.get(pk=resume.pk).status == "pending"  # stuck, not lost

    assert do_requeue_stale_tasks(older_than=timedelta(hours=1)) == 0  # too recent to judge
    call_command("requeue_stale_tasks", minutes=0, verbosity=0)
    run_worker()
    assert ResumeFile.objects.get(pk=resume.pk).status == "parsed"
