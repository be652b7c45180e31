from django.db import models
from django.utils.translation import gettext_lazy as _


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being analysed")
    DONE = "done", _("Analysed")
    FAILED = "failed", _("Could not be analysed")
    SKIPPED = "skipped", _("Not analysed")


class SkipReason(models.TextChoices):
    """Why a group of observations did not run: shown to HR next to the analysis."""

    PROFILE = "profile", _("not allowed by the organisation's compliance profile")
    NO_CONSENT = "no_consent", _("the candidate did not consent to its analysis")
    NO_VIDEO = "no_video", _("a voice answer has no picture")
