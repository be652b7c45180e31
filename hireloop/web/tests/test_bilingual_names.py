"""Organisations, departments and teams are named in the reader's language wherever shown."""

from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hireloop.archive.models import Employee
from hireloop.interviews.services import do_invite, link_token
from hireloop.jobs.changes import do_update_job
from hireloop.org.models import Department, Team, name_of_record
from hireloop.testing.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

NAMES = {"zh-hans": "研发部", "en": "Engineering"}


def reader(user, language: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def engineering(organisation):  # type: ignore[no-untyped-def]
    return Department.objects.create(
        organisation=organisation, name=NAMES["zh-hans"], name_en=NAMES["en"]
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_each_reader_sees_the_department_in_their_language(
    language, organisation, job, engineering, hr_admin
) -> None:  # type: ignore[no-untyped-def]
    job.department = engineering
    job.save()
    employee = Employee.objects.create(
        organisation=organisation,
        department=engineering,
        employee_number="E1",
        name="王芳",
        job_title="Sales",
        hire_date=date(2024, 1, 1),
    )
    other = NAMES["en" if language == "zh-hans" else "zh-hans"]
    client = reader(hr_admin, language)
    for url in (
        reverse("web:job_list"),
        reverse("web:job_detail", args=[job.pk]),
        reverse("web:employee_list"),
        reverse("web:employee_detail", args=[employee.pk]),
    ):
        page = client.get(url).content.decode()
        assert NAMES[language] in page and other not in page, url


def test_a_department_without_an_english_name_is_shown_by_its_chinese_one(organisation) -> None:  # type: ignore[no-untyped-def]
    sales = Department.objects.create(organisation=organisation, name="销售部")
    team = Team.objects.create(department=sales, name="华东组", name_en="East China")
    with translation.override("en"):
        assert (str(sales), str(team), str(organisation)) == (
            "销售部",
            "East China",
            "Test Company",
        )
    with translation.override("zh-hans"):
        assert (str(sales), str(team), str(organisation)) == ("销售部", "华东组", "测试公司")


def test_the_job_history_names_the_department_in_the_readers_language(
    job, recruiter, engineering
) -> None:  # type: ignore[no-untyped-def]
    change = do_update_job(
        job=job, actor=recruiter, reason="Moved", changes={"department": engineering}
    )
    for language, name in NAMES.items():
        with translation.override(language):
            assert name_of_record(change.after["department"]) == name
        page = reader(recruiter, language).get(reverse("web:job_edit", args=[job.pk]))
        assert name in page.content.decode()
    assert name_of_record("销售部") == "销售部"  # recorded before both names were kept


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_room_names_the_organisation_in_the_rooms_language(language, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    job.language = language
    job.save()
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    page = Client().get(reverse("web:room", args=[link_token(session)])).content.decode()
    expected, other = (
        ("Test Company", "测试公司") if language == "en" else ("测试公司", "Test Company")
    )
    assert expected in page and other not in page
