from django_tasks import task

from .bulk import do_expand_zip, do_parse_batch
from .services import do_parse_and_screen, do_rescreen_job


@task()
def parse_and_screen(resume_id: int) -> None:
    do_parse_and_screen(resume_id=resume_id)


@task()
def expand_zip(batch_id: int) -> None:
    do_expand_zip(batch_id=batch_id)


@task()
def rescreen_job(job_id: int) -> None:
    """Rank all of a job's resumes together (queued at low priority by schedule_rescreen)."""
    do_rescreen_job(job_id=job_id)


@task()
def parse_batch(batch_id: int) -> None:
    """Read a batch upload's waiting resumes through one sandbox pool."""
    do_parse_batch(batch_id=batch_id)
