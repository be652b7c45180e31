"""API keys, and the answers kept for repeated POSTs (Idempotency-Key)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """A credential another system uses to call ``/api/v1/``.

    Only a keyed hash of the secret is stored (``services.key_digest``); the full key is shown
    once, when it is made. A key is not a user: the audit log records it by its number and
    prefix. It may be bound to the person who made it, so that later a decision taken through
    it can be recorded as that person's.
    """

    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    digest = models.CharField(_("key digest"), max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    acts_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acts for"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def audit_label(self) -> str:
        """How the audit log names the key: never translated, so the chain's MACs hold."""
        return f"api-key #{self.pk} {self.prefix}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired


class IdempotentRequest(models.Model):
    """The first answer to a POST with an ``Idempotency-Key``, replayed for a repeat."""

    api_key = models.ForeignKey(
        ApiKey, on_delete=models.CASCADE, related_name="+", verbose_name=_("API key")
    )
    key = models.CharField(_("idempotency key"), max_length=255)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    status_code = models.PositiveSmallIntegerField(_("status code"))
    body = models.TextField(_("response body"), blank=True)
    content_type = models.CharField(_("content type"), max_length=100)
    etag = models.CharField(_("ETag"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["api_key", "key"], name="one_answer_per_key")
        ]
        verbose_name = _("idempotent request")
        verbose_name_plural = _("idempotent requests")

    def __str__(self) -> str:
        return f"{self.api_key_id}:{self.key}"
