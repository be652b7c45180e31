from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "hireloop.media"
    label = "media"
    verbose_name = _("Media analysis")

    def ready(self) -> None:
        from hireloop.workflow.enums import EventType
        from hireloop.workflow.services import subscribe

        from . import models  # noqa: F401  (connects the receiver that deletes stills)
        from .services import on_answer_recorded

        subscribe(EventType.ANSWER_RECORDED, on_answer_recorded)
