"""Who may open what: the role × page matrix, with unauthenticated and forbidden cases."""

import pytest
from django.urls import reverse

from hireloop.testing.factories import PASSWORD, JobFactory, UserFactory

pytestmark = pytest.mark.django_db


def login(client, user):  # type: ignore[no-untyped-def]
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("name", ["web:job_list", "web:employee_list", "web:job_create"])
def test_staff_pages_need_a_login(client, name) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_interviewer_cannot_see_applications_of_jobs_they_are_not_on(  # type: ignore[no-untyped-def]
    client, application, other_interviewer
):
    login(client, other_interviewer)
    assert client.get(reverse("web:job_detail", args=[application.job.pk])).status_code == 404
    url = reverse("web:application_detail", args=[application.pk])
    assert client.get(url).status_code == 404
    assert application.job.title not in client.get(reverse("web:job_list")).content.decode()


def test_an_interviewer_on_the_job_sees_masked_contact_details(client, application, interviewer):  # type: ignore[no-untyped-def]
    login(client, interviewer)
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert "138****1234" in page and "张*" in page
    assert "13812341234" not in page and "张伟" not in page


def test_a_recruiter_sees_contact_details_and_the_read_is_audited(client, application, recruiter):  # type: ignore[no-untyped-def]
    from hireloop.privacy.models import AuditEntry

    login(client, recruiter)
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert "13812341234" in page
    entry = AuditEntry.objects.get(action="reveal", object_id=str(application.candidate.pk))
    assert entry.actor == recruiter and "phone" in entry.detail["fields"]


def test_missing_and_forbidden_look_the_same(client, application, other_interviewer):  # type: ignore[no-untyped-def]
    login(client, other_interviewer)
    forbidden = client.get(reverse("web:application_detail", args=[application.pk]))
    missing = client.get(reverse("web:application_detail", args=[application.pk + 999]))
    assert forbidden.status_code == missing.status_code == 404


def test_an_interviewer_cannot_upload_invite_or_create_jobs(client, application, interviewer):  # type: ignore[no-untyped-def]
    login(client, interviewer)
    assert client.get(reverse("web:job_create")).status_code == 403
    invite = client.post(reverse("web:application_invite", args=[application.pk]), {})
    assert invite.status_code == 403
    application.refresh_from_db()
    assert application.stage == "applied"


def test_an_auditor_sees_no_jobs_or_candidates(client, application, auditor):  # type: ignore[no-untyped-def]
    login(client, auditor)
    assert application.job.title not in client.get(reverse("web:job_list")).content.decode()
    assert client.get(reverse("web:application_detail", args=[application.pk])).status_code == 404
    assert client.get(reverse("web:employee_list")).status_code == 403


def test_hr_admin_sees_every_job(client, application, hr_admin) -> None:  # type: ignore[no-untyped-def]
    other_job = JobFactory(organisation=application.job.organisation, title="Unrelated job")
    login(client, hr_admin)
    page = client.get(reverse("web:job_list")).content.decode()
    assert application.job.title in page and other_job.title in page


def test_a_recruiter_does_not_see_jobs_of_other_recruiters(client, application) -> None:  # type: ignore[no-untyped-def]
    stranger = UserFactory(username="stranger", role="recruiter")
    login(client, stranger)
    assert client.get(reverse("web:job_detail", args=[application.job.pk])).status_code == 404


def test_hr_sees_employee_names_in_clear_and_the_read_is_audited(client, hr_admin, organisation):  # type: ignore[no-untyped-def]
    from datetime import date

    from hireloop.archive.models import Employee
    from hireloop.privacy.models import AuditEntry

    employee = Employee.objects.create(
        organisation=organisation,
        employee_number="E1",
        name="王芳",
        job_title="Sales",
        hire_date=date(2024, 1, 1),
    )
    login(client, hr_admin)
    assert "王芳" in client.get(reverse("web:employee_list")).content.decode()
    assert "王芳" in client.get(reverse("web:employee_detail", args=[employee.pk])).content.decode()
    assert AuditEntry.objects.filter(action="reveal", object_type="employee").count() == 2


def test_an_interviewer_sees_no_employee_archive(client, interviewer, organisation):  # type: ignore[no-untyped-def]
    from datetime import date

    from hireloop.archive.models import Employee

    employee = Employee.objects.create(
        organisation=organisation,
        employee_number="EMP-NOT-FOR-INTERVIEWERS",
        name="李雷",
        job_title="Sales",
        hire_date=date(2024, 1, 1),
    )
    login(client, interviewer)
    # A distinctive number and the record's link: "E2" alone can occur in a CSRF token.
    page = client.get(reverse("web:employee_list")).content.decode()
    assert "EMP-NOT-FOR-INTERVIEWERS" not in page
    assert reverse("web:employee_detail", args=[employee.pk]) not in page
    assert client.get(reverse("web:employee_detail", args=[employee.pk])).status_code == 404


def test_an_interviewer_never_sees_the_candidates_own_link(
    client, application, recruiter, interviewer
):  # type: ignore[no-untyped-def]
    from hireloop.interviews.services import do_invite, link_token

    session = do_invite(application=application, actor=recruiter)
    login(client, interviewer)
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert link_token(session) not in page and 'data-testid="interview-qr"' not in page
