"""WCAG 2.1 AA in the candidate's room, step by step, with the default, a very light and a very
dark organisation colour: the contrast of every visible text (1.4.3: 4.5:1, large text 3:1,
disabled and placeholder text included), an accessible name for every form control (4.1.2),
and a visible focus indicator with 3:1 against what surrounds it (2.4.7, 1.4.11), checked by
tabbing through each page. The figures go to test-artifacts/contrast-audit.json."""

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError

from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.services import interview_url
from hireloop.org.models import Branding
from hireloop.testing.browser import ANSWER, ARTIFACTS, BROWSER_MARKS, shot, wait_until
from hireloop.testing.full_interview_fixture import VAGUE_ANSWER, build_full_interview
from hireloop.web.templatetags.hireloop_tags import on_colour

pytestmark = BROWSER_MARKS

AUDIT_JS = (Path(__file__).parent / "room_audit.js").read_text()
BRANDS = {"default": "#1f6feb", "light": "#ffd400", "dark": "#14142b", "mid-grey": "#808080"}
RECORDER = "document.getElementById('media-recorder').dataset"
FOCUS_RING_CONTRAST = 3.0


class Audit:
    """Runs the checks on each step under each brand colour and keeps what failed."""

    def __init__(self, page, organisation_id: int) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.organisation_id = organisation_id
        self.failures: list[dict[str, Any]] = []
        self.lowest: dict[str, dict[str, Any]] = {}
        self.lowest_ring: dict[str, Any] = {"ratio": 21.0}

    def step(self, name: str, ready: Callable[[], None] = lambda: None) -> None:
        for brand, colour in BRANDS.items():
            self.set_brand(colour)
            self.page.reload()
            ready()
            self.check(f"{name} ({brand})", colour)
            shot(self.page, f"50-contrast-{name}-{brand}")

    def set_brand(self, colour: str) -> None:
        # The live server's threads share the in-memory test database, whose table locks do
        # not wait: a request still running (a chunk upload) makes the update fail at once.
        for attempt in range(50):
            try:
                Branding.objects.filter(organisation_id=self.organisation_id).update(
                    primary_colour=colour
                )
                return
            except OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def check(self, where: str, colour: str) -> None:
        page = self.page
        found = page.evaluate("window.roomAudit.audit()")
        # The brand colour is applied, not replaced by a safe grey: buttons carry it.
        brand_bg = page.evaluate(
            "(() => { const b = document.querySelector('.btn-brand');"
            " return b && getComputedStyle(b).backgroundColor; })()"
        )
        if brand_bg is not None:
            red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            assert brand_bg == f"rgb({red}, {green}, {blue})", where
        texts = found["texts"] + self.tab_through(where) + self.hovered(".btn-brand")
        assert texts, f"nothing audited on {where}"
        worst = min(texts, key=lambda text: text["ratio"])
        self.lowest[where] = {key: worst[key] for key in ("ratio", "where", "fg", "bg", "state")}
        for text in texts:
            if text["ratio"] < text["need"]:
                self.failures.append({"step": where, "check": "contrast", **text})
        for control in found["controls"]:
            if not control["name"] or control["broken"]:
                self.failures.append({"step": where, "check": "name", **control})

    def hovered(self, selector: str) -> list[dict[str, Any]]:
        """The text of the first such button while the pointer is over it."""
        button = self.page.locator(f"{selector}:visible").first
        if not button.count():
            return []
        button.hover()
        text = self.page.evaluate(f"window.roomAudit.textOf('{selector}', 'hover')")
        self.page.mouse.move(0, 0)
        return [text] if text else []

    def tab_through(self, where: str) -> list[dict[str, Any]]:
        """Tab through the page; each stop's focus indicator, and its text while focused."""
        page, texts, seen = self.page, [], []
        page.keyboard.press("Tab")  # the keyboard is in use: focus shows as :focus-visible
        page.focus("a.visually-hidden-focusable")  # start from the top: the skip link
        for press in range(60):
            if press:
                page.keyboard.press("Tab")
            ring = page.evaluate("window.roomAudit.focusRing()")
            if ring is None or ring["where"] in seen:
                break
            seen.append(ring["where"])
            if ring["ratio"] < self.lowest_ring["ratio"]:
                self.lowest_ring = {"step": where, "where": ring["where"], "ratio": ring["ratio"]}
            if not (ring["focusVisible"] or ring["inEditor"]) or ring["ratio"] < 3:
                self.failures.append({"step": where, "check": "focus", **ring})
            if ring["text"]:
                texts.append(ring["text"])
            if ring["inEditor"]:
                page.keyboard.press("Escape")  # the editor's way out (Tab indents in it)
        page.keyboard.press("Shift+Tab")  # back into the page from past its end
        page.evaluate("document.activeElement.blur()")
        assert len(seen) >= 2, f"the keyboard reaches nothing on {where}"
        return texts


def wait_recorder(page, condition: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(page, f"(() => {{ const r = {RECORDER}; return {condition}; }})()")


@pytest.mark.parametrize(
    ("colour", "text"), [("#1f6feb", "#fff"), ("#ffd400", "#000"), ("#14142b", "#fff")]
)
def test_text_on_the_brand_colour_is_black_or_white_by_luminance(colour, text) -> None:  # type: ignore[no-untyped-def]
    assert on_colour(colour) == text


def submit(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """Click a button that posts its form and wait for the next page, so that the audit's
    reload never races the navigation ("Not attached to an active page")."""
    with page.expect_navigation():
        page.click(selector)


def test_every_step_of_the_room_meets_wcag_aa(browser, live_server, run_worker) -> None:  # type: ignore[no-untyped-def]
    session = build_full_interview(answer_seconds=600, stall_seconds=1, allow_extension=True)
    text_question = session.plan.items.get(position=0).question
    text_question.prep_seconds = 120  # the preparation notice, with the answer box disabled
    text_question.save()
    context = browser.new_context(
        locale="en", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.add_init_script(AUDIT_JS)
    audit = Audit(page, session.application.job.organisation_id)
    page.goto(interview_url(session, live_server.url))

    audit.step("welcome")
    submit(page, "button[name=start]")
    audit.step("consent")
    page.check("#scope-voice")
    page.check("#scope-video")
    submit(page, "button[name=consent][value='1']")

    def device_check() -> None:
        page.fill("#practice-text", "Only a practice.")
        page.get_by_test_id("device-check-start").click()
        page.wait_for_selector("#device-check[data-state=ok]")
        page.wait_for_selector("[data-testid=bandwidth][data-kbit]")

    audit.step("practice", device_check)
    submit(page, "button[name=practice_done]")

    audit.step("question-preparing", lambda: page.get_by_test_id("prep").wait_for())

    def answering() -> None:
        page.click("#skip-prep")
        page.get_by_test_id("reassurance").wait_for()  # shown after a second without typing

    audit.step("question-text", answering)
    page.fill("#id_text", VAGUE_ANSWER)
    submit(page, "#answer-form button[type=submit]")
    audit.step("follow-up", lambda: page.fill("#id_text", "A draft of my example"))
    page.fill("#id_text", ANSWER)
    submit(page, "button[name=follow_up][value='1']")

    audit.step("voice-question", lambda: page.get_by_test_id("record").wait_for())
    page.get_by_test_id("record").click()
    wait_recorder(page, "Number(r.acked) >= 1")
    audit.check("voice-recording (mid-grey)", BRANDS["mid-grey"])  # the colour set last
    page.get_by_test_id("stop").click()
    wait_recorder(page, "r.state === 'saved'")
    audit.step("voice-saved", lambda: wait_recorder(page, "r.state === 'saved'"))
    submit(page, "#answer-form button[type=submit]")

    page.get_by_test_id("question").filter(has_text="release").wait_for()
    page.get_by_test_id("record").click()
    wait_recorder(page, "Number(r.acked) >= 1")
    page.get_by_test_id("stop").click()
    wait_recorder(page, "r.state === 'saved'")
    audit.step("video-saved", lambda: wait_recorder(page, "r.state === 'saved'"))
    submit(page, "#answer-form button[type=submit]")

    audit.step("coding-question", lambda: page.locator(".CodeMirror").wait_for())
    page.evaluate(
        "window.hireloopEditor.setValue('def merge_intervals(intervals):\\n    return []\\n')"
    )
    page.locator("#answer-form button[type=submit]").click()
    page.get_by_test_id("done").wait_for()
    audit.step("done")
    run_worker()  # the report: the done page explains the assessment
    audit.step("done-explained", lambda: page.get_by_test_id("explanation").wait_for())
    context.close()

    answers = session.answers.values_list("mode", flat=True)
    assert sorted(answers) == sorted(AnswerMode.values)
    ARTIFACTS.mkdir(exist_ok=True)
    report = {
        "lowest": audit.lowest,
        "lowest_focus_ring": audit.lowest_ring,
        "failures": audit.failures,
    }
    (ARTIFACTS / "contrast-audit.json").write_text(json.dumps(report, indent=1))
    assert not audit.failures, json.dumps(audit.failures[:40], indent=1)
