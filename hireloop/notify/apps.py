from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "hireloop.notify"
    label = "notify"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Events reach notifications through the outbox only, on the worker, after commit:
        # the apps that record them never import this one.
        from hireloop.workflow.services import subscribe

        from .handlers import HANDLERS

        for event_type, handler in HANDLERS.items():
            subscribe(event_type, handler)
