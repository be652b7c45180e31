"""A video answer recorded in the browser with a fake camera that shows a face and a fake
microphone that speaks, analysed by the real worker: the report shows its transcript and its
observations; under the EU profile no face or voice-tone observation; without consent none."""

import pytest

from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.services import do_invite, interview_url, plan_questions
from hireloop.media.models import MediaAnalysis
from hireloop.testing.browser import (
    ANSWER,
    BROWSER_MARKS,
    CHROMIUM,
    CHROMIUM_ARGS,
    shot,
    staff_page,
    wait_until,
)
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.speech import synthesise_english
from hireloop.testing.video_media import write_y4m

pytestmark = BROWSER_MARKS

SPOKEN = "I led the migration of our payment database, and the error rate fell by half."
RECORDER = "document.getElementById('media-recorder').dataset"


@pytest.fixture(scope="module")
def camera_files(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fake-devices")
    speech = synthesise_english([SPOKEN], folder / "speech.wav", pauses=[2.0], lead_in=0.5)
    return write_y4m(folder / "face.y4m", seconds=3, fps=10), speech.path


@pytest.fixture(scope="module")
def face_browser(camera_files):  # type: ignore[no-untyped-def]
    """Chromium whose fake camera films a face and whose fake microphone says SPOKEN (one for
    the module; each test opens its own context)."""
    from playwright import sync_api

    video, audio = camera_files
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                *CHROMIUM_ARGS,
                f"--use-file-for-fake-video-capture={video}",
                f"--use-file-for-fake-audio-capture={audio}",
            ],
        )
        yield browser
        browser.close()


def take_video_interview(browser, live_server, session, *, consent: bool) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en")
    page = context.new_page()
    page.goto(interview_url(session, live_server.url))
    page.click("text=Start the interview")
    if consent:
        page.check("#scope-video")
        page.click("button[name=consent][value='1']")
        page.get_by_test_id("device-check-start").click()
        page.wait_for_selector("#device-check[data-state=ok]")
    else:
        page.get_by_test_id("text-only").click()
    page.click("text=I'm ready")
    if consent:
        page.get_by_test_id("record").click()
        wait_until(page, f"Number({RECORDER}.acked) >= 4")  # about 8 s of video
        page.get_by_test_id("stop").click()
        wait_until(page, f"{RECORDER}.state === 'saved'")
        shot(page, "60-media-analysis-recorded")
        page.locator("#answer-form button[type=submit]").click()
        page.wait_for_load_state()
    while not page.get_by_test_id("done").count():
        if page.get_by_test_id("follow-up").count() or page.get_by_test_id("skip-probe").count():
            page.locator("[data-testid=skip-follow-up], [data-testid=skip-probe]").first.click()
            continue
        if page.locator("#skip-prep").is_visible():
            page.click("#skip-prep")
        page.fill("#id_text", ANSWER)
        page.locator("#answer-form button[type=submit]").click()
        page.wait_for_load_state()
    context.close()


@pytest.mark.parametrize("profile", ["cn", "eu", "no-consent"])
def test_the_report_shows_what_the_profile_and_the_consent_allow(  # type: ignore[no-untyped-def]
    face_browser, live_server, job, recruiter, interviewer, run_worker, profile
) -> None:
    job.organisation.compliance_profile = "eu" if profile == "eu" else "cn"
    job.organisation.save()
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = plan_questions(session)[0]
    question.answer_mode, question.language = AnswerMode.VIDEO, "en"
    question.prep_seconds = question.answer_seconds = 0
    question.save()
    session.plan.pause_seconds = 0
    session.plan.save()

    take_video_interview(face_browser, live_server, session, consent=profile != "no-consent")
    run_worker()

    session.refresh_from_db()
    page = staff_page(face_browser, live_server, interviewer.username)
    page.goto(f"{live_server.url}/reports/{session.report.pk}/")
    shot(page, f"61-media-analysis-report-{profile}")
    media = page.get_by_test_id("answer-media")
    if profile == "no-consent":
        assert media.count() == 0 and not MediaAnalysis.objects.exists()
        assert page.get_by_test_id("observation").count() == 0
        return
    analysis = MediaAnalysis.objects.get()
    assert analysis.status == "done", analysis.error_text()
    assert "migration" in analysis.transcript.lower()
    first = page.get_by_test_id("answer").first
    assert "migration" in first.inner_text().lower()  # the transcript is the answer's text
    media.get_by_text("Transcript with timings").click()
    assert "migration" in media.get_by_test_id("transcript").inner_text().lower()
    assert page.get_by_test_id("observations-timing").count() == 1
    assert "Speaking rate" in page.get_by_test_id("observations-timing").inner_text()
    if profile == "cn":
        assert page.get_by_test_id("observations-face").count() == 1
        face_rows = page.get_by_test_id("observations-face").inner_text()
        assert "Face in the picture" in face_rows
        assert page.get_by_test_id("observations-tone").count() == 1
        still = page.get_by_test_id("stills").locator("img").first
        still.wait_for()
        assert still.evaluate("img => img.complete && img.naturalWidth > 0")
    else:
        assert page.get_by_test_id("observations-face").count() == 0
        assert page.get_by_test_id("observations-tone").count() == 0
        assert page.get_by_test_id("stills").count() == 0
        skipped = page.get_by_test_id("observations-skipped").all_inner_texts()
        assert any("compliance profile" in line for line in skipped)
