"""The report page in a real browser (M13–M16): the interviewer disagrees with the AI and
resolves the calibration prompt; a saved review decides nothing and the decision is its own
confirmed step; the PDF is drawn by the worker while the page shows its progress; the radar
fits its labels for 2 to 12 dimensions; the candidate asks for a human review and both the
job's interviewer and HR see it. Phone and desktop, Chinese and English; screenshots in
test-artifacts/."""

from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from django.test import Client

from hireloop.assessment.models import DimensionScore, Report
from hireloop.candidates.enums import Stage
from hireloop.interviews.services import do_invite, link_token
from hireloop.testing.boxes import clashes, outside
from hireloop.testing.browser import (
    ANSWER,
    BROWSER_MARKS,
    csp_violations,
    shot,
    staff_page,
    wait_until,
)
from hireloop.testing.factories import (
    ApplicationFactory,
    DimensionFactory,
    JobFactory,
)
from hireloop.testing.interviews import take_interview
from hireloop.workflow.worker import run_queued_tasks

pytestmark = BROWSER_MARKS

DEVICES: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
LOCALES = {"en": "en", "zh": "zh-CN"}


def open_as(browser, live_server, username: str, device: str, language: str):  # type: ignore[no-untyped-def]
    return staff_page(browser, live_server, username, LOCALES[language], **DEVICES[device])


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
    # The chart is drawn by a static script under the real Content-Security-Policy.
    page.locator("#radar svg").wait_for()
    assert page.locator("#id_decision").count() == 0  # the review carries no decision
    assert csp_violations(page) == []
    fields = page.locator("[data-testid=review-form] input[type=number]")
    # Agree on the first dimension, disagree strongly on the second.
    first, second = ai["problem solving"], ai["teamwork"]
    fields.nth(0).fill(str(round(first)))
    fields.nth(1).fill("0" if second > 5 else "10")
    page.fill("#annotation_" + str(session.answers.first().pk), "Good example, thin on results.")
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

    page.click("nav >> text=Calibration")
    row = page.get_by_test_id("calibration-row")
    assert row.count() == 1 and "interviewer" in row.inner_text()
    assert "50%" in row.inner_text()  # one of two compared scores beyond the threshold
    page.locator("#calibration-chart canvas").wait_for()
    assert csp_violations(page) == []
    shot(page, "12-calibration")


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_saving_scores_decides_nothing_and_the_decision_is_confirmed(
    browser, live_server, job, recruiter, interviewer, device, language
):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    report, application = session.report, session.application
    page = open_as(browser, live_server, interviewer.username, device, language)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    # Only the scores: nothing else is touched, and nothing is preselected to go with them.
    for field, score in zip(
        page.locator("[data-testid=review-form] input[type=number]").all(),
        report.scores.all(),
        strict=True,
    ):
        field.fill(str(round(score.score)))
    page.locator("[data-testid=review-form] button[type=submit]").click()
    page.get_by_test_id("saved-review").wait_for()
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWED
    card = page.get_by_test_id("decision-card")
    card.scroll_into_view_if_needed()
    shot(page, f"15-review-saved-no-decision-{device}-{language}")

    card.get_by_test_id("decide-offer").click()
    confirmation = page.get_by_test_id("decision-confirmation")
    text = confirmation.inner_text()
    if language == "en":
        assert "Make an offer to 张* for Backend Engineer?" in text
        assert "from Interviewed to Offer" in text
    else:
        assert "确定向 张* 发放“Backend Engineer”职位的录用意向吗？" in text
        assert "已面试" in text and "录用意向" in text
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWED  # opening the confirmation decides nothing
    assert csp_violations(page) == []
    shot(page, f"16-decision-confirmation-{device}-{language}")

    page.fill("#id_reason", "Clear, measured examples.")
    page.get_by_test_id("confirm-decision").click()
    page.wait_for_selector("[data-testid=review-form]")
    application.refresh_from_db()
    assert application.stage == Stage.OFFER
    shot(page, f"17-decision-made-{device}-{language}")


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_pdf_is_drawn_in_the_background_and_then_offered(
    browser, live_server, job, recruiter, interviewer, device, language
):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    page = open_as(browser, live_server, interviewer.username, device, language)
    page.goto(f"{live_server.url}/reports/{session.report.pk}/")
    box = page.get_by_test_id("report-pdf")
    page_url = page.url
    box.get_by_test_id("report-pdf-link").click()  # queues the drawing; the reader stays put
    page.get_by_test_id("report-pdf-progress").wait_for()
    assert page.url == page_url  # no page change: the progress appears where they clicked
    assert page.get_by_test_id("report-pdf-download").is_hidden()
    waiting = "Waiting for the worker…" if language == "en" else "等待后台处理……"
    assert waiting in box.inner_text()
    box.scroll_into_view_if_needed()
    shot(page, f"18-pdf-in-progress-{device}-{language}")

    run_queued_tasks()  # the real worker draws it; the page is still polling
    download = page.get_by_test_id("report-pdf-download")
    wait_until(
        page, "!document.querySelector('[data-testid=report-pdf-download]').closest('[hidden]')"
    )
    assert page.get_by_test_id("report-pdf-progress").is_hidden()
    assert csp_violations(page) == []
    shot(page, f"19-pdf-ready-{device}-{language}")

    # The link serves the file to this reader (their cookies, their language, their access).
    pdf = page.request.get(
        live_server.url + download.get_attribute("href"),
        headers={"Accept-Language": LOCALES[language]},
    )
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    document = pdfium.PdfDocument(pdf.body())
    pixels = np.asarray(document[0].render(scale=1).to_pil().convert("L"))
    assert (pixels < 200).mean() > 0.02  # ink on the page, not a blank sheet
    text = document[0].get_textpage().get_text_range()
    assert ("Interview report" if language == "en" else "面试报告") in text
    document.close()


ENGLISH = [
    "Security and incident response",
    "Communication and stakeholder management across teams",
    "Ownership",
    "Problem solving under pressure with incomplete information",
    "Learning agility",
    "Data-driven decision making",
    "Mentoring and growing others",
    "System design and architecture",
    "Customer focus",
    "Writing clear technical documentation",
    "Cross-functional collaboration",
    "Operational excellence and reliability",
]
CHINESE = [
    "安全与事故响应处理能力",
    "Learning agility",  # a Chinese page with English names: measured in the page's font
    "主人翁意识",
    "在信息不完整的压力下解决问题",
    "跨团队沟通与利益相关方管理",
    "数据驱动的决策",
    "指导与培养他人",
    "系统设计与架构能力",
    "Customer focus and empathy",
    "撰写清晰的技术文档",
    "跨职能协作",
    "卓越运营与系统可靠性保障",
]
# Every text of the chart, its box, and the box of the chart element, measured by the browser.
TEXT_BOXES = """() => {
  const chart = document.getElementById('radar');
  const outer = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim());
  return {
    shape: chart.dataset.chartShape,
    chart: [outer.left, outer.top, outer.right, outer.bottom],
    texts: texts.map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, box: [r.left, r.top, r.right, r.bottom]};
    }),
  };
}"""


def _scored_report(job, recruiter, names: list[str]) -> Report:  # type: ignore[no-untyped-def]
    """A report on the given dimensions, scored as the judge would have (its rows written
    directly: the chart, not the scoring, is under test here)."""
    dimensions = [DimensionFactory(job=job, name=name) for name in names]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    report = Report.objects.create(
        session=session, overall_score=6.4, recommendation="consider", scorer="test"
    )
    DimensionScore.objects.bulk_create(
        DimensionScore(
            report=report,
            dimension=dimension,
            score=round((index * 3.7 + 1) % 10, 1),
            evidence=[],
            matched_anchor="mid",
        )
        for index, dimension in enumerate(dimensions)
    )
    return report


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_radar_fits_its_labels_for_two_to_twelve_dimensions(
    browser, live_server, organisation, recruiter, interviewer, device, language
):  # type: ignore[no-untyped-def]
    names = ENGLISH if language == "en" else CHINESE
    reports = {}
    for count in range(2, 13):
        job = JobFactory(organisation=organisation, title=f"Chart {count}")
        job.recruiters.add(recruiter)
        job.interviewers.add(interviewer)
        reports[count] = _scored_report(job, recruiter, names[:count])
    page = open_as(browser, live_server, interviewer.username, device, language)
    problems = []
    for count, report in reports.items():
        page.goto(f"{live_server.url}/reports/{report.pk}/")
        page.locator("#radar svg text").first.wait_for()
        found = page.evaluate(TEXT_BOXES)
        chart = found["chart"]
        if count < 3:
            assert found["shape"] == "bars"  # two points make no polygon
        drawn = "".join(t["text"] for t in found["texts"]).replace(" ", "")
        for name in names[:count]:  # every name in full: nothing cut
            if name.replace(" ", "") not in drawn:
                problems.append(f"{count}: {name!r} not drawn in full")
        texts = found["texts"]
        # One pixel of slack: neighbouring lines of one label may touch.
        problems += [
            f"{count}: {t['text']!r} outside" for t in texts if outside(t["box"], chart, 1)
        ]
        problems += [
            f"{count}: {texts[i]['text']!r} overlaps {texts[j]['text']!r}"
            for i, j in clashes([t["box"] for t in texts], slack=1)
        ]
        if count in (2, 3, 6, 12):
            page.locator("#radar").screenshot(
                path=str(shot_path(f"20-radar-{count}-{device}-{language}"))
            )
    assert csp_violations(page) == []
    assert not problems, "\n".join(problems)


def shot_path(name: str):  # type: ignore[no-untyped-def]
    from hireloop.testing.browser import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_candidate_asks_for_a_human_review_and_the_job_sees_it(
    browser, live_server, job, recruiter, interviewer, device, language
):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    phone = browser.new_context(locale=LOCALES[language], **DEVICES["phone"])
    candidate = phone.new_page()
    candidate.goto(f"{live_server.url}/i/{link_token(session)}/")
    assert candidate.get_by_test_id("explained-dimension").count() == 2
    candidate.fill("#review-message", "My second answer was cut off.")
    if device == "phone" and language == "en":
        shot(candidate, "13-candidate-explanation")
    candidate.locator("[name=request_review]").click()
    candidate.get_by_test_id("review-request-status").wait_for()

    # The job's interviewer: in the menu, on the list, sent to re-review the report.
    reviewer = open_as(browser, live_server, interviewer.username, device, language)
    assert reviewer.locator("nav a[href='/review-requests/']").count() == 1
    reviewer.goto(f"{live_server.url}/review-requests/")
    task = reviewer.get_by_test_id("review-request")
    assert "My second answer was cut off." in task.inner_text()
    assert reviewer.locator("textarea[name=resolution]").count() == 0
    assert reviewer.get_by_test_id("outcome-by-recruiter").is_visible()
    shot(reviewer, f"21-interviewer-review-requests-{device}-{language}")

    hr = open_as(browser, live_server, recruiter.username, device, language)
    hr.goto(f"{live_server.url}/review-requests/")
    hr.locator("textarea[name=resolution]").fill(
        "We listened again; the second answer is complete."
    )
    hr.locator("[data-testid=review-request] button[type=submit]").click()
    hr.get_by_test_id("review-request").locator(".text-bg-success").wait_for()
    shot(hr, f"14-hr-review-requests-{device}-{language}")

    candidate.reload()
    assert "the second answer is complete" in candidate.get_by_test_id("human-review").inner_text()
    assert Client().get(f"/i/{link_token(session)}/").status_code == 200
