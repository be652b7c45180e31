from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.models import Application
from hireloop.jobs.enums import Language
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField
from hireloop.workflow.enums import EventType

from .enums import AttemptOutcome, Channel, DeliveryStatus, FailureReason, MessageKind


class Delivery(models.Model):
    """One message to one reader on one channel, sent by the worker and retried with back-off.

    The address is personal data: it is stored encrypted, and a candidate's deliveries go
    with their application when the candidate is deleted. The message itself is rendered at
    each try from ``context`` (ids only), so no link or text is kept beside the address.
    """

    kind = models.CharField(_("message"), max_length=20, choices=MessageKind.choices)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    # What it is about and for whom ("invitation:session:12"): an outbox event delivered twice
    # finds its delivery and sends nothing more.
    key = models.CharField(_("key"), max_length=120, unique=True)
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("application"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("staff member"),
    )
    recipient = EncryptedTextField(_("recipient address"))
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    context = EncryptedJSONField(_("context"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    # The latest failure, copied from its attempt so the application page reads one table.
    last_reason = models.CharField(
        _("last failure"), max_length=20, choices=FailureReason.choices, blank=True
    )
    last_error = EncryptedTextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_status_display()} #{self.pk}"


class DeliveryAttempt(models.Model):
    """One try of a delivery, with its outcome; the error is kept as a code and the server's
    answer (encrypted: servers quote the address they refused)."""

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="tries", verbose_name=_("delivery")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=AttemptOutcome.choices)
    reason = models.CharField(_("reason"), max_length=20, choices=FailureReason.choices, blank=True)
    error = EncryptedTextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"#{self.delivery_id}.{self.number} {self.get_outcome_display()}"


class NotificationPreference(models.Model):
    """Whether a staff member is told of one kind of event on one channel (off unless chosen)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("staff member"),
    )
    event_type = models.CharField(_("event"), max_length=50, choices=EventType.choices)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    is_enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_type", "channel"], name="notify_one_preference_per_choice"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_event_type_display()} · {self.get_channel_display()}"
