from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "hireloop.archive"
    label = "archive"
