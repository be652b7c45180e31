"""Every API endpoint × every scope, and no key, a revoked key and an expired key.

Like the role × route matrix (web/tests/test_route_matrix.py): the endpoints come from the
URL resolver, so a new endpoint fails here until ENDPOINTS says which scope opens it. Each key
holds one scope: the endpoint answers 2xx to the key with its scope and 403 to every other;
keys that are missing, revoked or expired get 401. Every answered call is in the audit log
under the key's id.
"""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import get_resolver
from django.utils import timezone

from hireloop.candidates.models import Application
from hireloop.integrations.api.applications import application_etag
from hireloop.integrations.enums import Scope
from hireloop.integrations.services import do_create_api_key, do_revoke_api_key
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import ApplicationFactory
from hireloop.web.tests.world import build_world, url_of, url_patterns

from .conftest import api_client

pytestmark = pytest.mark.django_db(transaction=True)

# URL name -> (method, the scope that opens it). Schema and docs are public (no key).
ENDPOINTS: dict[str, tuple[str, Scope]] = {
    "job_list": ("GET", Scope.JOBS_READ),
    "job_detail": ("GET", Scope.JOBS_READ),
    "application_list": ("GET", Scope.APPLICATIONS_READ),
    "application_detail": ("GET", Scope.APPLICATIONS_READ),
    "application_move": ("POST", Scope.APPLICATIONS_WRITE),
    "candidate_list": ("GET", Scope.CANDIDATES_READ),
    "candidate_detail": ("GET", Scope.CANDIDATES_READ),
    "employee_list": ("GET", Scope.EMPLOYEES_READ),
    "employee_detail": ("GET", Scope.EMPLOYEES_READ),
    "employee_by_number": ("GET", Scope.EMPLOYEES_READ),
    "employee_by_number_put": ("PUT", Scope.EMPLOYEES_WRITE),
    "report_list": ("GET", Scope.REPORTS_READ),
    "report_detail": ("GET", Scope.REPORTS_READ),
}
PUBLIC = {"api-root", "openapi-json", "openapi-view"}
REFUSED_KEYS = ("no key", "revoked", "expired")


def _api_routes() -> list[tuple[str, str]]:
    return [
        (pattern, name.removeprefix("api_v1:"))
        for pattern, name in url_patterns(get_resolver().url_patterns)
        if name and name.startswith("api_v1:")
    ]


def _call(secret, method, pattern, args):  # type: ignore[no-untyped-def]
    client = api_client(secret)
    if method == "GET":
        return client.get(url_of(pattern, args))
    if method == "PUT":  # a new employee each time: created, no If-Match needed
        body = {"name": "李雷", "job_title": "Sales", "hire_date": "2024-05-01"}
        number = args | {"employee_number": f"N{uuid.uuid4().hex[:8]}"}
        return client.put(
            url_of(pattern, number), json.dumps(body), content_type="application/json"
        )
    # A fresh application for each move, read as the caller would have read it.
    application = ApplicationFactory(job_id=args["job_id"])
    return client.post(
        url_of(pattern, args | {"application_id": application.pk}),
        json.dumps({"to_stage": "withdrawn", "reason": "Withdrew by e-mail"}),
        content_type="application/json",
        HTTP_IF_MATCH=application_etag(Application.objects.get(pk=application.pk)),
        HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex,
    )


def test_every_api_endpoint_answers_each_scope_as_expected() -> None:
    users, args = build_world()
    hr_admin = users["hr"]

    def make_key(*scopes: str, expires_at=None):  # type: ignore[no-untyped-def]
        return do_create_api_key(
            actor=hr_admin, name="m", scopes=list(scopes), expires_at=expires_at
        )

    application = Application.objects.get(pk=args["application_id"])
    args |= {"candidate_id": application.candidate_id, "employee_number": "E1"}
    routes = _api_routes()
    assert {name for _p, name in routes} == set(ENDPOINTS) | PUBLIC, "add endpoints to ENDPOINTS"
    secrets = {scope.value: make_key(scope.value) for scope in Scope}
    revoked = make_key(*Scope.values)
    do_revoke_api_key(key=revoked.key, actor=hr_admin)
    expired = make_key(*Scope.values, expires_at=timezone.now() - timedelta(minutes=1))
    refused = {"no key": None, "revoked": revoked.secret, "expired": expired.secret}
    wrong = []
    for pattern, name in routes:
        if name in PUBLIC:
            continue
        method, needed = ENDPOINTS[name]
        url = url_of(pattern, args)
        for label, secret in refused.items():
            answer = _call(secret, method, pattern, args)
            if answer.status_code != 401 or answer["Content-Type"] != "application/problem+json":
                wrong.append(f"{label:20} {method} {url}: {answer.status_code}, not 401")
        for scope, new in secrets.items():
            before = AuditEntry.objects.count()
            answer = _call(new.secret, method, pattern, args)
            expected = 200 if scope == needed else 403
            if answer.status_code // 100 != expected // 100 or (
                expected == 403 and answer.status_code != 403
            ):
                wrong.append(f"{scope:20} {method} {url}: {answer.status_code}, not {expected}")
            audited = AuditEntry.objects.filter(id__gt=before, detail__api_key=new.key.pk)
            if expected == 200 and not audited.exists():
                wrong.append(f"{scope:20} {method} {url}: not audited with the key's id")
    assert not wrong, "\n" + "\n".join(wrong)


def test_the_schema_and_docs_are_public(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200
