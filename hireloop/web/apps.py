from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "hireloop.web"
    label = "web"
