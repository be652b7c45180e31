"""Employees found by name, number, e-mail or phone through the keyed index; ordered lists."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from hireloop.archive.models import Employee, EmployeeSearchTerm
from hireloop.archive.search import (
    Ordering,
    index_employees,
    order_by_name,
    order_in_sql,
    rebuild_employee_index,
    search_employees,
)

pytestmark = pytest.mark.django_db


def employee(organisation, number: str, name: str, **fields) -> Employee:  # type: ignore[no-untyped-def]
    person = Employee.objects.create(
        organisation=organisation,
        employee_number=number,
        name=name,
        job_title=fields.pop("job_title", "Sales"),
        hire_date=fields.pop("hire_date", date(2024, 1, 1)),
        **fields,
    )
    index_employees([person])
    return person


def found(query: str) -> list[str]:
    return sorted(
        search_employees(Employee.objects.all(), query).values_list("employee_number", flat=True)
    )


def test_employees_are_found_by_name_number_email_and_phone(organisation) -> None:  # type: ignore[no-untyped-def]
    employee(organisation, "E00195", "张红梅", email="hm.zhang@example.com", phone="13800001111")
    employee(organisation, "E00196", "Alice Smith", email="alice@example.com")
    employee(organisation, "E00197", "张伟", job_title="Engineer")
    assert found("张红梅") == found("zhang hongmei") == found("Hongmei Zhang") == ["E00195"]
    assert found("张") == found("zhang") == ["E00195", "E00197"]
    assert found("alice") == found("SMITH") == found("Alice Smith") == ["E00196"]
    assert found("HM.Zhang@example.com") == found("+86 138-0000-1111") == ["E00195"]
    assert found("E00196") == ["E00196"] and found("0019") == ["E00195", "E00196", "E00197"]
    assert found("engineer") == ["E00197"]  # the job title, as before
    assert found("王芳") == [] and found("   ") == ["E00195", "E00196", "E00197"]


def test_a_search_stays_within_the_employees_given(organisation) -> None:  # type: ignore[no-untyped-def]
    employee(organisation, "E1", "王芳")
    employee(organisation, "E2", "王芳")
    some = Employee.objects.filter(employee_number="E1")
    assert list(search_employees(some, "王芳").values_list("employee_number", flat=True)) == ["E1"]


def test_a_change_in_the_back_office_reindexes_the_employee(organisation, hr_admin) -> None:  # type: ignore[no-untyped-def]
    person = employee(organisation, "E1", "王芳", email="fang@example.com")
    person.name = "王芳芳"
    person.email = "ff@example.com"
    request = RequestFactory().post("/")
    request.user = hr_admin
    site._registry[Employee].save_model(request, person, form=None, change=True)
    assert found("王芳芳") == found("ff@example.com") == ["E1"]
    assert found("fang@example.com") == [] and found("wangfang") == []


def test_rebuild_and_deletion(organisation) -> None:  # type: ignore[no-untyped-def]
    person = Employee.objects.create(
        organisation=organisation,
        employee_number="E9",
        name="李雷",
        job_title="x",
        hire_date=date(2024, 1, 1),
    )
    assert found("李雷") == []  # written around the services: not indexed yet
    rebuild_employee_index()
    assert found("李雷") == found("li lei") == ["E9"]
    person.delete()
    assert not EmployeeSearchTerm.objects.exists()


def test_names_order_by_pinyin_and_columns_order_in_sql(organisation) -> None:  # type: ignore[no-untyped-def]
    employee(organisation, "E3", "赵六", hire_date=date(2023, 5, 1))
    employee(organisation, "E1", "Alice Smith", hire_date=date(2024, 5, 1))
    employee(organisation, "E2", "陈晨", hire_date=date(2022, 5, 1))
    people = Employee.objects.all()
    numbers = dict(people.values_list("pk", "employee_number"))
    assert [numbers[pk] for pk in order_by_name(people, descending=False)] == ["E1", "E2", "E3"]
    assert [numbers[pk] for pk in order_by_name(people, descending=True)] == ["E3", "E2", "E1"]
    by_date = order_in_sql(people, Ordering.parse("-hire_date"))
    assert [e.employee_number for e in by_date] == ["E1", "E3", "E2"]
    assert [e.employee_number for e in order_in_sql(people, Ordering.parse("number"))] == [
        "E1",
        "E2",
        "E3",
    ]


def test_an_unknown_sort_falls_back_to_the_newest_hires_first() -> None:
    assert str(Ordering.parse("salary")) == "-hire_date"
    assert str(Ordering.parse("-name")) == "-name"
    assert Ordering.parse("name").toggled("name") == "-name"
    assert Ordering.parse("-name").toggled("name") == "name"
    assert Ordering.parse("name").toggled("hire_date") == "-hire_date"  # newest first
