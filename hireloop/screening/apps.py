from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _rescreen_when_requirements_change(payload: dict[str, Any]) -> None:
    from .services import on_requirements_changed

    on_requirements_changed(payload)


class ScreeningConfig(AppConfig):
    name = "hireloop.screening"
    label = "screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        from hireloop.workflow.enums import EventType
        from hireloop.workflow.services import subscribe

        subscribe(EventType.REQUIREMENTS_CHANGED, _rescreen_when_requirements_change)
