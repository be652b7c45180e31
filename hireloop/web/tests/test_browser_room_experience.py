"""The candidate's room in a real browser, on a phone and on a desktop, in Chinese and in
English: the practice recording played back and never sent, a recorded take played back
before it is sent, the pause and answer clocks in plain words, a declined video question that
says writing is fine, the follow-up with the progress and the question it follows, a remark
that reflects the follow-up, the length counter and its refusal, the code editor on a narrow
screen with its examples run before submitting, and the hidden-test summary after the last
question. No request of any page fails (the favicon included). Screenshots in test-artifacts/."""

import re
from decimal import Decimal
from typing import Any

from hireloop.interviews.models import InterviewPlan, PlanItem, Question
from hireloop.interviews.services import do_invite, interview_url
from hireloop.testing.browser import ANSWER, BROWSER_MARKS, shot, wait_until
from hireloop.testing.factories import ApplicationFactory, DimensionFactory, JobFactory
from hireloop.testing.full_interview_fixture import VAGUE_ANSWER

pytestmark = BROWSER_MARKS

DEVICES: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
QUESTIONS = {
    "en": (
        ("behavioural", "voice", "Tell us about a time you explained a hard decision to others."),
        ("behavioural", "video", "Please record a short video: introduce a product you like."),
        ("behavioural", "text", "Tell us about a time you worked with a team on a hard problem."),
        ("coding", "code", "Merge the overlapping intervals."),
    ),
    "zh-hans": (
        ("behavioural", "voice", "请讲一次您向别人解释一个艰难决定的经历。"),
        ("behavioural", "video", "请录一段一分钟左右的视频：向客户介绍一款您喜欢的产品。"),
        ("behavioural", "text", "请讲一次您和团队一起解决难题的经历。"),
        ("coding", "code", "合并重叠的区间。"),
    ),
}
# Long enough for a follow-up, with no example of the candidate's own.
VAGUE = {
    "en": VAGUE_ANSWER,
    "zh-hans": "团队合作对解决难题很重要。大家应该公开分享信息，明确共同目标，尊重不同观点，"
    "因为一起解决问题更容易。",
}
CONCRETE = {
    "en": ANSWER,
    "zh-hans": "去年我们的夜间导入任务经常失败。我牵头和数据团队一起排查，找到了两个任务之间的"
    "竞争问题。修复后，每周失败次数从 5 次降到 0，团队还一起写了操作手册。",
}
# What each language says where the defects were (timers, remarks).
WORDS = {
    "en": {"pause": "appears in", "timer": "Time left:", "ask_example": "concrete example"},
    "zh-hans": {"pause": "秒后出现", "timer": "还剩", "ask_example": "具体例子"},
}
SOLUTION = (
    "def merge_intervals(intervals):\n"
    "    merged = []  # a long comment that runs well past the width of a phone held upright\n"
    "    for start, end in sorted(intervals):\n"
    "        if merged and start <= merged[-1][1]:\n"
    "            merged[-1][1] = max(merged[-1][1], end)\n"
    "        else:\n"
    "            merged.append([start, end])\n"
    "    return merged\n"
)
RECORDER = "document.getElementById('media-recorder').dataset"


def build_room(organisation, recruiter, language: str) -> str:  # type: ignore[no-untyped-def]
    """A job in ``language`` whose plan asks a voice, a video, a text and (last) a coding
    question; returns the invited candidate's link path."""
    job = JobFactory(organisation=organisation, created_by=recruiter, language=language)
    job.recruiters.add(recruiter)
    dimension = DimensionFactory(job=job, name="teamwork", weight=Decimal(100))
    plan = InterviewPlan.objects.create(
        job=job, pause_seconds=30, answer_seconds=600, allow_extension=False
    )
    for position, (kind, mode, text) in enumerate(QUESTIONS[language]):
        question = Question.objects.create(
            job=job,
            kind=kind,
            text=text,
            language=language,
            answer_mode=mode,
            code_problem="merge_intervals" if mode == "code" else "",
            anchor_high="a concrete example with actions and measured results",
        )
        question.dimensions.add(dimension)
        PlanItem.objects.create(plan=plan, question=question, position=position)
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    return interview_url(session)


def wait_recorder(page, condition: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(page, f"(() => {{ const r = {RECORDER}; return {condition}; }})()")


def playable(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """The player of a recording held in the browser loads it (from a blob: address)."""
    wait_until(
        page,
        f"(p => p && p.src.startsWith('blob:') && p.readyState >= 1 && !p.error)"
        f"(document.querySelector('{selector}'))",
    )


def next_question(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#pause").wait_for(state="visible")
    page.click("#skip-pause")
    page.locator("#answer-form").wait_for(state="visible")


def walk(browser, live_server, path: str, language: str, device: str) -> None:  # type: ignore[no-untyped-def]
    words = WORDS[language]
    name = f"50-room-{language}-{device}"
    context = browser.new_context(locale=language, **DEVICES[device])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    posts: list[str] = []
    page.on("request", lambda r: r.method == "POST" and posts.append(r.url))

    page.goto(live_server.url + path)
    welcome = page.locator("main").inner_text()
    assert ".." not in welcome.replace("…", "")
    shot(page, f"{name}-01-welcome")
    page.locator("button[name=start]").click()
    page.get_by_test_id("consent").wait_for()
    page.check("#scope-voice")  # video declined: that question is answered in writing
    page.locator("button[name=consent][value='1']").click()

    # Practice: a recording made, played back and discarded here; nothing is sent.
    page.get_by_test_id("practice").wait_for()
    posts.clear()
    page.get_by_test_id("practice-record").click()
    wait_until(page, "document.getElementById('practice-recorder').dataset.state === 'recording'")
    page.wait_for_timeout(1500)
    page.get_by_test_id("practice-stop").click()
    wait_until(page, "document.getElementById('practice-recorder').dataset.state === 'recorded'")
    playable(page, "#practice-recorder [data-testid=playback]")
    assert posts == []  # no upload of the practice take
    shot(page, f"{name}-02-practice-recording")
    page.locator("button[name=practice_done]").click()

    # Voice: the take is played back before it is sent.
    page.get_by_test_id("record").click()
    wait_recorder(page, "Number(r.acked) >= 1")
    page.get_by_test_id("stop").click()
    wait_recorder(page, "r.state === 'saved'")
    page.get_by_test_id("take-playback").wait_for()
    playable(page, "[data-testid=take-playback] [data-testid=playback]")
    assert words["timer"] in page.get_by_test_id("answer-timer").inner_text()
    shot(page, f"{name}-03-voice-playback")
    page.locator("#answer-form button[type=submit]").click()

    # The pause in plain words; the declined video question says writing is fine.
    page.get_by_test_id("pause").wait_for()
    assert words["pause"] in page.get_by_test_id("pause").inner_text()
    shot(page, f"{name}-04-pause")
    next_question(page)
    page.get_by_test_id("written-instead").wait_for()
    assert page.locator("#media-recorder").count() == 0
    page.fill("#id_text", VAGUE[language])
    assert page.get_by_test_id("char-count").get_attribute("data-over") == "false"
    shot(page, f"{name}-05-written-instead")
    page.locator("#answer-form button[type=submit]").click()

    # The follow-up shows where the candidate is and what it follows.
    page.get_by_test_id("follow-up").wait_for()
    assert re.search(
        r"2\D+4", page.get_by_test_id("progress").inner_text()
    )  # 2/4, 第 2 题（共 4 题）
    assert QUESTIONS[language][1][2] in page.get_by_test_id("original-question").inner_text()
    page.fill("#id_text", CONCRETE[language])
    shot(page, f"{name}-06-follow-up")
    page.locator("button[name=follow_up][value='1']").click()

    # The remark reflects the follow-up; an over-long answer is counted, then explained.
    next_question(page)
    assert words["ask_example"] not in page.get_by_test_id("remark").inner_text()
    page.fill("#id_text", "x" * 20001)
    counter = page.get_by_test_id("char-count")
    assert counter.get_attribute("data-over") == "true" and "20" in counter.inner_text()
    shot(page, f"{name}-07-over-the-limit")
    page.locator("#answer-form button[type=submit]").click()
    # At once, with the text kept: not hidden again behind the pause the candidate skipped.
    page.get_by_test_id("room-error").wait_for(timeout=5000)
    assert len(page.input_value("#id_text")) == 20001
    assert "20001" in page.get_by_test_id("room-error").inner_text().replace(",", "")
    shot(page, f"{name}-08-too-long-refused")
    page.fill("#id_text", CONCRETE[language])
    page.locator("#answer-form button[type=submit]").click()

    # Code, asked last: commented in the room's language, long lines stay on screen, the
    # examples run on demand, and the hidden tests' result follows the submit.
    next_question(page)
    page.get_by_test_id("code-question").wait_for()
    starter = page.evaluate("window.hireloopEditor.getValue()")
    assert ("合并重叠" in starter) == (language == "zh-hans")
    page.evaluate(f"window.hireloopEditor.setValue({SOLUTION!r})")
    long_line_end = page.evaluate(
        "(() => { const cm = window.hireloopEditor; const line = cm.getLine(1);"
        " return cm.charCoords({line: 1, ch: line.length}, 'window').right; })()"
    )
    editor_right = page.evaluate(
        "document.querySelector('.CodeMirror').getBoundingClientRect().right"
    )
    assert long_line_end <= editor_right <= page.viewport_size["width"]
    # Measured once visible (the form was hidden during the pause): the line numbers do not
    # cover the code.
    code_left = page.evaluate("window.hireloopEditor.charCoords({line: 0, ch: 0}, 'window').left")
    gutter_right = page.evaluate(
        "document.querySelector('.CodeMirror-gutters').getBoundingClientRect().right"
    )
    assert code_left >= gutter_right
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_test_id("run-examples").click()
    page.locator("[data-testid=example-results][data-state=ran]").wait_for()
    assert page.get_by_test_id("example-results").get_attribute("data-passed") == "3"
    shot(page, f"{name}-09-code-examples")
    page.locator("#answer-form button[type=submit]").click()
    page.get_by_test_id("done").wait_for()
    result = page.get_by_test_id("code-result").inner_text()
    assert "9/9" in result or "9 of 9" in result
    shot(page, f"{name}-10-done")
    context.close()
    assert errors == []


def test_the_room_reads_and_works_well_on_phone_and_desktop_in_both_languages(
    browser, live_server, organisation, recruiter
) -> None:  # type: ignore[no-untyped-def]
    for language in ("zh-hans", "en"):
        for device in ("phone", "desktop"):
            path = build_room(organisation, recruiter, language)
            walk(browser, live_server, path, language, device)
