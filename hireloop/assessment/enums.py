from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Recommendation(models.TextChoices):
    ADVANCE = "advance", _("Recommend next step")
    CONSIDER = "consider", _("Consider with care")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")


class PdfMasking(models.TextChoices):
    """How much of the candidate a report PDF shows; part of the PDF cache's key."""

    MASKED = "masked", pgettext_lazy("report pdf", "Masked")
    CLEAR = "clear", pgettext_lazy("report pdf", "In clear")


class PdfStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("report pdf", "Waiting for the worker")
    RENDERING = "rendering", pgettext_lazy("report pdf", "Being drawn")
    READY = "ready", pgettext_lazy("report pdf", "Ready")
    FAILED = "failed", pgettext_lazy("report pdf", "Failed")
