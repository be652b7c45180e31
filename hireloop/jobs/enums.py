from django.db import models
from django.utils.translation import gettext_lazy as _


class Degree(models.IntegerChoices):
    """Education levels, ordered so that "at least a bachelor" is a comparison."""

    NONE = 0, _("No requirement")
    HIGH_SCHOOL = 1, _("High school")
    ASSOCIATE = 2, _("Associate degree")
    BACHELOR = 3, _("Bachelor")
    MASTER = 4, _("Master")
    DOCTORATE = 5, _("Doctorate")


class JobStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class JobChangeKind(models.TextChoices):
    REQUIREMENTS = "requirements", _("Requirements changed")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


class Language(models.TextChoices):
    ZH = "zh-hans", _("Chinese")
    EN = "en", _("English")
