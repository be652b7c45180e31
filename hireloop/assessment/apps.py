from typing import Any

from django.apps import AppConfig


def _score_when_interview_completes(payload: dict[str, Any]) -> None:
    from .services import on_interview_completed

    on_interview_completed(payload)


class AssessmentConfig(AppConfig):
    name = "hireloop.assessment"
    label = "assessment"

    def ready(self) -> None:
        from hireloop.workflow.enums import EventType
        from hireloop.workflow.services import subscribe

        subscribe(EventType.INTERVIEW_COMPLETED, _score_when_interview_completes)
