"""Random and malformed values posted to every form and every room action: never a 500.

Property-based (hypothesis): for each page, the field names come from the page itself (every
``name=`` of its forms), plus names it does not expect; the values are text with NUL bytes and
other control characters, numbers far beyond any column, floats that are not numbers, empty
and missing values, repeated fields and very long text. Runs on whichever database the suite
runs on (SQLite and PostgreSQL in CI).
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireloop.decisions.reviews import do_request_human_review
from hireloop.interviews.services import do_invite, do_start, link_token
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

ROOM_FIELDS = [
    "start", "consent", "scope", "practice_done", "extend", "follow_up", "probe", "probe_id",
    "text", "request_review", "message", "question_id", "code_language",
]  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\x00", "a\x00b", "\u202e", "-1", "0", "1", "skip", "on", "true"]),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.just("x" * 25_000),
    st.dates().map(str),
)
FORMS = st.dictionaries(
    keys=st.text(min_size=1, max_size=12),
    values=st.one_of(VALUES, st.lists(VALUES, max_size=3)),
    max_size=3,
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _fields(client: Client, url: str) -> list[str]:
    page = client.get(url).content.decode()
    return sorted(set(re.findall(r'name="([^"]+)"', page)) - {"csrfmiddlewaretoken"})


def _posts(fields: list[str]):  # type: ignore[no-untyped-def]
    """A post built from the page's own field names, with hostile values, plus stray fields."""
    known = st.dictionaries(
        keys=st.sampled_from(fields), values=st.one_of(VALUES, st.lists(VALUES, max_size=3))
    )
    return st.tuples(known, FORMS).map(lambda parts: parts[0] | parts[1])


def _never_a_server_error(client: Client, url: str, data: dict) -> None:  # type: ignore[type-arg]
    response = client.post(url, data)
    assert response.status_code < 500, (url, data)


@pytest.fixture
def scored(job, recruiter):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers="We fixed it together."
    )
    review = do_request_human_review(session=session, message="Please look again.")
    return session, review


def _staff(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_staff_forms_never_fail_on_hostile_input(scored, job, recruiter, interviewer, auditor):  # type: ignore[no-untyped-def]
    session, review = scored
    application = session.application
    pages = [
        (recruiter, reverse("web:job_create"), reverse("web:job_create")),
        (recruiter, reverse("web:job_profile", args=[job.pk]), None),
        (recruiter, reverse("web:job_plan", args=[job.pk]), None),
        (recruiter, reverse("web:application_detail", args=[application.pk]),
         reverse("web:application_invite", args=[application.pk])),
        (recruiter, reverse("web:application_detail", args=[application.pk]),
         reverse("web:application_reject", args=[application.pk])),
        (recruiter, reverse("web:application_detail", args=[application.pk]),
         reverse("web:application_hire", args=[application.pk])),
        (recruiter, reverse("web:review_request_list"),
         reverse("web:review_request_resolve", args=[review.pk])),
        (interviewer, reverse("web:report_detail", args=[session.report.pk]), None),
        (interviewer, reverse("password_change"), None),
        (interviewer, reverse("confirm_identity"), None),
        (interviewer, reverse("two_factor_setup"), None),
        (recruiter, reverse("web:job_detail", args=[job.pk]),
         reverse("web:job_upload", args=[job.pk])),
        (recruiter, reverse("web:job_edit", args=[job.pk]), None),
        (recruiter, reverse("web:job_close", args=[job.pk]), None),  # last: it closes the job
    ]  # fmt: skip
    for user, page, target in pages:
        client = _staff(user)
        fields = _fields(client, page)
        assert fields, page
        _fuzz_posts(client, target or page, fields)


def _fuzz_posts(client: Client, url: str, fields: list[str]) -> None:
    @FUZZ
    @given(data=_posts(fields))
    def post(data):  # type: ignore[no-untyped-def]
        _never_a_server_error(client, url, data)

    post()


@FUZZ
@given(query=FORMS)
def test_search_and_filter_pages_never_fail_on_hostile_queries(query, hr_admin, auditor, job):  # type: ignore[no-untyped-def]
    for user, url in (
        (hr_admin, reverse("web:employee_list")),
        (auditor, reverse("web:audit_log")),
        (hr_admin, reverse("web:job_list")),
        (hr_admin, reverse("web:job_detail", args=[job.pk])),
    ):
        response = _staff(user).get(url, query)
        assert response.status_code < 500, (url, query)


LIST_FIELDS = ["q", "status", "department", "page", "sort", "stage", "requirements", "integrity"]


@FUZZ
@given(
    query=st.dictionaries(
        keys=st.sampled_from(LIST_FIELDS), values=st.one_of(VALUES, st.lists(VALUES, max_size=3))
    )
)
def test_the_job_lists_never_fail_on_hostile_filters(query, recruiter, job):  # type: ignore[no-untyped-def]
    client = _staff(recruiter)
    for url in (reverse("web:job_list"), reverse("web:job_detail", args=[job.pk])):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)


def test_every_room_action_never_fails_on_hostile_input(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    open_session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    started = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    do_start(session=started)
    candidate = Client(raise_request_exception=False)

    for session in (open_session, started):
        _fuzz_room(candidate, link_token(session))


def _fuzz_room(candidate: Client, token: str) -> None:
    url = reverse("web:room", args=[token])
    media_url = reverse("web:room_media", args=[token, 1])

    @FUZZ
    @given(data=_posts(ROOM_FIELDS), query=FORMS)
    def act(data, query):  # type: ignore[no-untyped-def]
        _never_a_server_error(candidate, url, data)
        assert candidate.get(media_url, query).status_code < 500
        chunk = candidate.post(
            media_url + "?" + _query(query), b"\0" * 64, content_type="application/octet-stream"
        )
        assert chunk.status_code < 500

    act()


def _query(values: dict) -> str:  # type: ignore[type-arg]
    from urllib.parse import urlencode

    return urlencode(values, doseq=True)
