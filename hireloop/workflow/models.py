from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import EventType


class OutboxEvent(models.Model):
    """A domain event, written in the same transaction as the change it reports.

    A worker task delivers pending events to workflow rules, notifications and webhooks,
    so an event exists if and only if its change was committed.
    """

    type = models.CharField(
        _("event type"), max_length=50, choices=EventType.choices, db_index=True
    )
    payload = models.JSONField(_("payload"), default=dict)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("outbox event")
        verbose_name_plural = _("outbox events")

    def __str__(self) -> str:
        return f"{self.get_type_display()} #{self.pk}"
