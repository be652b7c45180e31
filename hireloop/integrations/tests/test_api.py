"""The REST API's behaviour: paging, filters, masking by scope, ETag/If-Match,
Idempotency-Key, problem details, and one audit entry per call under the key's id."""

import json

import pytest

from hireloop.candidates.models import Application, StageChange
from hireloop.integrations.api.pagination import encode_cursor
from hireloop.privacy.models import AuditAction, AuditEntry
from hireloop.testing.factories import ApplicationFactory

from .conftest import api_client

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _move(client, application_id, body, *, etag=None, idempotency="k1"):  # type: ignore[no-untyped-def]
    headers = {"HTTP_IDEMPOTENCY_KEY": idempotency} if idempotency else {}
    if etag:
        headers["HTTP_IF_MATCH"] = etag
    return client.post(
        f"/api/v1/applications/{application_id}/stage",
        json.dumps(body),
        content_type="application/json",
        **headers,
    )


def test_a_cursor_walks_every_application_once_in_id_order(make_key, job) -> None:  # type: ignore[no-untyped-def]
    made = [ApplicationFactory(job=job).pk for _n in range(5)]
    client = api_client(make_key("applications:read").secret)
    seen, cursor = [], None
    while True:
        query = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/applications", query).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(made)


def test_applications_filter_by_job_and_stage(make_key, job, application) -> None:  # type: ignore[no-untyped-def]
    other = ApplicationFactory()
    Application.objects.filter(pk=other.pk).update(stage="shortlisted")
    client = api_client(make_key("applications:read").secret)
    by_job = client.get("/api/v1/applications", {"job_id": job.pk}).json()["items"]
    by_stage = client.get("/api/v1/applications", {"stage": "shortlisted"}).json()["items"]
    assert [a["id"] for a in by_job] == [application.pk]
    assert [a["id"] for a in by_stage] == [other.pk]


def test_a_cursor_outside_its_pattern_is_refused_and_one_past_the_end_is_empty(
    make_key, job
) -> None:  # type: ignore[no-untyped-def]
    client = api_client(make_key("jobs:read").secret)
    answer = client.get("/api/v1/jobs", {"cursor": "not-ours!"})
    assert answer.status_code == 422 and answer["Content-Type"] == PROBLEM
    assert [
        j["id"] for j in client.get("/api/v1/jobs", {"cursor": encode_cursor(0)}).json()["items"]
    ] == [job.pk]
    assert client.get("/api/v1/jobs", {"cursor": "zzzzzzzzzzzzz"}).json()["items"] == []


def test_a_job_comes_with_its_profile(make_key, job) -> None:  # type: ignore[no-untyped-def]
    body = api_client(make_key("jobs:read").secret).get(f"/api/v1/jobs/{job.pk}").json()
    assert [(d["name"], d["weight"]) for d in body["dimensions"]] == [
        ("problem solving", 60.0),
        ("teamwork", 40.0),
    ]


def test_contact_details_are_masked_without_the_contact_scope(make_key, application) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/candidates/{application.candidate_id}"
    masked = api_client(make_key("candidates:read").secret).get(url).json()["contact"]
    assert masked == {
        "name": "张*",
        "email": masked["email"],
        "phone": "138****1234",
        "masked": True,
    }
    assert masked["email"].startswith("c*") and "candidate" not in masked["email"]
    assert not AuditEntry.objects.filter(action=AuditAction.REVEAL).exists()
    key = make_key("candidates:read", "candidates:contact")
    clear = api_client(key.secret).get(url).json()["contact"]
    assert clear["name"] == "张伟" and clear["phone"] == "13812341234" and not clear["masked"]
    reveal = AuditEntry.objects.get(action=AuditAction.REVEAL)
    assert reveal.detail["api_key"] == key.key.pk and reveal.actor_id is None
    assert reveal.actor_label == f"api-key #{key.key.pk} {key.key.prefix}"


def test_every_call_is_audited_with_the_keys_id(make_key, job) -> None:  # type: ignore[no-untyped-def]
    key = make_key("jobs:read")
    before = AuditEntry.objects.count()
    client = api_client(key.secret)
    client.get("/api/v1/jobs")
    client.get(f"/api/v1/jobs/{job.pk}")
    entries = list(AuditEntry.objects.order_by("id")[before:])
    assert [(e.object_type, e.object_id) for e in entries] == [
        ("job", "list"),
        ("job", str(job.pk)),
    ]
    assert all(e.detail["api_key"] == key.key.pk and e.actor is None for e in entries)


def test_a_move_needs_if_match_and_refuses_a_stale_etag(make_key, application) -> None:  # type: ignore[no-untyped-def]
    key = make_key("applications:read", "applications:write")
    client = api_client(key.secret)
    read = client.get(f"/api/v1/applications/{application.pk}")
    etag = read["ETag"]
    body = {"to_stage": "withdrawn", "reason": "Took another offer"}
    missing = _move(client, application.pk, body, idempotency="a")
    assert missing.status_code == 428 and missing["Content-Type"] == PROBLEM
    stale = _move(client, application.pk, body, etag='"stale"', idempotency="b")
    assert stale.status_code == 412
    moved = _move(client, application.pk, body, etag=etag, idempotency="c")
    assert moved.status_code == 200 and moved.json()["stage"] == "withdrawn"
    assert moved["ETag"] != etag
    change = StageChange.objects.get(application=application)
    assert change.actor is None and change.actor_label.startswith("api-key #")


def test_the_same_idempotency_key_replays_and_a_different_body_is_refused(
    make_key, application
) -> None:  # type: ignore[no-untyped-def]
    client = api_client(make_key("applications:read", "applications:write").secret)
    etag = client.get(f"/api/v1/applications/{application.pk}")["ETag"]
    body = {"to_stage": "withdrawn", "reason": "Moved abroad"}
    first = _move(client, application.pk, body, etag=etag, idempotency="same")
    again = _move(client, application.pk, body, etag=etag, idempotency="same")
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again["Idempotent-Replayed"] == "true"
    assert StageChange.objects.filter(application=application).count() == 1
    other = _move(client, application.pk, body | {"reason": "x"}, etag=etag, idempotency="same")
    assert other.status_code == 422 and other["Content-Type"] == PROBLEM
    no_key = _move(client, application.pk, body, etag=etag, idempotency=None)
    assert no_key.status_code == 422 and no_key["Content-Type"] == PROBLEM


def test_a_key_without_a_person_cannot_shortlist_nor_decide(make_key, application) -> None:  # type: ignore[no-untyped-def]
    client = api_client(make_key("applications:read", "applications:write").secret)
    etag = client.get(f"/api/v1/applications/{application.pk}")["ETag"]
    shortlist = _move(
        client, application.pk, {"to_stage": "shortlisted", "reason": "fit"}, etag=etag
    )
    assert shortlist.status_code == 409 and shortlist["Content-Type"] == PROBLEM
    offer = _move(
        client, application.pk, {"to_stage": "offer", "reason": "fit"}, etag=etag, idempotency="o"
    )
    assert offer.status_code == 422
    application.refresh_from_db()
    assert application.stage == "applied"


def test_a_key_acting_for_a_person_shortlists_as_that_person(
    make_key, hr_admin, application
) -> None:  # type: ignore[no-untyped-def]
    client = api_client(
        make_key("applications:read", "applications:write", acts_for_creator=True).secret
    )
    etag = client.get(f"/api/v1/applications/{application.pk}")["ETag"]
    moved = _move(
        client, application.pk, {"to_stage": "shortlisted", "reason": "Strong CV"}, etag=etag
    )
    assert moved.status_code == 200
    assert StageChange.objects.get(application=application).actor == hr_admin


def test_validation_errors_and_unknown_paths_are_problem_details(make_key) -> None:  # type: ignore[no-untyped-def]
    client = api_client(make_key("jobs:read").secret)
    invalid = client.get("/api/v1/jobs", {"limit": 1000})
    assert invalid.status_code == 422 and invalid["Content-Type"] == PROBLEM
    problem = invalid.json()
    assert {"type", "title", "status", "detail"} <= set(problem) and problem["status"] == 422
    missing = client.get("/api/v1/jobs/999999")
    assert missing.status_code == 404 and missing["Content-Type"] == PROBLEM
    elsewhere = client.get("/api/v2/jobs")
    assert elsewhere.status_code == 404 and elsewhere["Content-Type"] == PROBLEM
    anonymous = api_client(None).get("/api/v1/jobs")
    assert anonymous.status_code == 401 and anonymous["Content-Type"] == PROBLEM


def test_the_schema_documents_problems_and_the_write_headers(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/openapi.json").json()
    move = schema["paths"]["/api/v1/applications/{application_id}/stage"]["post"]
    headers = {p["name"] for p in move["parameters"] if p["in"] == "header"}
    assert {"Idempotency-Key", "If-Match"} <= headers
    assert "application/problem+json" in move["responses"]["412"]["content"]
    assert client.get("/api/v1/docs").status_code == 200


def test_kept_answers_expire_after_a_day(make_key, application, settings) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from hireloop.integrations.models import IdempotentRequest

    client = api_client(make_key("applications:read", "applications:write").secret)
    etag = client.get(f"/api/v1/applications/{application.pk}")["ETag"]
    body = {"to_stage": "withdrawn", "reason": "Moved abroad"}
    assert _move(client, application.pk, body, etag=etag, idempotency="day").status_code == 200
    IdempotentRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    later = _move(client, application.pk, body, etag=etag, idempotency="day")
    assert later.status_code == 412  # judged afresh: the application has moved since
    assert not IdempotentRequest.objects.filter(created_at__lt=timezone.now() - timedelta(hours=24))
