"""Playwright helpers for the browser tests: Debian's Chromium, logins and screenshots."""

import os
import re
import time
from pathlib import Path

import pytest

from hireloop.testing.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Each module keeps to one worker (`make test` runs pytest -n 2 --dist loadscope); two
# modules may drive a Chromium each at the same time.
BROWSER_MARKS = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "In my last team our nightly import kept failing. I took the lead, worked together with "
    "the data team to debug it and found the root cause, a race between two jobs. After the "
    "fix, measured failures fell from 5 a week to zero and the team helped write a runbook."
)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A fake camera and microphone, granted without a prompt (test_browser_media).
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    """One Chromium per test module: launching it costs about a second, once per test before."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: run `make browser` (part of `make test`).")
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium):  # type: ignore[no-untyped-def]
    """The module's Chromium; the contexts (cookies, storage, pages) a test opened are closed
    after it, so no test sees another's."""
    yield chromium
    for context in chromium.contexts:
        context.close()


def wait_until(page, expression: str, timeout_s: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until a JavaScript expression is true on the page, under the page's real CSP.

    Playwright's wait_for_function evaluates its predicate with eval() inside the page, which
    our Content-Security-Policy forbids (no 'unsafe-eval'); page.evaluate() goes through the
    DevTools protocol instead, so the pages are tested with the policy users get.
    """
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout_s:.0f} s: {expression}")
        page.wait_for_timeout(100)


def reopen(page) -> None:  # type: ignore[no-untyped-def]
    """Reload the page as a person closing and reopening it would.

    When the page navigates by itself at the same moment (the upload progress bar reloads the
    job page once every resume is read; seen on PostgreSQL, where the worker finishes at a
    different moment), Chromium aborts the test's reload ("net::ERR_ABORTED; frame was
    detached"): then the address is opened again. What the page shows is checked after.
    """
    from playwright.sync_api import Error

    try:
        page.reload()
    except Error:
        page.wait_for_load_state()
        page.goto(page.url)


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


# Injected through the DevTools protocol, so the page's own policy does not block it.
RECORD_CSP_VIOLATIONS = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def csp_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """What the Content-Security-Policy blocked on the current page (script, style, frame…)."""
    return list(page.evaluate("() => window.__cspViolations || []"))


def staff_page(browser, live_server, username: str, language: str = "en", **device):  # type: ignore[no-untyped-def]
    """A new context logged in as ``username`` through the login page, on the job list.

    ``device`` holds Playwright's context options (viewport, is_mobile…); a desktop by default.
    """
    device = {"viewport": {"width": 1280, "height": 900}, **device}
    context = browser.new_context(locale=language, **device)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/jobs/$"))
    return page
