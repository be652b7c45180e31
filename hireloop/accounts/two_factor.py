"""Two-factor login: an authenticator app (TOTP) and one-time recovery codes (django-otp).

A user enrols by scanning a code and typing the first number it shows; only then is the
device confirmed and ten recovery codes made, shown once. HR administrators and system
administrators must enrol (settings.TWO_FACTOR_REQUIRED_ROLES); every staff user may.
"""

import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit, user_roles

RECOVERY_CODES = 10


def user_has_device(user: Any) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def requires_two_factor(user: Any) -> bool:
    return bool(user_roles(user) & set(settings.TWO_FACTOR_REQUIRED_ROLES))


def pending_authenticator(user: Any) -> TOTPDevice:
    """The unconfirmed authenticator being set up, made on first call (the QR code's secret)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    return device


def do_confirm_authenticator(*, user: Any, token: str) -> list[str] | None:
    """Confirm the pending authenticator with its current code; the new recovery codes.

    None when the code is wrong (the device's own throttling slows guessing).
    """
    device = pending_authenticator(user)
    if not device.verify_token(_typed(token)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        do_audit(
            actor=user,
            action=AuditAction.UPDATE,
            object_type="two_factor",
            object_id=user.pk,
            detail={"change": "authenticator confirmed"},
        )
    return codes


def _new_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def matching_device(user: Any, token: str) -> Any:
    """The device (authenticator or recovery codes) that accepts this code, or None.

    A recovery code is used up by matching it.
    """
    return match_token(user, _typed(token))


def _typed(token: str) -> str:
    """A code as people type it ("123 456", a trailing space) as the device compares it."""
    return token.strip().replace(" ", "")
