from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplianceProfile(models.TextChoices):
    """Legal regime the organisation operates under; it switches features on or off (B2)."""

    CN = "cn", _("China (PIPL)")
    EU = "eu", _("European Union (AI Act, GDPR)")
    US_NYC = "us_nyc", _("New York City (Local Law 144)")
    CUSTOM = "custom", _("Custom")
