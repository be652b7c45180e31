from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a message reaches its reader. WeCom (企业微信) joins as a second channel later."""

    EMAIL = "email", _("E-mail")


class MessageKind(models.TextChoices):
    """What a message says: each kind has its templates per channel and language."""

    INVITATION = "invitation", _("Interview invitation")
    REPORT_READY = "report_ready", _("Report ready")
    REVIEW_REQUESTED = "review_requested", _("Human review requested")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class AttemptOutcome(models.TextChoices):
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class FailureReason(models.TextChoices):
    """Why a send failed, as a code shown in the reader's language; the server's words beside it."""

    UNREACHABLE = "unreachable", _("the mail server could not be reached")
    REFUSED = "refused", _("the mail server refused the address")
    AUTHENTICATION = "authentication", _("the mail server refused our login")
    OTHER = "other", _("the mail server answered with an error")
