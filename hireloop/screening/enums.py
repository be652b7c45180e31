from django.db import models
from django.utils.translation import gettext_lazy as _


class BatchStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    EXPANDED = "expanded", _("Unpacked")
    FAILED = "failed", _("Could not be unpacked")
