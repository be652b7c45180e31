from django_tasks import task

from .services import do_parse_and_screen


@task()
def parse_and_screen(resume_id: int) -> None:
    do_parse_and_screen(resume_id=resume_id)
