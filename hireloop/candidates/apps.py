from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "hireloop.candidates"
    label = "candidates"
