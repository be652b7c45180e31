"""The Django admin is the HR back office: every model has a working page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

OWN_APPS = {
    "accounts",
    "org",
    "jobs",
    "candidates",
    "interviews",
    "assessment",
    "screening",
    "archive",
    "workflow",
    "notify",
    "privacy",
}


def test_every_model_of_ours_is_in_the_back_office(client, application) -> None:  # type: ignore[no-untyped-def]
    from django.apps import apps

    ours = {m for m in apps.get_models() if m._meta.app_label in OWN_APPS}
    assert ours <= set(admin.site._registry)
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.login(username=superuser.username, password=PASSWORD)
    for model in ours:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_opening_a_candidate_in_the_back_office_is_audited(client, application, hr_admin):  # type: ignore[no-untyped-def]
    hr_admin.is_staff = True
    hr_admin.save()
    client.login(username=hr_admin.username, password=PASSWORD)
    candidate = application.candidate
    page = client.get(reverse("admin:candidates_candidate_change", args=[candidate.pk]))
    assert page.status_code == 200 and "13812341234" in page.content.decode()
    assert AuditEntry.objects.filter(
        action="reveal", object_type="candidate", object_id=str(candidate.pk), actor=hr_admin
    ).exists()
