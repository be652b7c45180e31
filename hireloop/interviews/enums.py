from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    BEHAVIOURAL = "behavioural", _("Behavioural")
    SITUATIONAL = "situational", _("Situational")
    CREATIVE = "creative", _("Creative")
    TECHNICAL = "technical", _("Technical")
    CODING = "coding", _("Coding")
    SCENARIO = "scenario", _("Scenario simulation")


class AnswerMode(models.TextChoices):
    TEXT = "text", _("Text")
    VOICE = "voice", _("Voice")
    VIDEO = "video", _("Video")
    CODE = "code", _("Code")


class SessionStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    EXPIRED = "expired", _("Expired")
