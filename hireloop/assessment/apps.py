from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _score_when_interview_completes(payload: dict[str, Any]) -> None:
    from .services import on_interview_completed

    on_interview_completed(payload)


def _recompute_when_profile_changes(payload: dict[str, Any]) -> None:
    from .services import on_profile_changed

    on_profile_changed(payload)


def _rescore_when_media_analysed(payload: dict[str, Any]) -> None:
    from .services import on_media_analysed

    on_media_analysed(payload)


class AssessmentConfig(AppConfig):
    name = "hireloop.assessment"
    label = "assessment"
    verbose_name = _("Assessment")

    def ready(self) -> None:
        from hireloop.workflow.enums import EventType
        from hireloop.workflow.services import subscribe

        subscribe(EventType.INTERVIEW_COMPLETED, _score_when_interview_completes)
        subscribe(EventType.PROFILE_CHANGED, _recompute_when_profile_changes)
        subscribe(EventType.MEDIA_ANALYSED, _rescore_when_media_analysed)
