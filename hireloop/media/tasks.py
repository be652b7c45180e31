from django_tasks import task

from .services import do_analyse_recording


@task()
def analyse_recording(recording_id: int) -> str:
    return do_analyse_recording(recording_id=recording_id).status
