"""The append-only, tamper-evident audit log."""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    REVEAL = "reveal", _("Viewed unmasked personal data")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    DECIDE = "decide", _("Decided")
    EXPORT = "export", _("Exported")
    LOGIN = "login", _("Logged in")


class AppendOnlyError(Exception):
    """Audit entries can be added but never changed or removed."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):  # type: ignore[no-untyped-def]
        raise AppendOnlyError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One access to or change of protected data.

    Each entry stores the hash of the one before it, so removing or editing a row in the
    database breaks the chain, which ``verify_audit_chain`` detects.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    detail = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AppendOnlyError("The audit log is append-only.")

    def compute_hash(self) -> str:
        body = json.dumps(
            [
                self.previous_hash,
                self.at.isoformat(),
                self.actor_label,
                self.action,
                self.object_type,
                self.object_id,
                self.detail,
            ],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(body.encode()).hexdigest()
