from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "hireloop.privacy"
    label = "privacy"
