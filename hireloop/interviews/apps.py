from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "hireloop.interviews"
    label = "interviews"
