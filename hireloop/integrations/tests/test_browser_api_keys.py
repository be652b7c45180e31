"""The API keys page in a real browser: an HR administrator makes a key, copies it once,
sees its last use, revokes it; and the API reference page loads under the site's CSP."""

import json
import urllib.error
import urllib.request

from hireloop.integrations.models import ApiKey
from hireloop.testing.browser import BROWSER_MARKS, csp_violations, shot, staff_page

pytestmark = BROWSER_MARKS


def _status(url: str, secret: str) -> int:
    # The test's own server, over http: S310 warns of file: and custom schemes.
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {secret}"})  # noqa: S310
    try:
        with urllib.request.urlopen(request) as answer:  # noqa: S310
            json.load(answer)
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_hr_makes_uses_and_revokes_a_key(browser, live_server, hr_admin, job) -> None:  # type: ignore[no-untyped-def]
    page = staff_page(browser, live_server, hr_admin.username)
    page.click("nav a[href='/settings/api-keys/']")
    page.fill("#id_name", "Payroll sync")
    page.check("input[name=scopes][value='jobs:read']")
    page.check("input[name=scopes][value='employees:read']")
    page.select_option("#id_expiry", "30")
    page.click("[data-testid=api-key-form] button[type=submit]")
    secret = page.input_value("[data-testid=new-key-secret]")
    assert secret.startswith("hl_")
    shot(page, "api-keys-created")
    assert _status(f"{live_server.url}/api/v1/jobs", secret) == 200

    page.goto(f"{live_server.url}/settings/api-keys/")
    row = page.locator("[data-testid=api-key-row]", has_text="Payroll sync")
    assert secret not in page.content()
    assert ApiKey.objects.get(name="Payroll sync").prefix in row.inner_text()
    assert "Not yet" not in row.inner_text()  # its last use is shown
    row.locator("[data-testid=revoke]").click()
    page.wait_for_load_state()
    assert (
        "Revoked" in page.locator("[data-testid=api-key-row]", has_text="Payroll sync").inner_text()
    )
    shot(page, "api-keys-revoked")
    assert _status(f"{live_server.url}/api/v1/jobs", secret) == 401
    assert csp_violations(page) == []


def test_the_api_reference_loads_without_csp_violations(browser, live_server, hr_admin) -> None:  # type: ignore[no-untyped-def]
    page = staff_page(browser, live_server, hr_admin.username)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock", timeout=30_000)  # Swagger UI drew the operations
    assert page.locator(".opblock").count() == 13
    shot(page, "api-reference")
    assert csp_violations(page) == []
