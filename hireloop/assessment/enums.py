from django.db import models
from django.utils.translation import gettext_lazy as _


class Recommendation(models.TextChoices):
    ADVANCE = "advance", _("Recommend next step")
    CONSIDER = "consider", _("Consider with care")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")
