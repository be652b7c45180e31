"""Logins: lockout after failures, two-factor login, password rules and change, idle sessions."""

import re
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _post_login(client: Client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("login"), {"username": username, "password": password})


def _current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The app's number now, or in the next time step (a code once used is refused again)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def test_repeated_wrong_passwords_lock_the_login_even_with_the_right_one(
    recruiter, settings
) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _post_login(client, recruiter.username, "wrong-password-1").status_code == 200
    assert _post_login(client, recruiter.username, "wrong-password-1").status_code == 429
    locked = _post_login(client, recruiter.username, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert 'data-testid="locked-out"' in locked.content.decode()


def test_a_lock_on_one_user_name_leaves_other_users_alone(recruiter, interviewer, settings) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, recruiter.username, "wrong-password-1")
    assert _post_login(client, interviewer.username, PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(recruiter, settings) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post_login(client, recruiter.username, "wrong-password-1")
    assert _post_login(client, recruiter.username, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password", ["hireloop", "hireloop2026", "short-1", "password1234", "123456789012"]
)
def test_weak_passwords_are_refused(password, recruiter) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        validate_password(password, recruiter)


def test_a_long_uncommon_password_is_accepted(recruiter) -> None:  # type: ignore[no-untyped-def]
    validate_password("quiet-harbour-lantern-42", recruiter)


def test_every_staff_user_can_change_their_password(client, interviewer) -> None:  # type: ignore[no-untyped-def]
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200
    refused = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "hireloop", "new_password2": "hireloop"},
    )
    assert refused.status_code == 200 and "form-control" in refused.content.decode()
    changed = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "quiet-harbour-lantern-42",
            "new_password2": "quiet-harbour-lantern-42",
        },
    )
    assert changed.status_code == 302
    interviewer.refresh_from_db()
    assert interviewer.check_password("quiet-harbour-lantern-42")
    assert AuditEntry.objects.filter(object_type="password", actor=interviewer).exists()
    # Still logged in on this device.
    assert client.get(reverse("web:job_list")).status_code == 200


def test_hr_admins_must_set_up_two_factor_login_before_anything_else(settings, hr_admin) -> None:  # type: ignore[no-untyped-def]
    settings.TWO_FACTOR_REQUIRED_ROLES = ("hr_admin", "admin")
    client = Client()
    assert _post_login(client, hr_admin.username, PASSWORD).status_code == 302
    page = client.get(reverse("web:job_list"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("two_factor_setup"))
    assert client.get("/admin/").status_code == 302
    setup = client.get(reverse("two_factor_setup"))
    assert setup.status_code == 200 and 'data-testid="totp-qr"' in setup.content.decode()
    device = TOTPDevice.objects.get(user=hr_admin, confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"token": "000000"})
    assert 'data-testid="recovery-codes"' not in wrong.content.decode()
    time.sleep(1.1)  # django-otp slows guessing: one second after the first wrong code
    done = client.post(reverse("two_factor_setup"), {"token": _current_code(device)})
    codes = re.findall(r"<li>([0-9a-f]{6}-[0-9a-f]{6})</li>", done.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("web:job_list")).status_code == 200


def test_an_interviewer_is_offered_two_factor_login_but_not_forced(settings, interviewer) -> None:  # type: ignore[no-untyped-def]
    settings.TWO_FACTOR_REQUIRED_ROLES = ("hr_admin", "admin")
    client = Client()
    _post_login(client, interviewer.username, PASSWORD)
    assert client.get(reverse("web:job_list")).status_code == 200
    assert client.get(reverse("two_factor_setup")).status_code == 200


@pytest.fixture
def enrolled(recruiter):  # type: ignore[no-untyped-def]
    """A recruiter who set up an authenticator; its ten recovery codes."""
    from hireloop.accounts.two_factor import do_confirm_authenticator, pending_authenticator

    codes = do_confirm_authenticator(
        user=recruiter, token=_current_code(pending_authenticator(recruiter))
    )
    assert codes is not None
    return codes


def test_a_user_with_an_authenticator_gives_its_code_after_the_password(
    recruiter, enrolled
) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    _post_login(client, recruiter.username, PASSWORD)
    page = client.get(reverse("web:job_list"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("two_factor_verify"))
    # The setup page cannot be used to replace the authenticator without the code.
    assert client.get(reverse("two_factor_setup"))["Location"].startswith(
        reverse("two_factor_verify")
    )
    assert client.post(reverse("two_factor_verify"), {"token": "123456"}).status_code == 200
    assert client.get(reverse("web:job_list")).status_code == 302
    time.sleep(1.1)  # django-otp slows guessing: one second after the first wrong code
    device = TOTPDevice.objects.get(user=recruiter, confirmed=True)
    verified = client.post(
        reverse("two_factor_verify"), {"token": _current_code(device, 1), "next": "/jobs/"}
    )
    assert verified.status_code == 302 and verified["Location"] == "/jobs/"
    assert client.get(reverse("web:job_list")).status_code == 200


def test_a_recovery_code_works_once(recruiter, enrolled) -> None:  # type: ignore[no-untyped-def]
    first = Client()
    _post_login(first, recruiter.username, PASSWORD)
    assert first.post(reverse("two_factor_verify"), {"token": enrolled[0]}).status_code == 302
    assert first.get(reverse("web:job_list")).status_code == 200
    second = Client()
    _post_login(second, recruiter.username, PASSWORD)
    assert second.post(reverse("two_factor_verify"), {"token": enrolled[0]}).status_code == 200
    assert second.get(reverse("web:job_list")).status_code == 302


def test_verify_never_redirects_to_another_site(recruiter, enrolled) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    _post_login(client, recruiter.username, PASSWORD)
    device = TOTPDevice.objects.get(user=recruiter, confirmed=True)
    answer = client.post(
        reverse("two_factor_verify"),
        {"token": _current_code(device, 1), "next": "https://evil.example/"},
    )
    assert answer["Location"] == "/"


def test_an_idle_session_ends(client, recruiter, settings) -> None:  # type: ignore[no-untyped-def]
    from hireloop.web.middleware import LAST_SEEN_KEY

    client.login(username=recruiter.username, password=PASSWORD)
    assert client.get(reverse("web:job_list")).status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    answer = client.get(reverse("web:job_list"))
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("login"))
    assert client.get(reverse("web:job_list")).status_code == 302


def test_staff_sessions_last_at_most_twelve_hours(settings) -> None:  # type: ignore[no-untyped-def]
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_a_pdf_export_asks_for_the_password_again_after_a_while(
    client, recruiter, settings
) -> None:  # type: ignore[no-untyped-def]
    from hireloop.web.views.account import AUTHENTICATED_AT_KEY

    client.login(username=recruiter.username, password=PASSWORD)
    session = client.session
    session[AUTHENTICATED_AT_KEY] = int(time.time()) - settings.RECENT_LOGIN_SECONDS - 5
    session.save()
    url = reverse("web:report_pdf", args=[987654])
    asked = client.get(url)
    assert asked.status_code == 302 and asked["Location"].startswith(reverse("confirm_identity"))
    wrong = client.post(reverse("confirm_identity"), {"password": "not-it-at-all", "next": url})
    assert wrong.status_code == 200
    right = client.post(reverse("confirm_identity"), {"password": PASSWORD, "next": url})
    assert right.status_code == 302 and right["Location"] == url
    assert client.get(url).status_code == 404  # now through to the view (no such report)


def test_production_passwords_use_a_slow_hash() -> None:
    """The suite swaps in a fast hasher (conftest); the product's own setting stays Django's
    PBKDF2 with at least 1,000,000 rounds (Django 5.2's default, OWASP's 600,000 floor)."""
    from django.conf import global_settings
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.utils.module_loading import import_string

    import hireloop.settings as product

    hashers = getattr(product, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    first = import_string(hashers[0])
    assert issubclass(first, PBKDF2PasswordHasher) and first.iterations >= 1_000_000
