"""The candidate's pages as a candidate reads them: what each step shows, in which words."""

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.interviews.services import do_invite, link_token

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
