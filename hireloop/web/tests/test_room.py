"""The candidate's room: answers are never lost, never doubled, never executed."""

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.assessment.services import do_score_session
from hireloop.interviews.models import Answer
from hireloop.interviews.services import current_question, do_invite, link_token
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(application, recruiter):  # type: ignore[no-untyped-def]
    session = do_invite(application=application, actor=recruiter)
    url = reverse("web:room", args=[link_token(session)])
    Client().post(url, {"start": "1"})
    Client().post(url, {"practice_done": "1"})
    return session, url


def test_a_new_browser_after_a_restart_continues_at_the_same_question(room) -> None:  # type: ignore[no-untyped-def]
    session, url = room
    first = current_question(session)[0]
    Client().post(url, {"question_id": first.pk, "text": "My first answer."})
    # A different browser (no cookies), as after closing the phone or a server restart.
    page = Client().get(url, HTTP_ACCEPT_LANGUAGE="en")
    total = session.plan.items.count()
    assert f"Question 2/{total}" in page.content.decode()
    assert page.context["question"] != first


def test_a_double_submit_stores_one_answer(room) -> None:  # type: ignore[no-untyped-def]
    session, url = room
    question = current_question(session)[0]
    for _ in range(2):  # a double click, or a retried request after a dropped connection
        Client().post(url, {"question_id": question.pk, "text": "Same answer."})
    assert Answer.objects.filter(session=session).count() == 1
    session.refresh_from_db()
    assert session.current_index == 1


def test_an_empty_answer_is_refused_with_a_message(room) -> None:  # type: ignore[no-untyped-def]
    session, url = room
    question = current_question(session)[0]
    page = Client().post(
        url, {"question_id": question.pk, "text": "   "}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 200
    assert not Answer.objects.filter(session=session).exists()


def test_markup_in_an_answer_is_shown_as_text_not_run(room, client, interviewer):  # type: ignore[no-untyped-def]
    session, url = room
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    while (question := current_question(session)[0]) is not None:
        Client().post(url, {"question_id": question.pk, "text": hostile})
        session.refresh_from_db()
    report = do_score_session(session_id=session.pk)
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
