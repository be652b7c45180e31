"""Employees by number through the API: created with their history, updated only with the
ETag read before, history merged, the same body twice changing nothing."""

import json

import pytest

from hireloop.archive.models import Employee, PerformanceReview
from hireloop.privacy.models import AuditEntry

from .conftest import api_client

pytestmark = pytest.mark.django_db

URL = "/api/v1/employees/by-number/E100"
PROBLEM = "application/problem+json"
BODY = {
    "name": "李雷",
    "email": "lei.li@example.com",
    "phone": "13900001111",
    "job_title": "Sales representative",
    "hire_date": "2023-03-01",
    "performance_reviews": [{"period": "2024-H1", "rating": 4.25}],
    "promotions": [{"date": "2024-07-01", "from_title": "Junior", "to_title": "Senior"}],
    "trainings": [{"course": "Negotiation", "completed_on": "2024-02-01", "hours": 8}],
}


def _put(client, body, etag=None):  # type: ignore[no-untyped-def]
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return client.put(URL, json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def client(make_key, organisation):  # type: ignore[no-untyped-def]
    return api_client(make_key("employees:read", "employees:write").secret)


def test_an_employee_is_created_with_their_history(client) -> None:  # type: ignore[no-untyped-def]
    created = _put(client, BODY)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["contact"] == {
        "name": "李*",
        "email": "l*****@example.com",
        "phone": "139****1111",
        "masked": True,
    }
    assert body["performance_reviews"] == [{"period": "2024-H1", "rating": 4.3}]  # one decimal kept
    assert [p["to_title"] for p in body["promotions"]] == ["Senior"]
    employee = Employee.objects.get(employee_number="E100")
    assert employee.name == "李雷" and employee.trainings.count() == 1
    entry = AuditEntry.objects.filter(object_type="employee", action="create").get()
    assert entry.detail["api_key"] and entry.actor is None
    assert client.get(URL)["ETag"] == created["ETag"]


def test_an_update_needs_the_etag_and_merges_the_history(client) -> None:  # type: ignore[no-untyped-def]
    etag = _put(client, BODY)["ETag"]
    change = BODY | {
        "job_title": "Sales lead",
        "performance_reviews": [
            {"period": "2024-H1", "rating": 4.5},
            {"period": "2024-H2", "rating": 3},
        ],
        "promotions": [],
    }
    missing = _put(client, change)
    assert missing.status_code == 428 and missing["Content-Type"] == PROBLEM
    assert _put(client, change, etag='"old"').status_code == 412
    updated = _put(client, change, etag=etag)
    assert updated.status_code == 200 and updated["ETag"] != etag
    employee = Employee.objects.get(employee_number="E100")
    assert employee.job_title == "Sales lead"
    ratings = dict(
        PerformanceReview.objects.filter(employee=employee).values_list("period", "rating")
    )
    assert {k: float(v) for k, v in ratings.items()} == {"2024-H1": 4.5, "2024-H2": 3.0}
    assert employee.promotions.count() == 1  # history the body does not name is kept
    again = _put(client, change, etag=updated["ETag"])
    assert again.status_code == 200 and again["ETag"] == updated["ETag"]  # nothing changed


def test_an_unknown_department_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    refused = _put(client, BODY | {"department": "Nowhere"})
    assert refused.status_code == 409 and refused["Content-Type"] == PROBLEM
    assert not Employee.objects.filter(employee_number="E100").exists()


def test_writing_needs_the_write_scope(make_key, organisation) -> None:  # type: ignore[no-untyped-def]
    reader = api_client(make_key("employees:read").secret)
    assert _put(reader, BODY).status_code == 403
    assert not Employee.objects.exists()
