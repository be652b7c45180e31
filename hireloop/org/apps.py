from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "hireloop.org"
    label = "org"
