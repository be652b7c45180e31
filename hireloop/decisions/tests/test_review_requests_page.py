"""Candidates' review requests: the job's interviewer sees them (they re-review), the menu
shows the list to exactly those who may open it, and only recruiters and HR answer."""

import pytest
from django.urls import reverse

from hireloop.decisions.enums import ReviewRequestStatus
from hireloop.decisions.reviews import do_request_human_review, do_submit_review
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "web:review_request_list"


@pytest.fixture
def review_request(job, recruiter):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers="We fixed it together."
    )
    return do_request_human_review(session=session, message="My second answer was cut off.")


def _page(client, user) -> str:  # type: ignore[no-untyped-def]
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)
    response = client.get(reverse(LIST), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def _menu_links_to_the_list(page: str) -> bool:
    return f'class="nav-link" href="{reverse(LIST)}"' in page


def test_the_jobs_interviewer_sees_the_request_and_is_sent_to_re_review(
    client, review_request, interviewer
):  # type: ignore[no-untyped-def]
    page = _page(client, interviewer)
    assert 'data-testid="review-requests-empty"' not in page
    assert "My second answer was cut off." in page
    assert _menu_links_to_the_list(page)
    report_url = reverse("web:report_detail", args=[review_request.report_id])
    assert f'href="{report_url}"' in page and "Open the report and review it again" in page
    # The outcome is the recruiters' to write: no form here, and the door refuses them.
    assert 'name="resolution"' not in page
    assert 'data-testid="outcome-by-recruiter"' in page
    resolve = reverse("web:review_request_resolve", args=[review_request.pk])
    assert client.post(resolve, {"resolution": "Fine."}).status_code == 403
    review_request.refresh_from_db()
    assert review_request.status == ReviewRequestStatus.OPEN


def test_the_recruiter_sees_the_re_review_and_answers(
    client, review_request, interviewer, recruiter
):  # type: ignore[no-untyped-def]
    report = review_request.report
    do_submit_review(
        report=report,
        reviewer=interviewer,
        scores={s.dimension_id: s.score for s in report.scores.all()},
        comments="Listened again.",
    )
    page = _page(client, recruiter)
    assert _menu_links_to_the_list(page) and 'name="resolution"' in page
    assert "Reviewed since the request: interviewer" in page
    resolve = reverse("web:review_request_resolve", args=[review_request.pk])
    assert client.post(resolve, {"resolution": "The score stands."}).status_code == 302
    review_request.refresh_from_db()
    assert review_request.status == ReviewRequestStatus.RESOLVED


def test_another_jobs_interviewer_sees_none_and_the_auditor_has_no_list(
    client, review_request, other_interviewer, auditor
):  # type: ignore[no-untyped-def]
    page = _page(client, other_interviewer)
    assert 'data-testid="review-requests-empty"' in page and _menu_links_to_the_list(page)
    client.logout()
    assert client.login(username=auditor.username, password=PASSWORD)
    assert client.get(reverse(LIST)).status_code == 403
    home = client.get(reverse("web:audit_log")).content.decode()
    assert not _menu_links_to_the_list(home)
