"""The staff report lists each answer with the follow-up it was asked and the answer to it, so
that every quote of the evidence can be traced to an answer on the page; a follow-up answer
is masked like the first answer."""

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.assessment.models import Report
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import do_invite, link_token
from hireloop.testing.browser import ANSWER
from hireloop.testing.factories import PASSWORD
from hireloop.testing.full_interview_fixture import VAGUE_ANSWER

pytestmark = pytest.mark.django_db(transaction=True)  # scoring runs after the commit

PHONE = "13812341234"


def _interview_with_follow_ups(application, recruiter, run_worker) -> Report:  # type: ignore[no-untyped-def]
    """Through the room: a vague first answer gets its follow-up, answered with a concrete
    example (and a phone number); the second follow-up is skipped."""
    application.candidate.phone = PHONE
    application.candidate.save()
    session = do_invite(application=application, actor=recruiter)
    url = reverse("web:room", args=[link_token(session)])
    room = Client()
    room.post(url, {"start": "1"})
    room.post(url, {"practice_done": "1"})
    follow_ups = iter([f"{ANSWER} Call me on {PHONE}.", ""])
    while (page := room.get(url)).context["step"] != "done":
        if page.context["step"] == "follow_up":
            text = next(follow_ups, "")
            room.post(url, {"follow_up": "1" if text else "skip", "text": text})
        else:
            room.post(url, {"question_id": page.context["question"].pk, "text": VAGUE_ANSWER})
    run_worker()
    return Report.objects.get(session=InterviewSession.objects.get(pk=session.pk))


def test_the_report_lists_follow_ups_and_every_quote_is_on_the_page(
    application, recruiter, interviewer, run_worker
):  # type: ignore[no-untyped-def]
    report = _interview_with_follow_ups(application, recruiter, run_worker)
    client = Client()
    client.login(username=interviewer.username, password=PASSWORD)
    response = client.get(reverse("web:report_detail", args=[report.pk]))
    page = response.content.decode()
    assert page.count('data-testid="follow-up-answer"') == 1
    assert page.count('data-testid="follow-up-skipped"') >= 1
    assert "root cause" in page and "138****1234" in page and PHONE not in page
    # Every quote the scores rest on is on the page, under the answer it comes from.
    listed = " ".join(
        [a.text for a in response.context["answers"]]
        + [a.follow_up.text for a in response.context["answers"] if hasattr(a, "follow_up")]
    )
    quotes = [quote for score in report.scores.all() for quote in score.evidence]
    assert quotes and all(quote in listed for quote in quotes)
