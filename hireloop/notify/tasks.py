from django_tasks import task

from .services import do_send_delivery


@task()
def send_delivery(delivery_id: int) -> str:
    return do_send_delivery(delivery_id=delivery_id)
