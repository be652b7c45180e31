"""The candidate's pages as a candidate reads them: what each step shows, in which words."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hireloop.assessment.services import do_score_session
from hireloop.interviews.enums import AnswerMode, QuestionKind
from hireloop.interviews.models import ClaimProbe
from hireloop.interviews.services import current_question, do_invite, link_token, plan_questions
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


def _client(language: str) -> Client:
    client = Client()
    client.cookies["django_language"] = language  # the candidate's choice over the job's
    return client


def _make_recorded(session, mode: str):  # type: ignore[no-untyped-def]
    question = current_question(session)[0]
    question.answer_mode = mode
    question.save()
    return question


@pytest.mark.parametrize(
    ("language", "wording"),
    [("en", "You chose to answer in writing."), ("zh-hans", "您选择了书面作答。")],
)
def test_a_declined_video_question_says_that_writing_is_fine(
    application, recruiter, language, wording
) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=application, actor=recruiter)
    _make_recorded(session, AnswerMode.VIDEO)
    url = reverse("web:room", args=[link_token(session)])
    client = _client(language)
    client.post(url, {"start": "1"})
    client.post(url, {"consent": "none"})  # "Answer everything in writing instead"
    client.post(url, {"practice_done": "1"})
    page = client.get(url).content.decode()
    assert 'data-testid="written-instead"' in page and wording in page
    assert 'id="media-recorder"' not in page


@pytest.mark.parametrize(
    ("language", "limit_text", "refusal"),
    [
        ("en", "Up to 20000 characters.", "Your answer has 20001 characters, more than the limit"),
        ("zh-hans", "最多 20000 字。", "您的回答共 20001 字，超过了 20000 字的上限。"),
    ],
)
def test_the_length_limit_is_shown_before_and_explained_after_an_over_long_answer(
    room_url, language, limit_text, refusal
) -> None:  # type: ignore[no-untyped-def]
    _begin(room_url)
    client = _client(language)
    page = client.get(room_url)
    question = page.context["question"]
    html = page.content.decode()
    assert 'data-testid="char-count"' in html and 'data-limit="20000"' in html
    assert limit_text in html
    too_long = "x" * 20001
    answered = client.post(room_url, {"question_id": question.pk, "text": too_long})
    html = answered.content.decode()
    assert refusal in html and "Ensure this value" not in html and "确保" not in html
    assert too_long in html  # kept, to be shortened
    # The follow-up's answer has the same limit, and its page keeps the text too.
    client.post(room_url, {"question_id": question.pk, "text": VAGUE_ANSWER})
    html = client.post(room_url, {"follow_up": "1", "text": too_long}).content.decode()
    assert 'data-testid="follow-up"' in html and refusal in html and too_long in html
    # The next question's refusal comes back at once, although its pause has not run out: the
    # candidate was already answering (the pause skipped), so the form is not hidden again.
    client.post(room_url, {"follow_up": "1", "text": ANSWER})
    second = client.get(room_url).context["question"]
    refused = client.post(room_url, {"question_id": second.pk, "text": too_long})
    assert refused.context["pause_left"] == 0 and refusal in refused.content.decode()


def _visible_text(html: str) -> str:
    """The page's words as a reader meets them: tags and scripts out, texts kept for scripts
    (hidden spans of translated messages) in."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    html = re.sub(r'data-(?:count|over)-text="([^"]*)"', r"> \1 <", html)
    return unescape(re.sub(r"\s*<[^>]+>\s*", "\n", html))


HAN = "\u4e00-\u9fff"
INFORMAL = re.compile("你(?!们)")
HALF_WIDTH_AFTER_HAN = re.compile(rf"[{HAN}][:;,!?](?:\s|$)|[{HAN}]\.(?:\s|$)")
SECONDS_AS_S = re.compile(rf"\d\s*s\b|[{HAN}]\s*\d+\s*s")


def _check_chinese(where: str, html: str) -> list[str]:
    text = _visible_text(html)
    problems = []
    for pattern, what in (
        (INFORMAL, "你"),
        (HALF_WIDTH_AFTER_HAN, "half-width punctuation"),
        (SECONDS_AS_S, "seconds as 's'"),
        (re.compile(r"[^.]\.\.(?!\.)"), "double full stop"),
        # within one line of text (tags become line breaks): e.g. two translated sentences
        (re.compile(rf"[。，：；！？][ \t]+[{HAN}]"), "a space after full-width punctuation"),
    ):
        for match in pattern.finditer(text):
            problems.append(
                f"{where}: {what}: …{text[max(0, match.start() - 20) : match.end() + 10]}…"
            )
    return problems


def test_every_room_page_in_chinese_says_nin_with_full_width_punctuation_and_seconds(
    application, recruiter
) -> None:  # type: ignore[no-untyped-def]
    application.job.language = "zh-hans"  # the questions, remarks and evidence in Chinese
    application.job.save()
    session = do_invite(application=application, actor=recruiter)
    plan = session.plan
    plan.pause_seconds, plan.prep_seconds, plan.answer_seconds = 5, 30, 100
    plan.save()
    questions = plan_questions(session)
    questions[0].answer_mode = AnswerMode.VOICE
    questions[1].answer_mode = AnswerMode.VIDEO
    questions[-1].kind, questions[-1].answer_mode = QuestionKind.CODING, AnswerMode.CODE
    questions[-1].code_problem = "merge_intervals"
    for question in (questions[0], questions[1], questions[-1]):
        question.save()
    ClaimProbe.objects.create(
        session=session,
        kind="leadership",
        claim="带领 8 人团队",
        question_text="您的简历中写道：“带领 8 人团队”。请具体讲讲您的角色。",
        position=0,
    )
    url = reverse("web:room", args=[link_token(session)])
    client = _client("zh-hans")
    problems = _check_chinese("welcome", client.get(url).content.decode())
    client.post(url, {"start": "1"})
    problems += _check_chinese("consent", client.get(url).content.decode())
    client.post(url, {"consent": "1", "scope": ["voice"]})  # video declined
    problems += _check_chinese("practice", client.get(url).content.decode())
    client.post(url, {"practice_done": "1"})
    problems += _check_chinese("voice question", client.get(url).content.decode())
    client.post(url, {"question_id": questions[0].pk, "text": ANSWER})
    problems += _check_chinese("declined video question", client.get(url).content.decode())
    client.post(url, {"question_id": questions[1].pk, "text": VAGUE_ANSWER})
    problems += _check_chinese("follow-up", client.get(url).content.decode())
    client.post(url, {"follow_up": "1", "text": "x" * 20001})  # refused: too long
    problems += _check_chinese(
        "follow-up refused",
        client.post(url, {"follow_up": "1", "text": "x" * 20001}).content.decode(),
    )
    client.post(url, {"follow_up": "1", "text": ANSWER})
    while (question := current_question(session)[0]) is not questions[-1]:
        client.post(url, {"question_id": question.pk, "text": ANSWER})
        session.refresh_from_db()
        if session.current_index >= len(questions):
            break
    page = client.get(url).content.decode()
    assert 'data-testid="code-question"' in page
    problems += _check_chinese("code question", page)
    examples = client.post(
        url + "examples/",
        {
            "question_id": questions[-1].pk,
            "text": "def merge_intervals(x):\n    return x\n",
            "code_language": "python",
        },
    ).content.decode()
    problems += _check_chinese("example results", examples)
    client.post(
        url,
        {
            "question_id": questions[-1].pk,
            "text": "def merge_intervals(x):\n    return x\n",
            "code_language": "python",
        },
    )
    page = client.get(url).content.decode()
    assert 'data-testid="probe"' in page
    problems += _check_chinese("probe", page)
    client.post(url, {"probe": "1", "probe_id": session.probes.get().pk, "text": ANSWER})
    session.refresh_from_db()
    assert session.status == "completed", client.get(url).content.decode()
    do_score_session(session_id=session.pk)  # the done page explains it, offers a review
    client.post(url, {"request_review": "1", "message": "请再看看。"})
    page = client.get(url).content.decode()
    assert 'data-testid="explanation"' in page and 'data-testid="review-request-status"' in page
    problems += _check_chinese("done", page)
    assert problems == [], "\n".join(problems)


def test_times_end_in_one_full_stop_in_english(application, recruiter) -> None:  # type: ignore[no-untyped-def]
    evening = timezone.localtime().replace(hour=20, minute=20) + timedelta(days=3)
    session = do_invite(application=application, actor=recruiter, deadline=evening)
    url = reverse("web:room", args=[link_token(session)])
    client = _client("en")
    welcome = _visible_text(client.get(url).content.decode())
    assert "p.m." in welcome and "p.m.." not in welcome
    client.post(url, {"start": "1"})
    client.post(url, {"practice_done": "1"})
    while (question := current_question(session)[0]) is not None:
        client.post(url, {"question_id": question.pk, "text": ANSWER})
        session.refresh_from_db()
    do_score_session(session_id=session.pk)
    client.post(url, {"request_review": "1", "message": ""})
    done = _visible_text(client.get(url).content.decode())
    assert "You asked for a human review on" in done
    assert not re.search(r"[ap]\.m\.\.", done)
