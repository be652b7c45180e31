"""API keys: made, checked, limited and revoked. The public API of the integrations app."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.errors import ActionNotAllowed, NotFoundOrForbidden
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit

from .enums import Scope
from .models import ApiKey

KEY_PREFIX = "hl_"

# Keys are managed by HR administrators only (issue 15): they grant reach into every job.
KEY_MANAGERS = (Role.HR_ADMIN,)


def may_manage_api_keys(user: Any) -> bool:
    return has_role(user, *KEY_MANAGERS)


def check_may_manage_api_keys(user: Any) -> None:
    if not may_manage_api_keys(user):
        raise ActionNotAllowed(_("Only HR administrators manage API keys."))


def key_digest(secret: str) -> str:
    """HMAC-SHA256 of the whole key, keyed with a server secret.

    A fast keyed hash, not a slow password hash: the key holds 256 random bits (32 bytes from
    ``secrets``), so guessing it offline is hopeless at any speed, and checking it on every call
    must stay cheap. The key of the HMAC lives in settings, so a copy of the database alone
    does not even allow a guess to be checked.
    """
    return hmac.new(settings.API_KEY_HASH_KEY, secret.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class NewKey:
    key: ApiKey
    secret: str  # shown once, never stored


def do_create_api_key(
    *,
    actor: Any,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
    acts_for_creator: bool = False,
) -> NewKey:
    """Make a key; the full secret is returned once and only its hash is kept."""
    check_may_manage_api_keys(actor)
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValueError(f"Unknown or missing scopes: {sorted(unknown)}")
    prefix = KEY_PREFIX + secrets.token_hex(4)
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        key = ApiKey.objects.create(
            name=name,
            prefix=prefix,
            digest=key_digest(secret),
            scopes=sorted(set(scopes)),
            created_by=actor,
            acts_for=actor if acts_for_creator else None,
            expires_at=expires_at,
        )
        do_audit(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="api_key",
            object_id=key.pk,
            detail={"prefix": prefix, "scopes": key.scopes, "acts_for": key.acts_for_id},
        )
    return NewKey(key=key, secret=secret)


def access_api_key(user: Any, key_id: int) -> ApiKey:
    if not may_manage_api_keys(user):
        raise NotFoundOrForbidden("API key not found.")
    key = ApiKey.objects.filter(pk=key_id).first()
    if key is None:
        raise NotFoundOrForbidden("API key not found.")
    return key


def do_revoke_api_key(*, key: ApiKey, actor: Any) -> None:
    """Stop a key from working, from its next call on; the row stays for the audit log."""
    check_may_manage_api_keys(actor)
    if key.revoked_at is not None:
        return
    with transaction.atomic():
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="api_key",
            object_id=key.pk,
            detail={"prefix": key.prefix, "revoked": True},
        )


class KeyRefused(Exception):
    """The key is missing, unknown, revoked or expired (401), with the reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def authenticate_key(secret: str) -> ApiKey:
    """The usable key behind ``secret``, or KeyRefused saying why not."""
    prefix = secret[: len(KEY_PREFIX) + 8]
    key = ApiKey.objects.select_related("acts_for").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.digest, key_digest(secret)):
        raise KeyRefused("The API key is not valid.")
    if key.revoked_at is not None:
        raise KeyRefused("The API key has been revoked.")
    if key.is_expired:
        raise KeyRefused("The API key has expired.")
    if key.acts_for is not None and not key.acts_for.is_active:
        raise KeyRefused("The person this API key acts for is no longer active.")
    _mark_used(key)
    return key


# last_used_at is written at most once a minute per key: a busy integration would otherwise
# write the row on every call, and the page shows the time to the minute.
_LAST_USE_RESOLUTION_S = 60


def _mark_used(key: ApiKey) -> None:
    now = timezone.now()
    if (
        key.last_used_at is None
        or (now - key.last_used_at).total_seconds() >= _LAST_USE_RESOLUTION_S
    ):
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def check_rate_limit(key: ApiKey, *, now: float | None = None) -> None:
    """A fixed window per key in Django's cache: at most API_RATE_LIMIT calls per window.

    Fixed windows allow up to twice the limit across a window's edge; simple, and enough to
    stop a runaway integration. The cache must be shared by all processes (Redis or the
    database cache in production) for the limit to hold across them.
    """
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_WINDOW_S
    moment = timezone.now().timestamp() if now is None else now
    start = int(moment // window) * window
    name = f"api-rate:{key.pk}:{start}"
    cache.add(name, 0, timeout=window + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=window + 1)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=max(1, int(start + window - moment + 0.999)))
