"""The server is killed mid-interview (a power cut, not a shutdown) and started again: the
candidate carries on at the same question in a new browser, and every answer is stored once."""

import sqlite3

import pytest

from hireloop.testing.browser import shot
from hireloop.testing.server import Server, prepare, server_env

pytestmark = pytest.mark.browser

ANSWER = (
    "Last year our nightly import kept failing. I took the lead with the data team, found the "
    "root cause and after the fix failures fell from 5 a week to zero."
)


def answer_current(page) -> None:  # type: ignore[no-untyped-def]
    if page.locator("#skip-pause").is_visible():
        page.click("#skip-pause")
    if page.locator("#skip-prep").is_visible():
        page.click("#skip-prep")  # the scenario's preparation time, cut short
    page.fill("#id_text", ANSWER)
    page.locator("[data-testid=answer-form] button[type=submit]").click()


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_a_killed_server_loses_no_answer(browser, tmp_path, viewport) -> None:  # type: ignore[no-untyped-def]
    env = server_env(tmp_path)
    (path,) = prepare(env, candidates=1)
    server = Server(env).start()
    try:
        context = browser.new_context(
            viewport=dict(zip(("width", "height"), viewport, strict=True))
        )
        page = context.new_page()
        page.goto(server.url + path)
        page.click("text=Start the interview")
        page.click("text=I'm ready")
        total = int(page.get_by_test_id("progress").inner_text().split("/")[1])
        answer_current(page)
        answer_current(page)
        page.get_by_test_id("progress").wait_for()
        assert page.get_by_test_id("progress").inner_text() == f"Question 3/{total}"
        page.fill("#id_text", "half-typed when the power went")

        server.kill()
        context.close()
        server.start()  # the same database, a new process

        context = browser.new_context(
            viewport=dict(zip(("width", "height"), viewport, strict=True))
        )
        page = context.new_page()
        page.goto(server.url + path)
        assert page.get_by_test_id("progress").inner_text() == f"Question 3/{total}"
        shot(page, f"15-after-restart-{viewport[0]}")
        for _ in range(3, total + 1):
            answer_current(page)
        page.get_by_test_id("done").wait_for()
    finally:
        server.stop()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        rows = db.execute(
            "select question_id, count(*) from interviews_answer group by 1"
        ).fetchall()
        status = db.execute("select status from interviews_interviewsession").fetchone()[0]
    assert len(rows) == total and all(count == 1 for _question, count in rows)
    assert status == "completed"
