"""Screening in a real browser: HR uploads a zip of resumes in Chinese or English, watches the
progress bar, and reads the explained ranking; a whole corpus of hostile files never produces
a server error (M3, M4, B3)."""

import io
import re
import zipfile

import pytest
from django.utils import translation

from hireloop.candidates.models import ResumeFile
from hireloop.resumes.tests.hostile import hostile_files
from hireloop.testing.browser import BROWSER_MARKS, shot, staff_page
from hireloop.testing.documents import docx_bytes, pdf_bytes

pytestmark = BROWSER_MARKS

ZH_STRONG = [
    "李明",
    "电话：13900002222  邮箱：li.ming@example.com",
    "教育背景：浙江大学 计算机科学与技术 本科 2012-2016",
    "工作经历：2016.07-至今 杭州云帆科技 后端工程师",
    "担任项目负责人，带领5人团队完成支付系统重构，使用 Python、MySQL、Docker",
    "技能：Python, SQL, Docker, 团队协作",
]
ZH_WEAK = [
    "王芳",
    "电话：13700003333",
    "教育背景：某职业学院 市场营销 大专 2018-2021",
    "工作经历：2021.03-2023.01 便利店 店员",
    "技能：Excel, 客户服务",
]
EN_STRONG = [
    "Grace Hopper",
    "Email: grace@example.com  Phone: 13811112222",
    "Education: Master of Computer Science, Yale University, 2010 - 2012",
    "Experience: Senior Backend Engineer, Navy Systems, 2012.09 - 2024.06",
    "Led a team of 6 engineers building Python and SQL services on Docker.",
    "Skills: Python, SQL, Docker, teamwork",
]
EN_WEAK = [
    "Tom Brown",
    "Email: tom@example.com",
    "Education: High school diploma, 2019",
    "Experience: Cashier, Corner Shop, 2020.01 - 2021.06",
    "Skills: Excel, customer service",
]
JOBS = {
    "zh-hans": ("后端工程师", "zh-hans", [ZH_STRONG, ZH_WEAK], ("李明", "王芳"), "匹配度说明"),
    "en": (
        "Backend Engineer",
        "en",
        [EN_STRONG, EN_WEAK],
        ("Grace Hopper", "Tom Brown"),
        "Why this match score",
    ),
}


def zip_of_resumes(resumes: list[list[str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        strong, weak = resumes
        archive.writestr("round-1/strong.pdf", pdf_bytes(strong))
        archive.writestr("round-1/weak.docx", docx_bytes(weak))
    return buffer.getvalue()


def create_job(page, title: str, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.url.split("/jobs/")[0] + "/jobs/new/")
    page.fill("#id_title", title)
    page.select_option("#id_language", language)
    page.select_option("#id_min_degree", "3")
    page.fill("#id_min_years", "2")
    page.fill("#id_skills", "Python, SQL, Docker")
    page.fill("#id_must_have_keywords", "Python")
    page.fill("#id_bonus_keywords", "团队协作" if language == "zh-hans" else "teamwork")
    for index, name in enumerate(["Problem solving", "Teamwork"]):
        page.fill(f"#id_dim-{index}-name", name)
        page.fill(f"#id_dim-{index}-weight", "50")
        page.fill(f"#id_dim-{index}-anchor_low", "vague")
        page.fill(f"#id_dim-{index}-anchor_mid", "an example")
        page.fill(f"#id_dim-{index}-anchor_high", "a concrete example with results")
    page.locator("main form button[type=submit]").click()
    page.get_by_test_id("ranking").wait_for()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_hr_screens_a_zip_of_resumes_and_reads_the_explanations(  # type: ignore[no-untyped-def]
    browser, live_server, organisation, recruiter, run_worker, tmp_path, language
):
    title, job_language, resumes, (best, worst), heading = JOBS[language]
    page = staff_page(browser, live_server, recruiter.username, language=language)
    create_job(page, title, job_language)
    archive = tmp_path / "round-1.zip"
    archive.write_bytes(zip_of_resumes(resumes))
    page.set_input_files("#id_resumes", str(archive))
    page.locator("form[enctype] button[type=submit]").click()
    page.get_by_test_id("upload-progress").wait_for()
    with page.expect_response(lambda r: r.url.endswith("/resumes/progress/")) as poll:
        pass  # the page polls the batch's progress while it is unfinished
    assert poll.value.status == 200
    shot(page, f"20-screening-progress-{language}")
    job_url = page.url
    # The in-memory test database cannot serve the page's polls while the worker writes.
    page.goto("about:blank")
    run_worker()  # unpacks the zip, then reads and screens each resume
    page.goto(job_url)
    bar = page.locator("[data-testid=batch] .progress-bar.bg-success")
    assert "100%" in bar.inner_text()
    assert page.get_by_test_id("upload-progress").get_attribute("hx-trigger") is None
    rows = page.get_by_test_id("ranking").get_by_test_id("application-row")
    assert rows.count() == 2
    assert best[0] in rows.nth(0).inner_text()  # masked or not, the surname leads
    shot(page, f"21-screening-ranking-{language}")
    rows.nth(0).locator("a").first.click()
    explanation = page.get_by_test_id("explanation")
    assert heading in explanation.inner_text()
    quotes = explanation.locator(".evidence")
    assert quotes.count() >= 3 and "Python" in explanation.inner_text()
    shot(page, f"22-screening-explanation-{language}")
    page.go_back()
    rows.nth(1).locator("a").first.click()
    # count() does not wait: first let the click's page load (under load it came too early).
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    page.get_by_test_id("explanation").wait_for()
    missed = page.get_by_test_id("explanation").locator(".text-bg-warning")
    assert missed.count() >= 2  # degree, years, Python: what the weak resume lacks


def test_hostile_files_never_give_a_server_error(
    browser, live_server, job, recruiter, run_worker, tmp_path
):  # type: ignore[no-untyped-def]
    corpus = hostile_files()
    paths = []
    for index, hostile in enumerate(corpus):
        folder = tmp_path / str(index)  # some share a name; each gets its own folder
        folder.mkdir()
        path = folder / hostile.name
        path.write_bytes(hostile.data)
        paths.append(str(path))
    page = staff_page(browser, live_server, recruiter.username)
    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    page.set_input_files("#id_resumes", paths)
    response_status = []
    page.on("response", lambda r: response_status.append(r.status))
    page.locator("form[enctype] button[type=submit]").click()
    page.get_by_test_id("ranking").wait_for()
    assert 500 not in response_status
    page.goto("about:blank")  # no polls while the worker writes to the in-memory database
    run_worker()
    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    assert page.get_by_test_id("ranking").is_visible()
    shot(page, "23-hostile-uploads")
    stored = list(ResumeFile.objects.all())
    refused = len(corpus) - len(stored)
    assert stored and all(r.status in {"parsed", "failed"} for r in stored)
    failed = [r for r in stored if r.status == "failed"]
    assert failed and all(r.error_code for r in failed)
    assert refused >= 1  # the empty and the oversized file never get stored
    for resume in failed[:5]:
        page.goto(f"{live_server.url}/applications/{resume.application_id}/")
        with translation.override("en"):  # the browser's language
            assert resume.error_text() in page.locator("main").inner_text()
    assert 500 not in response_status
