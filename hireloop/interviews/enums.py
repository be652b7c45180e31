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


class ConsentScope(models.TextChoices):
    VOICE = "voice", _("Record and analyse my voice answers")
    VIDEO = "video", _("Record and analyse my video answers")


class FollowUpReason(models.TextChoices):
    NO_EXAMPLE = "no_example", _("No concrete example")
    NO_RESULT = "no_result", _("No result")
    OFF_TOPIC = "off_topic", _("Off the question")
