"""Voice and video answers in a real browser on a phone: the device check, recording with
Chromium's fake camera and microphone, an upload that survives a dropped connection and a
reload, and the interviewer playing the video on the report."""

import re
from urllib.parse import parse_qs, urlparse

from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import Recording
from hireloop.interviews.services import do_invite, interview_url, plan_questions
from hireloop.testing.browser import ANSWER, BROWSER_MARKS, shot, staff_page, wait_until
from hireloop.testing.factories import ApplicationFactory

pytestmark = BROWSER_MARKS

RECORDER = "document.getElementById('media-recorder').dataset"
COUNT_ACTIVITY = (
    "window.activity = 0;"
    "document.addEventListener('hireloop:activity', () => { window.activity += 1; });"
)


class ChunkLog:
    """Every chunk request the browser makes. ``blocked``: chunk uploads fail as on a dead
    network. ``lose_answer_from``: the first chunk from that number reaches the server, but
    its answer is lost on the way back, so the browser must send it again."""

    def __init__(self) -> None:
        self.bodies: dict[tuple[str, int], bytes] = {}
        self.attempts: list[tuple[str, int]] = []
        self.blocked = False
        self.lose_answer_from: int | None = None
        self.lost: tuple[str, int] | None = None

    def __call__(self, route) -> None:  # type: ignore[no-untyped-def]
        request = route.request
        query = parse_qs(urlparse(request.url).query)
        if request.method != "POST" or "seq" not in query:
            route.continue_()
            return
        key = (query["take"][0], int(query["seq"][0]))
        body = request.post_data_buffer or b""
        assert self.bodies.setdefault(key, body) == body  # a resent chunk has the same bytes
        self.attempts.append(key)
        if self.blocked:
            route.abort("internetdisconnected")
        elif self.lost is None and key[1] >= (self.lose_answer_from or 10**9):
            self.lost = key
            route.fetch()  # stored by the server …
            route.abort("connectionreset")  # … but the browser never hears so
        else:
            route.continue_()

    def sent(self, take: str, count: int) -> bytes:
        return b"".join(self.bodies[(take, seq)] for seq in range(count))


def wait_recorder(page, condition: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(page, f"(() => {{ const r = {RECORDER}; return {condition}; }})()")


def recorder_number(page, name: str) -> int:  # type: ignore[no-untyped-def]
    return int(page.evaluate(f"{RECORDER}.{name}"))


def stored_bytes(recording: Recording) -> bytes:
    from hireloop.interviews.recordings import iter_bytes, recording_chunks

    chunks = recording_chunks(recording)
    return b"".join(iter_bytes(chunks, 0, recording.bytes_received - 1))


def check_devices(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_test_id("device-check-start").click()
    page.wait_for_selector("#device-check[data-state=ok]")
    page.wait_for_selector("[data-testid=bandwidth][data-kbit]")
    assert "kbit/s" in page.get_by_test_id("bandwidth").inner_text()
    wait_until(page, "document.querySelector('[data-testid=camera-preview]').readyState >= 2")
    assert page.get_by_test_id("level-meter").count() == 1
    shot(page, "28-media-device-check")


def answer_in_writing(page) -> None:  # type: ignore[no-untyped-def]
    """The remaining questions, typed; a follow-up, if asked, is skipped."""
    while not page.get_by_test_id("done").count():
        if page.get_by_test_id("follow-up").count():
            page.get_by_test_id("skip-follow-up").click()
            continue
        if page.locator("#skip-prep").is_visible():
            page.click("#skip-prep")
        page.fill("#id_text", ANSWER)
        page.locator("#answer-form button[type=submit]").click()
        page.wait_for_load_state()


def test_voice_and_video_answers_survive_a_dropped_connection(
    browser, live_server, job, recruiter, interviewer, run_worker
):  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    voice, video = plan_questions(session)[:2]
    for question, mode in ((voice, AnswerMode.VOICE), (video, AnswerMode.VIDEO)):
        question.answer_mode, question.prep_seconds, question.answer_seconds = mode, 0, 0
        question.save()
    session.plan.pause_seconds = 0
    session.plan.save()
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en", is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.add_init_script(COUNT_ACTIVITY)
    log = ChunkLog()
    page.route(re.compile(r".*/media/\d+/.*"), log)

    page.goto(interview_url(session, live_server.url))
    page.click("text=Start the interview")
    page.check("#scope-voice")
    page.check("#scope-video")
    page.click("button[name=consent][value='1']")
    check_devices(page)
    page.click("text=I'm ready")

    # Voice: record a few chunks while the fake microphone beeps, stop, reload, send.
    assert page.get_by_test_id("question").inner_text() == voice.text
    page.get_by_test_id("record").click()
    wait_recorder(page, "Number(r.acked) >= 2 && window.activity > 0")  # sound is activity
    shot(page, "29-media-recording-voice")
    page.get_by_test_id("stop").click()
    wait_recorder(page, "r.state === 'saved'")
    page.reload()  # the server's state says the recording is saved: nothing to redo
    wait_recorder(page, "r.state === 'saved'")
    page.locator("#answer-form button[type=submit]").click()
    page.get_by_test_id("question").filter(has_text=video.text).wait_for()

    # Video: the connection drops while recording; the chunks wait on the phone (IndexedDB),
    # the page is reloaded before they could be sent, and the upload resumes from there.
    page.get_by_test_id("record").click()
    wait_recorder(page, "Number(r.acked) >= 1")
    phone.set_offline(True)
    wait_recorder(page, "r.unreachable === 'true' && Number(r.chunks) >= Number(r.acked) + 2")
    assert "No connection" in page.get_by_test_id("recorder-status").inner_text()
    shot(page, "31-media-video-offline")
    log.blocked = True  # back online, but chunk uploads still fail
    phone.set_offline(False)
    wait_recorder(page, "Number(r.chunks) >= Number(r.acked) + 3")
    page.get_by_test_id("stop").click()
    wait_recorder(page, "r.state === 'uploading' && r.unreachable === 'true'")
    chunks, sent_bytes = recorder_number(page, "chunks"), recorder_number(page, "bytes")
    waiting = chunks - recorder_number(page, "acked")
    assert waiting >= 3
    log.blocked, log.lose_answer_from = False, recorder_number(page, "acked")
    page.reload()
    wait_recorder(page, "r.state === 'saved'")
    assert (recorder_number(page, "chunks"), recorder_number(page, "bytes")) == (chunks, sent_bytes)
    shot(page, "32-media-video-resumed-after-reload")
    page.locator("#answer-form button[type=submit]").click()
    page.get_by_test_id("question").filter(has_not_text=video.text).wait_for()

    recording = Recording.objects.get(question=video)
    take = str(recording.take)
    assert recording.is_complete and recording.mode == AnswerMode.VIDEO
    assert recording.mime_type.startswith("video/webm")
    assert list(recording.chunks.values_list("seq", flat=True)) == list(range(chunks))
    assert recording.bytes_received == sent_bytes == len(log.sent(take, chunks))
    assert stored_bytes(recording) == log.sent(take, chunks)  # every chunk once, in order
    assert log.lost is not None and log.attempts.count(log.lost) >= 2  # resent, stored once
    spoken = Recording.objects.get(question=voice)
    assert spoken.mime_type.startswith("audio/") and spoken.answer.mode == AnswerMode.VOICE
    assert stored_bytes(spoken) == log.sent(str(spoken.take), spoken.chunk_count)
    assert spoken.answer.text == "" and recording.answer.text == ""

    answer_in_writing(page)
    shot(page, "33-media-candidate-done")
    phone.close()

    run_worker()
    session.refresh_from_db()
    reviewer = staff_page(browser, live_server, interviewer.username)
    reviewer.goto(f"{live_server.url}/reports/{session.report.pk}/")
    player = reviewer.locator("[data-testid=answer-recording] video")
    assert player.count() == 1
    assert reviewer.locator("[data-testid=answer-recording] audio").count() == 1
    player.evaluate("v => v.play().catch(() => {})")  # nothing loads before a reviewer plays it
    wait_until(
        reviewer,
        "(v => v.readyState >= 1 && v.duration > 0 && !v.error)"
        "(document.querySelector('[data-testid=answer-recording] video'))",
    )
    cards = reviewer.get_by_test_id("answer-recording")
    assert "Voice answer" in cards.nth(0).inner_text()
    assert re.search(r"Video answer · \d+ s", cards.nth(1).inner_text())
    # The worker analysed both (the fake devices beep and show no face: little to find).
    statuses = reviewer.get_by_test_id("answer-media").evaluate_all(
        "nodes => nodes.map(n => n.dataset.status)"
    )
    assert statuses == ["done", "done"]
    shot(reviewer, "34-media-report-players")
