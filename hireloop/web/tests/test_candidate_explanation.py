"""After the interview the candidate's link explains the assessment and offers a human
review, which becomes a task for HR (M15)."""

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.decisions.models import HumanReviewRequest
from hireloop.interviews.services import do_invite, link_token
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "I helped the team debug the outage together and we measured the fix: errors fell 90%."


def test_candidate_sees_the_basis_and_asks_for_a_human_review(client, job, recruiter, interviewer):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    url = reverse("web:room", args=[link_token(session)])
    candidate = Client()
    page = candidate.get(url).content.decode()
    assert page.count('data-testid="explained-dimension"') == 2
    assert "problem solving" in page and "counts for 60% of the match" in page
    assert any(quote in page for s in session.report.scores.all() for quote in s.evidence)
    assert str(session.report.overall_score) not in page  # no number: a person decides

    candidate.post(url, {"request_review": "1", "message": "My first answer was cut off."})
    again = candidate.post(url, {"request_review": "1", "message": "again"})  # a double click
    assert "You have already asked for a human review" in again.content.decode()
    request = HumanReviewRequest.objects.get()
    assert request.message == "My first answer was cut off."
    page = candidate.get(url).content.decode()
    assert 'data-testid="review-request-status"' in page and 'name="request_review"' not in page

    # The job's interviewer sees the request to re-review the report; the recruiter answers.
    client.login(username=interviewer.username, password=PASSWORD)
    listed = client.get(reverse("web:review_request_list")).content.decode()
    assert 'data-testid="review-request"' in listed and 'name="resolution"' not in listed
    client.login(username=recruiter.username, password=PASSWORD)
    tasks = client.get(reverse("web:review_request_list")).content.decode()
    assert "My first answer was cut off." in tasks and "*" in tasks  # the name is masked
    client.post(
        reverse("web:review_request_resolve", args=[request.pk]),
        {"resolution": "We re-read every answer; the assessment stands."},
    )
    page = candidate.get(url).content.decode()
    assert "We re-read every answer; the assessment stands." in page
    assert 'name="request_review"' in page  # may ask again after an outcome


def test_no_explanation_before_the_report_and_no_request_possible(job, recruiter):  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    url = reverse("web:room", args=[link_token(session)])
    response = Client().post(url, {"request_review": "1"})  # forged: the page offers none
    assert response.status_code == 200 and not HumanReviewRequest.objects.exists()


def test_staff_cannot_resolve_a_request_of_a_job_they_do_not_manage(
    client, job, recruiter, other_interviewer
):  # type: ignore[no-untyped-def]
    from hireloop.decisions.reviews import do_request_human_review

    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    request = do_request_human_review(session=session, message="")
    url = reverse("web:review_request_resolve", args=[request.pk])
    assert Client().post(url, {"resolution": "x"}).status_code == 302  # to login
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.post(url, {"resolution": "x"}).status_code == 404
    request.refresh_from_db()
    assert request.status == "open"
