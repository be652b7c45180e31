from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "hireloop.resumes"
    label = "resumes"
