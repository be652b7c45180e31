"""Human review in a real browser: the interviewer disagrees with the AI and resolves the
calibration prompt; the candidate asks for a human review and HR answers it (M14–M16)."""

import numpy as np
import pypdfium2 as pdfium
from django.test import Client

from hireloop.interviews.services import link_token
from hireloop.testing.browser import ANSWER, BROWSER_MARKS, csp_violations, shot, staff_page
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = BROWSER_MARKS


def test_interviewer_disagrees_and_resolves_the_prompt(
    browser, live_server, job, recruiter, interviewer
):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    report = session.report
    ai = {s.dimension.name: s.score for s in report.scores.select_related("dimension")}
    page = staff_page(browser, live_server, interviewer.username)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    # The radar is drawn by a static script under the real Content-Security-Policy.
    page.locator("#radar canvas").wait_for()
    assert page.locator("#id_decision.form-select").count() == 1
    assert csp_violations(page) == []
    fields = page.locator("[data-testid=review-form] input[type=number]")
    # Agree on the first dimension, disagree strongly on the second.
    first, second = ai["problem solving"], ai["teamwork"]
    fields.nth(0).fill(str(round(first)))
    fields.nth(1).fill("0" if second > 5 else "10")
    page.fill("#annotation_" + str(session.answers.first().pk), "Good example, thin on results.")
    page.select_option("#id_decision", "hold")
    page.click("text=Save review")

    warning = page.get_by_test_id("divergence-warning")
    warning.wait_for()
    assert warning.count() == 1 and "more than 2.0 points" in warning.inner_text()
    assert page.get_by_test_id("divergence-resolution").is_visible()
    assert page.locator("#annotation_" + str(session.answers.first().pk)).input_value()
    shot(page, "10-interviewer-divergence-prompt")

    # Keep the score, say why, confirm.
    page.fill("#id_divergence_note", "The answer names the team but shows no shared work.")
    page.check("#id_confirm_divergence")
    page.click("text=Save review")
    page.wait_for_selector("text=Review saved.")
    record = page.get_by_test_id("divergence-record")
    assert record.count() == 1 and "Kept their score" in record.inner_text()
    assert "thin on results" in page.get_by_test_id("annotation").inner_text()
    shot(page, "11-interviewer-review-saved")

    # The PDF link opens a real PDF for this reader (their cookies, their access rule).
    pdf = page.request.get(
        live_server.url + page.get_by_test_id("report-pdf-link").get_attribute("href")
    )
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    document = pdfium.PdfDocument(pdf.body())
    pixels = np.asarray(document[0].render(scale=1).to_pil().convert("L"))
    assert (pixels < 200).mean() > 0.02  # ink on the page, not a blank sheet
    document.close()

    page.click("nav >> text=Calibration")
    row = page.get_by_test_id("calibration-row")
    assert row.count() == 1 and "interviewer" in row.inner_text()
    assert "50%" in row.inner_text()  # one of two compared scores beyond the threshold
    page.locator("#calibration-chart canvas").wait_for()
    assert csp_violations(page) == []
    shot(page, "12-calibration")


def test_candidate_asks_for_a_human_review_and_hr_answers(browser, live_server, job, recruiter):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="en", is_mobile=True)
    candidate = phone.new_page()
    candidate.goto(f"{live_server.url}/i/{link_token(session)}/")
    assert candidate.get_by_test_id("explained-dimension").count() == 2
    candidate.fill("#review-message", "My second answer was cut off.")
    shot(candidate, "13-candidate-explanation")
    candidate.click("text=Request human review")
    assert (
        "You asked for a human review"
        in candidate.get_by_test_id("review-request-status").inner_text()
    )

    hr = staff_page(browser, live_server, recruiter.username)
    hr.click("nav >> text=Review requests")
    task = hr.get_by_test_id("review-request")
    assert "My second answer was cut off." in task.inner_text()
    hr.locator("textarea[name=resolution]").fill(
        "We listened again; the second answer is complete."
    )
    hr.click("text=Mark as reviewed")
    hr.wait_for_selector("text=The candidate can now read the outcome on their page.")
    shot(hr, "14-hr-review-requests")

    candidate.reload()
    assert "the second answer is complete" in candidate.get_by_test_id("human-review").inner_text()
    assert Client().get(f"/i/{link_token(session)}/").status_code == 200
