from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "hireloop.interviews"
    label = "interviews"

    def ready(self) -> None:
        # Connects the receiver that deletes a recording chunk's file with its row.
        from . import recordings  # noqa: F401
