"""The whole hiring loop in a real browser, as the recruiter, the candidate and the interviewer.

Playwright drives Debian's Chromium (`/usr/bin/chromium`); screenshots of every step are
written to `test-artifacts/` for people to look at.
"""

import re

from hireloop.testing.browser import ANSWER, BROWSER_MARKS, reopen, shot, staff_page
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes

pytestmark = BROWSER_MARKS


def create_job(page) -> None:  # type: ignore[no-untyped-def]
    page.click("text=New job")
    page.fill("#id_title", "Platform Engineer")
    page.select_option("#id_language", "en")
    page.select_option("#id_min_degree", "3")
    page.fill("#id_min_years", "2")
    page.fill("#id_skills", "Python, SQL, Docker")
    page.fill("#id_must_have_keywords", "Python")
    page.select_option("#id_interviewers", label="interviewer")
    for index, (name, keywords) in enumerate(
        [("Problem solving", "debug, root cause, measured"), ("Teamwork", "team, together")]
    ):
        page.fill(f"#id_dim-{index}-name", name)
        page.fill(f"#id_dim-{index}-weight", "50")
        page.fill(f"#id_dim-{index}-anchor_low", "vague, no example")
        page.fill(f"#id_dim-{index}-anchor_mid", "an example with some actions")
        page.fill(f"#id_dim-{index}-anchor_high", "a concrete example with measured results")
        page.fill(f"#id_dim-{index}-keywords", keywords)
    shot(page, "01-recruiter-new-job")
    page.click("text=Create job")
    page.wait_for_selector("text=Job created.")


def upload_resumes(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    strong, weak = tmp_path / "alice.pdf", tmp_path / "bob.docx"
    strong.write_bytes(pdf_bytes(STRONG_EN_RESUME))
    weak.write_bytes(docx_bytes(WEAK_EN_RESUME))
    page.set_input_files("#id_resumes", [str(strong), str(weak)])
    page.click("text=Upload and screen")
    page.wait_for_selector("text=2 resumes received")


def take_interview(browser, link: str) -> None:  # type: ignore[no-untyped-def]
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en", is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(link)
    shot(page, "04-candidate-welcome")
    page.click("text=Start the interview")
    page.get_by_test_id("practice").wait_for()
    page.fill("#practice-text", "I like untangling hard bugs.")
    page.click("text=I'm ready")
    progress = page.get_by_test_id("progress").inner_text()
    total = int(progress.split("/")[1])
    for number in range(1, total + 1):
        assert page.get_by_test_id("progress").inner_text() == f"Question {number}/{total}"
        if number > 1:
            assert page.get_by_test_id("remark").is_visible()  # feedback on the last answer
            page.click("#skip-pause")  # the pause between questions, cut short
        if page.locator("#skip-prep").is_visible():
            page.click("#skip-prep")  # the scenario's preparation time, cut short
        page.fill("#id_text", ANSWER)
        if number == 1:
            shot(page, "05-candidate-question")
            reopen(page)  # closing and reopening the page returns to the same question
            assert page.get_by_test_id("progress").inner_text() == f"Question 1/{total}"
            page.fill("#id_text", ANSWER)
        page.locator("button[type=submit]").last.click()
    page.get_by_test_id("probe").wait_for()  # the resume says "led a team of 5"
    assert "led a team of 5" in page.get_by_test_id("probe").inner_text()
    page.fill("#id_text", "I led five engineers through the migration and chose the order of work.")
    page.click("[data-testid=probe] button[name=probe][value='1']")
    page.get_by_test_id("done").wait_for()
    shot(page, "06-candidate-done")
    phone.close()


def test_the_whole_hiring_loop(
    browser,
    live_server,
    recruiter,
    interviewer,
    hr_admin,
    organisation,  # type: ignore[no-untyped-def]
    run_worker,
    tmp_path,
):
    page = staff_page(browser, live_server, recruiter.username)
    create_job(page)
    upload_resumes(page, tmp_path)
    run_worker()
    reopen(page)  # the progress bar may reload the page itself at the same moment
    ranking = page.get_by_test_id("ranking")
    assert ranking.locator("tbody tr").first.inner_text().split("\t")[1].startswith("A")
    shot(page, "02-recruiter-ranking")

    ranking.locator("tbody tr a").first.click()
    assert page.get_by_test_id("candidate-name").inner_text() == "Alice Chen"
    assert "met" in page.get_by_test_id("explanation").inner_text()
    page.click("button:text('Invite')")
    page.wait_for_selector("text=Invitation created. The e-mail is sent in the background.")
    link = page.get_by_test_id("interview-link").inner_text()
    shot(page, "03-recruiter-invited")

    take_interview(browser, link)
    run_worker()

    reviewer = staff_page(browser, live_server, interviewer.username)
    reviewer.click("text=Platform Engineer")
    reviewer.get_by_test_id("ranking").locator("tbody tr a").first.click()
    assert "*" in reviewer.get_by_test_id("candidate-name").inner_text()  # masked for them
    reviewer.click("text=Open report and review")
    # count() does not wait: first let the report load (under load it came too early).
    reviewer.wait_for_url(re.compile(r".*/reports/\d+/$"))
    reviewer.get_by_test_id("dimension-score").first.wait_for()
    assert reviewer.get_by_test_id("dimension-score").count() == 2
    quote = reviewer.locator(".evidence").first.inner_text().strip("“”")
    assert quote and quote in ANSWER  # evidence is quoted verbatim from the answer
    for field in reviewer.locator("[data-testid=review-form] input[type=number]").all():
        ai_score = field.locator("xpath=..").inner_text().split("AI: ")[1].split(")")[0]
        field.fill(str(round(float(ai_score))))
    reviewer.fill("#id_comments", "Concrete example with a measured result.")
    shot(reviewer, "07-interviewer-report")
    reviewer.click("text=Save review")
    reviewer.wait_for_selector("text=Review saved.")
    # The offer is a decision of its own, confirmed on its own page.
    reviewer.get_by_test_id("decide-offer").click()
    reviewer.get_by_test_id("confirm-decision").click()
    reviewer.wait_for_selector("text=moved to Offer.")

    page.goto(page.url)
    assert page.get_by_test_id("stage").inner_text() == "Offer"
    page.get_by_test_id("hire-action").locator("summary").click()
    page.fill("#id_hire_reason", "Offer accepted")
    page.click("text=Confirm: hire Alice Chen")
    page.wait_for_selector("text=Hired. The employee record has been created.")
    assert page.get_by_test_id("stage").inner_text() == "Hired"
    # The employee archive is HR's: the recruiter hires into it, an HR administrator reads it.
    assert page.locator("nav").get_by_text("Employees").count() == 0
    hr = staff_page(browser, live_server, hr_admin.username)
    hr.click("nav >> text=Employees")
    hr.locator("table tbody a").first.click()  # the header links sort the list
    assert "Problem solving" in hr.get_by_test_id("interview-results").inner_text()
    shot(hr, "08-hr-employee")

    hr.click("[data-testid=language-switch] button")
    hr.wait_for_selector("text=招聘面试")
    assert hr.locator("nav").get_by_text("退出登录").is_visible()
    shot(hr, "09-employee-in-chinese")
