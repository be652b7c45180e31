from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "hireloop.privacy"
    label = "privacy"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
