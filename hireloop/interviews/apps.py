from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "hireloop.interviews"
    label = "interviews"
    verbose_name = _("Interviews")

    def ready(self) -> None:
        # Connects the receiver that deletes a recording chunk's file with its row.
        from . import recordings  # noqa: F401
