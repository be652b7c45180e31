"""Every URL pattern × every role: the expected answer, on pages, back office and API alike.

The URL patterns come from the resolver, so a new URL without an entry in ROUTES fails this
test until someone decides who may open it. Expectations per role:

- ``ok``: the page or action answers (2xx, or a redirect that is not to a login page);
- ``login``: sent to the staff login page;
- ``admin_login``: sent to the back office's login page (the back office refuses the role);
- ``denied``: 403, or 404 where existence must not be revealed (``access_*`` helpers);
- ``any``: the route answers every role the same way by design (languages, login, logout),
  checked only for never being a server error.

Back-office routes are checked model by model against the role × permission matrix
(accounts.roles.ROLE_PERMISSIONS): HR administrators get what the matrix grants them,
system administrators everything, and every other role is sent to the back office's login.
"""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.urls import get_resolver

from hireloop.accounts.roles import ROLE_PERMISSIONS, Role
from hireloop.candidates.models import Application
from hireloop.integrations.services import do_create_api_key

from .world import ROLES, build_world, client_as, url_of, url_patterns

pytestmark = pytest.mark.django_db(transaction=True)

STAFF = {role: "ok" for role in ROLES if role not in ("anon", "candidate")}
LOGGED_OUT = {"anon": "login", "candidate": "login"}


def _only(*allowed: str, otherwise: str = "denied") -> dict[str, str]:
    """ok for the named staff roles, ``otherwise`` for the other staff, login for the rest."""
    return LOGGED_OUT | {role: "ok" if role in allowed else otherwise for role in STAFF}


ON_JOB = ("int_on", "rec_on", "hr", "sys")
MANAGES_JOB = ("rec_on", "hr", "sys")
UNMASKED_ON_JOB = ("rec_on", "hr", "sys")
REQUEST_WORK = ("rec_on", "hr", "sys")  # the job's recruiters and HR answer the candidate
# Who sees candidates' review requests (the menu's permission): interviewers re-review, the
# recruiters and HR answer; each sees the requests of the jobs they work on (an empty list
# off the job). Auditors have no such list.
REQUEST_READERS = ("int_on", "int_off", "rec_on", "rec_off", "hr", "sys")
CANDIDATE_WORK = ("int_on", "int_off", "rec_on", "rec_off", "hr", "sys")


@dataclass(frozen=True)
class Route:
    method: str
    expected: dict[str, str]


# One entry per URL name outside the back office. A room URL is opened with the candidate's
# own link: staff hold no link, so they get what anyone holding it gets.
ROUTES: dict[str, Route] = {
    "set_language": Route("POST", dict.fromkeys(ROLES, "any")),
    "login": Route("GET", dict.fromkeys(ROLES, "any")),
    "logout": Route("POST", dict.fromkeys(ROLES, "any")),
    "password_change": Route("GET", LOGGED_OUT | STAFF),
    "two_factor_setup": Route("GET", LOGGED_OUT | STAFF),
    "two_factor_verify": Route("GET", LOGGED_OUT | STAFF),
    "confirm_identity": Route("GET", LOGGED_OUT | STAFF),
    "web:home": Route("GET", LOGGED_OUT | STAFF),
    "web:job_list": Route("GET", LOGGED_OUT | STAFF),
    "web:job_create": Route("GET", _only("rec_on", "rec_off", "hr", "sys")),
    "web:job_detail": Route("GET", _only(*ON_JOB)),
    "web:job_upload": Route("POST", _only(*MANAGES_JOB)),
    "web:job_edit": Route("GET", _only(*MANAGES_JOB)),
    "web:job_close": Route("GET", _only(*MANAGES_JOB)),
    "web:job_reopen": Route("GET", _only(*MANAGES_JOB)),
    "web:job_profile": Route("GET", _only(*MANAGES_JOB)),
    "web:job_plan": Route("GET", _only(*MANAGES_JOB)),
    "web:job_upload_progress": Route("GET", _only(*ON_JOB)),
    "web:application_detail": Route("GET", _only(*ON_JOB)),
    "web:application_invite": Route("POST", _only(*MANAGES_JOB)),
    "web:application_retry_deliveries": Route("POST", _only(*MANAGES_JOB)),
    "web:application_reject": Route("POST", _only("int_on", *MANAGES_JOB)),
    "web:application_hire": Route("POST", _only(*MANAGES_JOB)),
    "web:application_move": Route("POST", _only(*MANAGES_JOB)),
    # The original shows contact details in clear: only roles that see them unmasked.
    "web:resume_original": Route("GET", _only(*UNMASKED_ON_JOB)),
    "web:resume_page": Route("GET", _only(*UNMASKED_ON_JOB)),
    "web:report_detail": Route("GET", _only(*ON_JOB)),
    "web:report_pdf": Route("GET", _only(*ON_JOB)),
    "web:report_pdf_status": Route("GET", _only(*ON_JOB)),
    # The report's application has been interviewed: its interviewers may decide, too.
    "web:report_decide": Route("GET", _only(*ON_JOB)),
    "web:answer_recording": Route("GET", _only(*ON_JOB)),
    "web:report_media_progress": Route("GET", _only(*ON_JOB)),
    "web:observation_still": Route("GET", _only(*ON_JOB)),
    "web:calibration": Route("GET", LOGGED_OUT | STAFF),
    "web:notification_preferences": Route("GET", LOGGED_OUT | STAFF),
    "web:review_request_list": Route("GET", _only(*REQUEST_READERS)),
    "web:review_request_resolve": Route("POST", _only(*REQUEST_WORK)),
    "web:audit_log": Route("GET", _only("auditor", "sys")),
    "web:audit_export": Route("GET", _only("auditor", "sys")),
    "web:candidate_search": Route(
        "GET", _only("int_on", "int_off", "rec_on", "rec_off", "hr", "sys")
    ),
    "web:employee_list": Route("GET", _only("hr", "sys")),
    "web:employee_detail": Route("GET", _only("hr", "sys")),
    "web:room": Route("GET", dict.fromkeys(ROLES, "ok")),
    "web:room_ping": Route("POST", dict.fromkeys(ROLES, "ok")),
    "web:room_examples": Route("POST", dict.fromkeys(ROLES, "ok")),
    "web:room_media": Route("GET", dict.fromkeys(ROLES, "any")),
    # API keys grant reach into every job: HR administrators alone manage them.
    "integrations:api_keys": Route("GET", _only("hr")),
    "integrations:api_key_revoke": Route("POST", _only("hr")),
    # The API's schema and reference page are public by design (they hold no data).
    "api_v1:api-root": Route("GET", dict.fromkeys(ROLES, "any")),
    "api_v1:openapi-json": Route("GET", dict.fromkeys(ROLES, "any")),
    "api_v1:openapi-view": Route("GET", dict.fromkeys(ROLES, "any")),
    "api_not_found": Route("GET", dict.fromkeys(ROLES, "denied")),
    # A staff session never opens the API: only an API key does (401). Each endpoint × each
    # scope is hireloop/integrations/tests/test_api_matrix.py.
    **{
        f"api_v1:{name}": Route(method, dict.fromkeys(ROLES, "denied"))
        for name, method in (
            ("job_list", "GET"),
            ("job_detail", "GET"),
            ("application_list", "GET"),
            ("application_detail", "GET"),
            ("application_move", "POST"),
            ("candidate_list", "GET"),
            ("candidate_detail", "GET"),
            ("employee_list", "GET"),
            ("employee_detail", "GET"),
            ("employee_by_number", "GET"),
            ("employee_by_number_put", "GET"),  # the same URL as the line above
            ("report_list", "GET"),
            ("report_detail", "GET"),
        )
    },
}


def _category(response) -> str:  # type: ignore[no-untyped-def]
    status = response.status_code
    if status >= 500:
        return "error"
    location = response.get("Location", "")
    if status in (301, 302) and location.startswith("/admin/login/"):
        return "admin_login"
    if status in (301, 302) and location.startswith("/login/"):
        return "login"
    if status in (401, 403, 404):
        return "denied"
    return "ok"


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    users, args = build_world()
    key = do_create_api_key(actor=users["hr"], name="matrix", scopes=["jobs:read"], expires_at=None)
    candidate_id = Application.objects.get(pk=args["application_id"]).candidate_id
    extra = {"key_id": key.key.pk, "candidate_id": candidate_id, "rest": "v2/jobs"}
    extra["employee_number"] = "E1"
    return users, args | extra


def test_every_page_route_answers_each_role_as_expected(world) -> None:  # type: ignore[no-untyped-def]
    users, args = world
    every = url_patterns(get_resolver().url_patterns)
    routes = [(p, n) for p, n in every if not p.startswith("admin/")]
    assert {name for _pattern, name in routes} == set(ROUTES), "add new URLs to ROUTES"
    wrong = []
    for role in ROLES:
        for pattern, name in routes:
            client = client_as(role, users)  # a fresh one each time: one route logs out
            route = ROUTES[name]
            url = url_of(pattern, args)
            response = client.post(url, {}) if route.method == "POST" else client.get(url)
            got, expected = _category(response), route.expected[role]
            if got == "error" or (expected != "any" and got != expected):
                status = response.status_code
                wrong.append(f"{role:9} {route.method} {url}: {got} ({status}), not {expected}")
    assert not wrong, "\n" + "\n".join(wrong)


# An object id that exists for no model: a granted change page then redirects to the list.
ADMIN_ARGS = {
    "object_id": 999_999,
    "pk": 999_999,
    "id": 999_999,
    "app_label": "jobs",
    "content_type_id": 1,
    "url": "x",
}


def _admin_expectation(role: str, model, view: str) -> str:  # type: ignore[no-untyped-def]
    """What the matrix grants: sysadmins all, HR admins their permissions, others nothing."""
    if role not in ("hr", "sys"):
        return "admin_login"
    if view in ("index", "app_list", "password_change", "password_change_done", "jsi18n"):
        return "ok"
    if model is None or role == "sys":
        return "any"  # the system administrator's pages may refuse an add (append-only log)
    label = f"{model._meta.app_label}.{model._meta.model_name}"
    granted = set(ROLE_PERMISSIONS[Role.HR_ADMIN].get(label, ()))
    reading = {"view", "change"}
    needed = {
        "changelist": reading,
        "change": reading,
        "add": {"add"},
        "delete": {"delete"},
    }
    if view not in needed:
        # Other pages, history included: Django answers a missing record's history before it
        # checks permission, so only "never a server error" is asserted for them.
        return "any"
    if not granted & needed[view]:
        return "denied"
    # Granted by the matrix; the model's admin may still refuse an append-only record.
    return "ok_or_denied"


def test_every_back_office_route_follows_the_permission_matrix(world) -> None:  # type: ignore[no-untyped-def]
    users, args = world
    every = url_patterns(get_resolver().url_patterns)
    routes = [(p, n) for p, n in every if p.startswith("admin/")]
    by_name = {f"admin:{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}
    wrong = []
    for role in ROLES:
        client = client_as(role, users)
        for pattern, name in routes:
            if name is None or name in ("admin:login", "admin:logout"):
                continue
            prefix, _sep, view = name.rpartition("_")
            model = by_name.get(prefix)
            if model is None:
                view = name.removeprefix("admin:")
            url = url_of(pattern, args | ADMIN_ARGS, name)
            got = _category(client.get(url))
            expected = _admin_expectation(role, model, view)
            ok = got != "error" and (
                expected == "any"
                or got == expected
                or (expected == "ok_or_denied" and got in ("ok", "denied"))
            )
            if not ok:
                wrong.append(f"{role:9} {url}: {got}, expected {expected}")
    assert not wrong, "\n" + "\n".join(wrong)
