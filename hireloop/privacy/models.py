"""The append-only, tamper-evident audit log."""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .labels import actor_name, object_type_name


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

    Entries form a chain: each carries the MAC of the one before it, and its own MAC is keyed
    with ``settings.AUDIT_MAC_KEY`` (never stored in the database) over every column. Editing
    any column, removing a row or re-chaining the log without the key breaks the chain;
    ``privacy.audit.verify_audit_log`` finds where. Ids are given by the writer, in order.
    """

    id = models.BigIntegerField(_("entry number"), primary_key=True)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # PROTECT: a user with audit entries is deactivated, never deleted (a deletion would
    # rewrite actor_id in their entries and break the chain).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("user"),
    )
    actor_label = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("record type"), max_length=60)
    object_id = models.CharField(_("record id"), max_length=64)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    previous_mac = models.CharField(_("previous MAC"), max_length=64, blank=True)
    mac = models.CharField(_("MAC"), max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        action = self.get_action_display()  # type: ignore[attr-defined]
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {action} {self.object_type_name}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise AppendOnlyError("The audit log is append-only.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AppendOnlyError("The audit log is append-only.")

    @property
    def actor_name(self) -> str:
        return actor_name(self.actor_label, is_person=self.actor_id is not None)

    @property
    def object_type_name(self) -> str:
        return object_type_name(self.object_type)

    def compute_mac(self, key: bytes) -> str:
        """HMAC-SHA256 over every column, in a fixed order."""
        body = json.dumps(
            [
                self.id,
                self.previous_mac,
                self.at.isoformat(),
                self.actor_id,
                self.actor_label,
                self.action,
                self.object_type,
                self.object_id,
                self.detail,
            ],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


class AuditHead(models.Model):
    """The newest entry of the audit log and the number of entries: one row, the writers' lock.

    Every writer locks this row before it reads the head, so two writers can never chain to
    the same predecessor. Its own MAC stops anyone without the key from moving it back after
    deleting the newest entries; the checkpoints outside the database catch a deleted head row.
    """

    log_id = models.CharField(_("log id"), max_length=32)
    count = models.BigIntegerField(_("entries"), default=0)
    last_id = models.BigIntegerField(_("last entry"), default=0)
    last_mac = models.CharField(_("last entry's MAC"), max_length=64, blank=True)
    mac = models.CharField(_("MAC"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit log head")
        verbose_name_plural = _("audit log head")

    def __str__(self) -> str:
        return _("Audit log head: %(count)s entries, last #%(id)s") % {
            "count": self.count,
            "id": self.last_id,
        }

    def compute_mac(self, key: bytes) -> str:
        body = json.dumps([self.pk, self.log_id, self.count, self.last_id, self.last_mac])
        return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
