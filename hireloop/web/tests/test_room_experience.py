"""The candidate's pages as a candidate reads them: what each step shows, in which words."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from hireloop.interviews.services import do_invite, link_token
from hireloop.testing.browser import ANSWER
from hireloop.testing.full_interview_fixture import VAGUE_ANSWER

pytestmark = pytest.mark.django_db


@pytest.fixture
def room_url(application, recruiter) -> str:  # type: ignore[no-untyped-def]
    session = do_invite(application=application, actor=recruiter)
    return reverse("web:room", args=[link_token(session)])


def test_every_page_names_its_icon_and_the_browsers_default_address_answers(room_url) -> None:  # type: ignore[no-untyped-def]
    for url in (room_url, reverse("login")):
        page = Client().get(url).content.decode()
        assert 'rel="icon"' in page and "hireloop/favicon.svg" in page
    icon = Client().get("/favicon.ico")
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    svg = Client().get("/static/hireloop/favicon.svg")
    assert svg.status_code == 200


def _begin(url: str) -> None:
    Client().post(url, {"start": "1"})
    Client().post(url, {"practice_done": "1"})


def _get(url: str, language: str = "en") -> str:
    return Client().get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_the_follow_up_page_shows_the_progress_and_the_question_it_follows(room_url) -> None:  # type: ignore[no-untyped-def]
    _begin(room_url)
    page = Client().get(room_url, HTTP_ACCEPT_LANGUAGE="en")
    question, total = page.context["question"], page.context["progress"].total
    Client().post(room_url, {"question_id": question.pk, "text": VAGUE_ANSWER})
    page = _get(room_url)
    assert 'data-testid="follow-up"' in page
    assert f"Question 1/{total}" in page and 'role="progressbar"' in page
    assert 'data-testid="original-question"' in page and escape(question.text) in page


def test_after_a_concrete_follow_up_the_remark_is_about_it_not_the_first_answer(room_url) -> None:  # type: ignore[no-untyped-def]
    _begin(room_url)
    question = Client().get(room_url).context["question"]
    Client().post(room_url, {"question_id": question.pk, "text": VAGUE_ANSWER})
    assert "concrete example" in _get(room_url)  # the remark and the follow-up ask for one
    Client().post(room_url, {"follow_up": "1", "text": ANSWER})
    page = _get(room_url)
    assert 'data-testid="question"' in page and 'data-testid="remark"' in page
    assert "concrete example" not in page.split('data-testid="answer-form"')[0]


def test_a_skipped_follow_up_leaves_no_stale_remark_above_the_next_question(room_url) -> None:  # type: ignore[no-untyped-def]
    _begin(room_url)
    question = Client().get(room_url).context["question"]
    Client().post(room_url, {"question_id": question.pk, "text": VAGUE_ANSWER})
    Client().post(room_url, {"follow_up": "skip", "text": ""})
    page = _get(room_url)
    assert 'data-testid="question"' in page and 'data-testid="remark"' not in page
