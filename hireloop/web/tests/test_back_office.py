"""The back office is for system and HR administrators; the auditor has its own pages;
nobody changes their own access, and every access change is audited."""

import csv
import io
import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hireloop.privacy.models import AuditEntry
from hireloop.privacy.services import do_audit
from hireloop.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _staff(user):  # type: ignore[no-untyped-def]
    user.is_staff = True
    user.save()
    return user


def _login(client, user):  # type: ignore[no-untyped-def]
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("role", ["recruiter", "interviewer", "auditor"])
def test_the_back_office_is_closed_to_other_roles_even_with_staff_status(client, application, role):  # type: ignore[no-untyped-def]
    user = _staff(UserFactory(username=f"staff_{role}", role=role))
    _login(client, user)
    for url in (
        reverse("admin:index"),
        reverse("admin:candidates_candidate_change", args=[application.candidate.pk]),
        reverse("admin:jobs_job_change", args=[application.job.pk]),
        reverse("admin:interviews_answer_changelist"),
    ):
        answer = client.get(url)
        assert answer.status_code == 302 and "/admin/login/" in answer["Location"], url


def test_hr_admins_use_the_back_office_without_sensitive_attributes(client, application, hr_admin):  # type: ignore[no-untyped-def]
    candidate = application.candidate
    candidate.gender, candidate.ethnicity, candidate.birth_date = "女", "回族", "1990-03-07"
    candidate.save()
    _login(client, _staff(hr_admin))
    page = client.get(reverse("admin:candidates_candidate_change", args=[candidate.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'name="gender"' not in text and "回族" not in text and "1990-03-07" not in text


def test_an_employee_form_has_no_sensitive_attributes(client, organisation, hr_admin):  # type: ignore[no-untyped-def]
    from datetime import date

    from hireloop.archive.models import Employee

    employee = Employee.objects.create(
        organisation=organisation,
        employee_number="E1",
        name="王芳",
        job_title="Sales",
        hire_date=date(2024, 1, 1),
        ethnicity="壮族",
    )
    _login(client, _staff(hr_admin))
    text = client.get(reverse("admin:archive_employee_change", args=[employee.pk])).content
    assert "壮族".encode() not in text and b'name="ethnicity"' not in text


def test_nobody_edits_their_own_roles(client) -> None:  # type: ignore[no-untyped-def]
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    _login(client, root)
    page = client.get(reverse("admin:accounts_user_change", args=[root.pk])).content.decode()
    assert 'name="groups"' not in page and 'name="is_superuser"' not in page


def test_a_role_change_is_audited_with_before_and_after(client, interviewer) -> None:  # type: ignore[no-untyped-def]
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    _login(client, root)
    hr_group = Group.objects.get(name="hr_admin")
    answer = client.post(
        reverse("admin:accounts_user_change", args=[interviewer.pk]),
        {
            "username": interviewer.username,
            "groups": [hr_group.pk],
            "is_active": "on",
            "is_staff": "on",
            "last_login_0": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    entry = AuditEntry.objects.get(object_type="user_roles", object_id=str(interviewer.pk))
    assert entry.actor == root
    assert entry.detail["before"] == ["interviewer"]
    assert entry.detail["after"] == ["hr_admin", "staff"]


def test_a_job_team_change_is_audited_and_never_ones_own(
    client, application, hr_admin, interviewer
):  # type: ignore[no-untyped-def]
    from hireloop.jobs.services import do_assign_job_team

    job = application.job
    _login(client, _staff(hr_admin))
    url = reverse("admin:jobs_job_change", args=[job.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {
            "recruiters": [hr_admin.pk],  # adding oneself
            "interviewers": [interviewer.pk],
            "dimensions-TOTAL_FORMS": "0",
            "dimensions-INITIAL_FORMS": "0",
        }
    )
    refused = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200
    assert "your own" in refused.content.decode()
    assert not job.recruiters.filter(pk=hr_admin.pk).exists()
    other = UserFactory(username="other_recruiter", role="recruiter")
    do_assign_job_team(job=job, recruiters=[other], interviewers=[interviewer], actor=hr_admin)
    entry = AuditEntry.objects.get(object_type="job_team", object_id=str(job.pk))
    assert entry.detail["recruiters"]["after"] == [other.pk]


def test_a_recruiter_cannot_open_the_employee_archive(client, recruiter, auditor) -> None:  # type: ignore[no-untyped-def]
    for user in (recruiter, auditor):
        _login(client, user)
        assert client.get(reverse("web:employee_list")).status_code == 403
        assert "/employees/" not in client.get(reverse("web:job_list")).content.decode()


def test_the_auditor_reads_and_filters_the_log_with_its_verification(client, auditor, recruiter):  # type: ignore[no-untyped-def]
    do_audit(actor=recruiter, action="reveal", object_type="candidate", object_id=7)
    do_audit(actor=recruiter, action="update", object_type="job_profile", object_id=3)
    _login(client, auditor)
    page = client.get(reverse("web:audit_log")).content.decode()
    assert 'data-intact="1"' in page and page.count('data-testid="audit-entry"') >= 2
    filtered = client.get(reverse("web:audit_log"), {"object_type": "job_profile"}).content
    assert filtered.decode().count('data-testid="audit-entry"') == 1
    bad = client.get(reverse("web:audit_log"), {"since": "not-a-date", "page": "x"})
    assert bad.status_code == 200


def test_other_roles_cannot_read_the_audit_log(client, recruiter, hr_admin) -> None:  # type: ignore[no-untyped-def]
    for user in (recruiter, hr_admin):
        _login(client, user)
        assert client.get(reverse("web:audit_log")).status_code == 403
        assert client.get(reverse("web:audit_export")).status_code == 403


def test_the_export_asks_for_the_password_again_and_is_itself_audited(
    client, auditor, recruiter, settings
):  # type: ignore[no-untyped-def]
    from hireloop.web.views.account import AUTHENTICATED_AT_KEY

    do_audit(actor=recruiter, action="reveal", object_type="=HYPERLINK(1)", object_id=1)
    _login(client, auditor)
    session = client.session
    session[AUTHENTICATED_AT_KEY] = int(time.time()) - settings.RECENT_LOGIN_SECONDS - 1
    session.save()
    assert client.get(reverse("web:audit_export"))["Location"].startswith(
        reverse("confirm_identity")
    )
    client.post(reverse("confirm_identity"), {"password": PASSWORD})
    answer = client.get(reverse("web:audit_export"))
    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "at", "user", "action"]
    assert any(row[4] == "'=HYPERLINK(1)" for row in rows[1:])  # never a live formula
    assert AuditEntry.objects.filter(action="export", object_type="audit_log").exists()
