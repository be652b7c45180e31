"""A whole interview in a real browser, on a phone and on a desktop: consent, the practice
question and device check, a written answer with its follow-up, a voice answer and a video
answer recorded with Chromium's fake microphone and camera, and a coding answer typed into the
editor. The server process is killed (a power cut, SIGKILL) while the video is being uploaded
and started again on the same database and port; the page is reloaded and the interview
finished. Every answer is then stored exactly once, in its mode, with its recording complete."""

import sqlite3
from typing import Any

import pytest

from hireloop.testing.browser import ANSWER, shot, wait_until
from hireloop.testing.full_interview_fixture import (
    PLAN,
    VAGUE_ANSWER,
    prepare_full_interview,
    stored_interview,
)
from hireloop.testing.server import Server, server_env

pytestmark = pytest.mark.browser

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Mobile Safari/537.36"
)
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "user_agent": PHONE_UA,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
RECORDER = "document.getElementById('media-recorder').dataset"
# No `else:` line: the editor's own indentation is corrected key by key (see type_code).
SOLUTION = """def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            continue
        merged.append([start, end])
    return merged
"""
TEXT, VOICE, VIDEO, CODE = (text for _kind, _mode, text in PLAN)


def wait_recorder(page, condition: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(page, f"(() => {{ const r = {RECORDER}; return {condition}; }})()")


def recorder_number(page, name: str) -> int:  # type: ignore[no-untyped-def]
    return int(page.evaluate(f"{RECORDER}.{name}"))


def submit_answer(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#answer-form button[type=submit]").click()


def wait_question(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_test_id("question").filter(has_text=text).wait_for()


def type_code(page, code: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``code`` into the CodeMirror editor key by key. Enter indents the new line as the
    language mode thinks right; Backspace or spaces then bring it to the solution's indent."""
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for number, line in enumerate(code.rstrip("\n").splitlines()):
        if number:
            page.keyboard.press("Enter")
        indent = len(line) - len(line.lstrip(" "))
        auto = int(page.evaluate("window.hireloopEditor.getCursor().ch"))
        for _ in range(auto - indent):
            page.keyboard.press("Backspace")
        page.keyboard.type(" " * max(0, indent - auto) + line.lstrip(" "))
    page.keyboard.press("Enter")


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_whole_interview_survives_a_killed_server(browser, tmp_path, device) -> None:  # type: ignore[no-untyped-def]
    env = server_env(tmp_path)
    path = prepare_full_interview(env)
    server = Server(env).start()
    errors: list[str] = []
    name = f"40-full-{device}"
    try:
        context = browser.new_context(locale="en", **VIEWPORTS[device])
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url + path)
        shot(page, f"{name}-01-welcome")
        page.click("text=Start the interview")

        page.get_by_test_id("consent").wait_for()
        page.check("#scope-voice")
        page.check("#scope-video")
        shot(page, f"{name}-02-consent")
        page.click("button[name=consent][value='1']")

        page.get_by_test_id("practice").wait_for()
        page.get_by_test_id("device-check-start").click()
        page.wait_for_selector("#device-check[data-state=ok]")
        page.wait_for_selector("[data-testid=bandwidth][data-kbit]")
        page.fill("#practice-text", "A practice answer: nothing here is stored.")
        shot(page, f"{name}-03-practice")
        page.click("text=I'm ready")

        # Text: a vague answer gets the follow-up asking for an example, which is answered.
        wait_question(page, TEXT)
        assert page.get_by_test_id("progress").inner_text() == "Question 1/4"
        page.fill("#id_text", VAGUE_ANSWER)
        shot(page, f"{name}-04-text")
        submit_answer(page)
        page.get_by_test_id("follow-up").wait_for()
        assert "concrete example" in page.get_by_test_id("follow-up").inner_text()
        page.fill("#id_text", ANSWER)
        shot(page, f"{name}-05-follow-up")
        page.click("button[name=follow_up][value='1']")

        # Voice: a few chunks with the fake microphone, uploaded as they come.
        wait_question(page, VOICE)
        page.get_by_test_id("record").click()
        wait_recorder(page, "Number(r.acked) >= 2")
        page.get_by_test_id("stop").click()
        wait_recorder(page, "r.state === 'saved'")
        voice_bytes = recorder_number(page, "bytes")
        shot(page, f"{name}-06-voice-saved")
        submit_answer(page)

        # Video: the server is killed while the recording is on its way up; the chunks wait
        # in the browser, the server comes back on the same database and port, the page is
        # reloaded and the upload goes on from the last chunk the server has.
        wait_question(page, VIDEO)
        page.get_by_test_id("record").click()
        wait_recorder(page, "Number(r.acked) >= 1")
        server.kill()
        wait_recorder(page, "r.unreachable === 'true' && Number(r.chunks) >= Number(r.acked) + 2")
        page.get_by_test_id("stop").click()
        wait_recorder(page, "r.state === 'uploading'")
        video_chunks, video_bytes = recorder_number(page, "chunks"), recorder_number(page, "bytes")
        shot(page, f"{name}-07-video-server-down")
        server.start()
        page.reload()
        wait_question(page, VIDEO)
        wait_recorder(page, "r.state === 'saved'")
        assert (recorder_number(page, "chunks"), recorder_number(page, "bytes")) == (
            video_chunks,
            video_bytes,
        )
        shot(page, f"{name}-08-video-saved-after-restart")
        submit_answer(page)

        # Code: typed with the keyboard, run against the hidden tests on submit.
        wait_question(page, CODE)
        page.get_by_test_id("code-question").wait_for()
        type_code(page, SOLUTION)
        assert page.evaluate("window.hireloopEditor.getValue()") == SOLUTION
        shot(page, f"{name}-09-code")
        submit_answer(page)

        page.get_by_test_id("done").wait_for()
        assert "All 4 answers have been received" in page.get_by_test_id("done").inner_text()
        shot(page, f"{name}-10-done")
        context.close()
    finally:
        server.stop()
    assert errors == []

    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        counts = db.execute("select question_id, count(*) from interviews_answer group by 1")
        assert sorted(count for _question, count in counts) == [1, 1, 1, 1]
    stored = stored_interview(env)
    assert stored["status"] == "completed"
    text, voice, video, code = (question["answers"] for question in stored["questions"])
    assert [len(answers) for answers in (text, voice, video, code)] == [1, 1, 1, 1]
    assert [a[0]["mode"] for a in (text, voice, video, code)] == ["text", "voice", "video", "code"]

    assert text[0]["text"] == VAGUE_ANSWER
    assert text[0]["follow_up"] == {"text": ANSWER, "answered": True}
    for (answer,), mode, sent_bytes in (
        (voice, "voice", voice_bytes),
        (video, "video", video_bytes),
    ):
        recording = answer["recording"]
        assert recording["mode"] == mode and recording["complete"]
        assert recording["chunk_seqs"] == list(range(recording["chunk_count"]))
        assert recording["bytes_received"] == recording["chunk_sizes"] == sent_bytes > 0
        assert recording["stored_bytes"] == sent_bytes  # every chunk once, decrypted whole
    assert video[0]["recording"]["chunk_count"] == video_chunks
    (answer,) = code
    assert answer["text"].replace("\r\n", "\n").strip() == SOLUTION.strip()  # as the form sent it
    result = answer["code_result"]
    assert result["language"] == "python" and not result["error"]
    assert result["tests_passed"] == result["tests_total"] > 0
