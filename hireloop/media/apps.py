from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "hireloop.media"
    label = "media"
    verbose_name = "Media analysis"

    def ready(self) -> None:
        from hireloop.workflow.enums import EventType
        from hireloop.workflow.services import subscribe

        from . import models  # noqa: F401  (connects the receiver that deletes stills)
        from .services import on_answer_recorded

        subscribe(EventType.ANSWER_RECORDED, on_answer_recorded)
