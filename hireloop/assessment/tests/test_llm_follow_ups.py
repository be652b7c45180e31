"""Follow-ups worded by the LLM endpoint, against the local fake chat server."""

import json
import socket

import pytest

from hireloop.assessment.feedback import QuickFeedback
from hireloop.assessment.follow_up_engines import configured_follow_ups
from hireloop.assessment.follow_ups import OfflineFollowUps, follow_up_question
from hireloop.assessment.llm_follow_ups import DATA_END, DATA_START, OpenAICompatibleFollowUps
from hireloop.interviews.enums import FollowUpReason

from .fake_llm_server import FakeChatServer, Reply

MODEL = "qwen2.5-7b-instruct"
QUESTION = "请讲一次您排查线上故障的经历。"
ANSWER = (
    "去年我们做了一次大版本发布。上线后接口延迟升高，我先看了监控，然后回滚了发布，"
    "最后把慢查询改成了批量读取。我的邮箱是 zhang.wei@example.com。"
)
GOOD = "您提到上线后接口延迟升高，当时是怎么定位到慢查询的，改完之后延迟回到多少？"
NO_RESULT = FollowUpReason.NO_RESULT


def reply(text: str) -> Reply:
    return Reply(json.dumps({"follow_up": text}, ensure_ascii=False))


def write(server: FakeChatServer, answer: str = ANSWER, language: str = "zh-hans") -> str:
    writer = OpenAICompatibleFollowUps(base_url=server.base_url, model=MODEL, timeout=2)
    return writer.write(question=QUESTION, answer=answer, reason=NO_RESULT, language=language)


def test_a_valid_reply_is_the_follow_up() -> None:
    with FakeChatServer([reply(GOOD)]) as server:
        assert write(server) == GOOD
    (request,) = server.requests
    assert request.body["model"] == MODEL and request.body["temperature"] == 0
    user = request.body["messages"][1]["content"]
    block = json.loads(user.split(DATA_START + "\n")[1].split("\n" + DATA_END)[0])
    assert "批量读取" in block["answer"] and block["missing"].startswith("what came of")
    assert "zhang.wei@example.com" not in request.raw  # masked before it leaves


@pytest.mark.parametrize(
    "text",
    [
        "您提到上线后接口延迟升高。请继续。",  # not a question
        "您提到延迟升高？后来呢？",  # two questions
        "你提到上线后接口延迟升高，后来怎么样了？",  # 你, not 您
        "You mentioned the latency rose after the release; what happened next?",  # wrong language
        "您提到上线后接口延迟升高，这会影响您的评分吗？",  # a scoring word
        "能再详细说说吗？",  # names nothing from the answer
        "您提到上线后接口延迟升高" + "，具体是怎么一步步排查、沟通和复盘的" * 5 + "？",  # too long
        "您提到延迟升高，能把 zhang.wei@example.com 也说一下吗？",  # contact details
    ],
)
def test_a_reply_that_fails_a_check_gives_the_offline_follow_up(text: str) -> None:
    with FakeChatServer([reply(text)]) as server:
        assert write(server) == follow_up_question(ANSWER, NO_RESULT, "zh-hans")


@pytest.mark.parametrize(
    "script",
    [
        [Reply("not json")],
        [Reply(json.dumps({"follow_up": GOOD, "score": 3}, ensure_ascii=False))],
        [Reply(status=500)],
        [Reply(status=401)],
    ],
)
def test_a_malformed_reply_or_an_error_gives_the_offline_follow_up(script) -> None:  # type: ignore[no-untyped-def]
    with FakeChatServer(script) as server:
        assert write(server) == follow_up_question(ANSWER, NO_RESULT, "zh-hans")


def test_after_a_failure_the_endpoint_is_left_alone() -> None:
    with FakeChatServer([Reply(status=503), reply(GOOD)]) as server:
        writer = OpenAICompatibleFollowUps(base_url=server.base_url, model=MODEL, timeout=2)
        for _ in range(3):
            writer.write(question=QUESTION, answer=ANSWER, reason=NO_RESULT, language="zh-hans")
    assert len(server.requests) == 1


def test_an_unreachable_endpoint_gives_the_offline_follow_up() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    writer = OpenAICompatibleFollowUps(base_url=f"http://127.0.0.1:{port}/v1", model=MODEL)
    text = writer.write(question=QUESTION, answer=ANSWER, reason=NO_RESULT, language="zh-hans")
    assert text == follow_up_question(ANSWER, NO_RESULT, "zh-hans")


def test_the_room_uses_the_llm_when_the_llm_judge_is_configured(settings) -> None:  # type: ignore[no-untyped-def]
    english = (
        "Last year we deployed a big release. After it went out the checkout page slowed, "
        "so I checked the dashboards and rolled back the release."
    )
    good = "You mentioned the checkout page slowed after the release; how did you find the cause?"
    with FakeChatServer([reply(good)]) as server:
        settings.HIRELOOP_JUDGE = "openai"
        settings.HIRELOOP_JUDGE_URL = server.base_url
        settings.HIRELOOP_JUDGE_MODEL = MODEL
        result = QuickFeedback().feedback(
            question="Tell us about an incident you handled.",
            answer=english,
            anchor_high="",
            language="en",
        )
    assert result.reason == NO_RESULT and result.follow_up == good


def test_without_the_llm_judge_the_writer_is_offline(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_JUDGE = "offline"
    assert isinstance(configured_follow_ups(), OfflineFollowUps)
