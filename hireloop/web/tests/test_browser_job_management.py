"""Managing a job in a real browser: HR edits its requirements and sees the ranking marked until
the worker has screened again, closes the job after a confirmation that says what happens to
the interview links already sent, reopens it, and filters the job list and the application
list; on a phone and a desktop, in Chinese and English."""

import pytest
from django.test import override_settings

from hireloop.interviews.services import do_invite
from hireloop.org.models import Department
from hireloop.screening.services import do_intake_resume
from hireloop.testing.browser import BROWSER_MARKS, shot, staff_page
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.factories import JobFactory

pytestmark = BROWSER_MARKS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TEXT = {
    "en": {
        "saved": "being screened again",
        "stale": "2 scores were made against the job's earlier requirements",
        "links": "1 open interview link stays valid until its deadline",
        "closed": "This job is closed.",
        "reopen": "Resumes can be uploaded and invitations sent again.",
        "divider": "These miss at least one hard requirement",
    },
    "zh-hans": {
        "saved": "正在按新要求重新筛选",
        "stale": "有 2 个分数是按修改前的要求计算的",
        "links": "1 个已发出的面试链接在各自截止时间前仍然有效",
        "closed": "该职位已关闭。",
        "reopen": "可以重新上传简历、发送面试邀请。",
        "divider": "以下简历至少有一项硬性要求未满足",
    },
}


def both_sizes(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """A screenshot on a phone held upright and one on a desktop."""
    page.set_viewport_size(PHONE)
    shot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)
    shot(page, f"{name}-desktop")


@pytest.fixture
def hiring(job, organisation, recruiter, run_worker):  # type: ignore[no-untyped-def]
    """The job with two screened resumes (one invited), and two more jobs in departments."""
    sales = Department.objects.create(organisation=organisation, name="销售部", name_en="Sales")
    support = Department.objects.create(organisation=organisation, name="客服部", name_en="Support")
    job.department = support
    job.save()
    for title, department, status in (
        ("Service desk agent", support, "open"),
        ("Key account manager", sales, "closed"),
    ):
        other = JobFactory(
            organisation=organisation, title=title, department=department, status=status
        )
        other.recruiters.add(recruiter)
    for name, data in (
        ("alice.pdf", pdf_bytes(STRONG_EN_RESUME)),
        ("bob.docx", docx_bytes(WEAK_EN_RESUME)),
    ):
        do_intake_resume(job=job, filename=name, data=data, actor=recruiter)
    run_worker()
    alice = job.applications.get(meets_requirements=True)  # the strong resume
    do_invite(application=alice, actor=recruiter)
    return job, support


@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_hr_edits_closes_reopens_and_filters(  # type: ignore[no-untyped-def]
    browser, live_server, recruiter, hiring, run_worker, language
):
    job, support = hiring
    text = TEXT[language]
    page = staff_page(browser, live_server, recruiter.username, language=language)
    job_url = f"{live_server.url}/jobs/{job.pk}/"
    page.goto(job_url)
    rows = page.get_by_test_id("ranking").get_by_test_id("application-row")
    assert rows.count() == 2 and "Alice" in rows.nth(0).inner_text()
    assert page.get_by_test_id("misses-divider").inner_text().startswith(text["divider"])
    both_sizes(page, f"70-job-page-{language}")

    # Edit the requirements: the ranking says its scores are out of date until re-screened.
    page.get_by_test_id("edit-job").click()
    page.get_by_test_id("job-edit-form").wait_for()
    assert page.input_value("#id_must_have_keywords") == "Python"
    both_sizes(page, f"71-job-edit-{language}")
    page.select_option("#id_min_degree", "0")
    page.fill("#id_min_years", "0")
    page.fill("#id_skills", "Excel")
    page.fill("#id_must_have_keywords", "customer service")
    page.fill("#id_reason", "Service desk instead of backend")
    page.locator("[data-testid=job-edit-form] button[type=submit]").click()
    page.get_by_test_id("stale-scores").wait_for()
    assert text["saved"] in page.locator("main").inner_text()
    assert text["stale"] in page.get_by_test_id("stale-scores").inner_text()
    assert page.get_by_test_id("stale-score").count() == 2
    both_sizes(page, f"72-job-rescreening-{language}")
    page.goto("about:blank")  # no requests while the worker writes to the in-memory database
    run_worker()
    page.goto(job_url)
    assert page.get_by_test_id("stale-scores").count() == 0
    assert "Bob" in rows.nth(0).inner_text()  # he meets the new requirements, Alice does not

    # Close it: the confirmation says what happens to the link Alice holds.
    page.get_by_test_id("close-job").click()
    effects = page.get_by_test_id("status-effects")
    assert text["links"] in effects.inner_text()
    both_sizes(page, f"73-job-close-confirmation-{language}")
    page.fill("#id_reason", "Position filled")
    page.get_by_test_id("confirm-status").click()
    page.get_by_test_id("job-closed").wait_for()
    assert text["closed"] in page.get_by_test_id("job-closed").inner_text()
    assert page.locator("#id_resumes").count() == 0
    assert page.get_by_test_id("job-status").get_attribute("data-status") == "closed"
    both_sizes(page, f"74-job-closed-{language}")

    # Reopen it: uploads are back.
    page.get_by_test_id("reopen-job").click()
    assert text["reopen"] in page.get_by_test_id("status-effects").inner_text()
    page.get_by_test_id("confirm-status").click()
    page.locator("#id_resumes").wait_for()
    assert page.get_by_test_id("job-status").get_attribute("data-status") == "open"

    # The application list: only those meeting every hard requirement, by name.
    page.select_option("#id_requirements", "met")
    page.select_option("#id_sort", "name")
    page.locator("[data-testid=ranking-filters] button[type=submit]").click()
    page.wait_for_url("**requirements=met**")
    assert rows.count() == 1 and "Bob" in rows.nth(0).inner_text()
    both_sizes(page, f"75-application-filters-{language}")

    # The job list: closed ones, then a department and a word.
    page.goto(f"{live_server.url}/jobs/")
    page.select_option("#id_status", "closed")
    page.locator("[data-testid=job-filters] button[type=submit]").click()
    page.wait_for_url("**status=closed**")
    listed = page.get_by_test_id("job-row")
    assert listed.count() == 1 and "Key account manager" in listed.nth(0).inner_text()
    page.select_option("#id_status", "")
    page.select_option("#id_department", str(support.pk))
    page.fill("#id_q", "desk")
    page.locator("[data-testid=job-filters] button[type=submit]").click()
    page.wait_for_url("**q=desk**")
    assert listed.count() == 1 and "Service desk agent" in listed.nth(0).inner_text()
    both_sizes(page, f"76-job-list-filtered-{language}")
    page.get_by_test_id("clear-filters").click()
    page.wait_for_url("**/jobs/")
    assert listed.count() == 3
