from django_tasks import task

from .services import do_score_session


@task()
def score_session(session_id: int) -> int:
    return do_score_session(session_id=session_id).pk
