"""API keys: stored as a keyed hash, refused when revoked or expired, limited per key, and
managed by HR administrators on their page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hireloop.errors import ActionNotAllowed
from hireloop.integrations.models import ApiKey
from hireloop.integrations.services import (
    KeyRefused,
    RateLimited,
    authenticate_key,
    check_rate_limit,
    do_create_api_key,
    do_revoke_api_key,
)
from hireloop.privacy.models import AuditEntry

from .conftest import api_client

pytestmark = pytest.mark.django_db


def test_the_secret_is_never_stored_only_its_keyed_hash(make_key) -> None:  # type: ignore[no-untyped-def]
    new = make_key("jobs:read")
    row = ApiKey.objects.get(pk=new.key.pk)
    assert new.secret.startswith(row.prefix + "_") and len(new.secret) > 50
    stored = " ".join(str(v) for v in ApiKey.objects.filter(pk=row.pk).values().first().values())
    assert new.secret not in stored and new.secret.split("_")[-1] not in stored
    assert authenticate_key(new.secret).pk == row.pk


def test_a_wrong_revoked_or_expired_key_is_refused(make_key, hr_admin) -> None:  # type: ignore[no-untyped-def]
    good = make_key("jobs:read")
    with pytest.raises(KeyRefused, match="not valid"):
        authenticate_key(good.secret[:-1] + ("A" if good.secret[-1] != "A" else "B"))
    expired = make_key("jobs:read", expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(KeyRefused, match="expired"):
        authenticate_key(expired.secret)
    do_revoke_api_key(key=good.key, actor=hr_admin)
    with pytest.raises(KeyRefused, match="revoked"):
        authenticate_key(good.secret)


def test_a_key_acting_for_a_person_stops_when_their_account_does(make_key, hr_admin) -> None:  # type: ignore[no-untyped-def]
    new = make_key("jobs:read", acts_for_creator=True)
    hr_admin.is_active = False
    hr_admin.save()
    with pytest.raises(KeyRefused, match="no longer active"):
        authenticate_key(new.secret)


@pytest.mark.parametrize("role", ["recruiter", "interviewer", "auditor"])
def test_only_hr_administrators_make_keys(role, request) -> None:  # type: ignore[no-untyped-def]
    from hireloop.testing.factories import UserFactory

    user = UserFactory(role=role)
    with pytest.raises(ActionNotAllowed):
        do_create_api_key(actor=user, name="x", scopes=["jobs:read"], expires_at=None)


def test_last_use_is_recorded(make_key) -> None:  # type: ignore[no-untyped-def]
    new = make_key("jobs:read")
    assert new.key.last_used_at is None
    authenticate_key(new.secret)
    assert ApiKey.objects.get(pk=new.key.pk).last_used_at is not None


def test_the_rate_limit_counts_calls_per_key_in_a_fixed_window(make_key, settings) -> None:  # type: ignore[no-untyped-def]
    settings.API_RATE_LIMIT, settings.API_RATE_WINDOW_S = 3, 60
    first, second = make_key("jobs:read").key, make_key("jobs:read").key
    for _call in range(3):
        check_rate_limit(first, now=1_200_010.0)
    with pytest.raises(RateLimited) as refused:
        check_rate_limit(first, now=1_200_010.0)
    assert refused.value.retry_after == 50  # the window 1,200,000–1,200,060 ends in 50 s
    check_rate_limit(second, now=1_200_010.0)  # another key has its own window
    check_rate_limit(first, now=1_200_060.0)  # the next window starts afresh


def test_the_api_answers_429_with_retry_after(make_key, settings) -> None:  # type: ignore[no-untyped-def]
    settings.API_RATE_LIMIT = 2
    client = api_client(make_key("jobs:read").secret)
    statuses = [client.get("/api/v1/jobs").status_code for _call in range(3)]
    assert statuses == [200, 200, 429]
    refused = client.get("/api/v1/jobs")
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_hr_creates_a_key_and_sees_its_secret_once(client, hr_admin) -> None:  # type: ignore[no-untyped-def]
    client.force_login(hr_admin)
    session = client.session
    session["hireloop_authenticated_at"] = int(timezone.now().timestamp())
    session.save()
    url = reverse("integrations:api_keys")
    created = client.post(
        url, {"name": "Payroll", "scopes": ["jobs:read", "employees:read"], "expiry": "30"}
    )
    assert created.status_code == 200, created.content[:500]
    secret = created.context["new_secret"]
    key = ApiKey.objects.get(name="Payroll")
    assert secret in created.content.decode() and key.scopes == ["employees:read", "jobs:read"]
    assert key.expires_at is not None and key.created_by == hr_admin and key.acts_for is None
    again = client.get(url).content.decode()
    assert secret not in again and key.prefix in again
    assert AuditEntry.objects.filter(object_type="api_key", object_id=str(key.pk)).exists()


def test_hr_revokes_a_key_on_the_page(client, hr_admin, make_key) -> None:  # type: ignore[no-untyped-def]
    new = make_key("jobs:read")
    client.force_login(hr_admin)
    answer = client.post(reverse("integrations:api_key_revoke", args=[new.key.pk]))
    assert answer.status_code == 302
    assert ApiKey.objects.get(pk=new.key.pk).revoked_at is not None
    assert api_client(new.secret).get("/api/v1/jobs").status_code == 401


def test_other_staff_cannot_open_or_revoke_keys(client, recruiter, make_key) -> None:  # type: ignore[no-untyped-def]
    new = make_key("jobs:read")
    client.force_login(recruiter)
    assert client.get(reverse("integrations:api_keys")).status_code == 403
    revoke = client.post(reverse("integrations:api_key_revoke", args=[new.key.pk]))
    assert revoke.status_code == 404
    assert ApiKey.objects.get(pk=new.key.pk).revoked_at is None


def test_making_a_key_asks_for_the_password_again_after_a_while(client, hr_admin) -> None:  # type: ignore[no-untyped-def]
    client.force_login(hr_admin)
    session = client.session
    session["hireloop_authenticated_at"] = 0  # the password was last given long ago
    session.save()
    answer = client.post(
        reverse("integrations:api_keys"), {"name": "Late", "scopes": ["jobs:read"], "expiry": "30"}
    )
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("confirm_identity"))
    assert not ApiKey.objects.filter(name="Late").exists()
