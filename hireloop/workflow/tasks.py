from django_tasks import task

from .services import do_dispatch_pending


@task()
def dispatch_outbox() -> int:
    return do_dispatch_pending()
