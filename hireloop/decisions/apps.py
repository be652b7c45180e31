from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    """Reviews, calibration, human review requests and the decisions they lead to."""

    name = "hireloop.decisions"
    label = "decisions"
