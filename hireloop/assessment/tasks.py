from django_tasks import task

from .services import do_recompute_job_reports, do_rescore_session, do_score_session


@task()
def score_session(session_id: int) -> int:
    return do_score_session(session_id=session_id).pk


@task()
def recompute_job_reports(job_id: int) -> int:
    return do_recompute_job_reports(job_id=job_id)


@task()
def rescore_session(session_id: int) -> int:
    return do_rescore_session(session_id=session_id).pk
