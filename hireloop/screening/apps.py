from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "hireloop.screening"
    label = "screening"
