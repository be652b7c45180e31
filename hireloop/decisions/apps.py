from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """Reviews, calibration, human review requests and the decisions they lead to."""

    name = "hireloop.decisions"
    label = "decisions"
    verbose_name = _("Decisions")
