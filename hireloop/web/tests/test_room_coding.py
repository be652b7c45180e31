"""A coding question in the room: the code runs against hidden tests in the sandbox at once,
the remark says how many passed, and the report scores the answer from them. Before that the
candidate may run the task's examples, a bounded number of times, storing nothing."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hireloop.assessment.services import do_score_session
from hireloop.interviews import coding
from hireloop.interviews.code_problems import problem_by_key
from hireloop.interviews.enums import AnswerMode, QuestionKind
from hireloop.interviews.models import Answer, ClaimProbe, FollowUp, InterviewSession
from hireloop.interviews.services import current_question, do_invite, link_token, plan_questions
from hireloop.testing.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

MERGE = """def merge_intervals(intervals):
    \"\"\"Merge overlapping intervals.\"\"\"
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return result
"""
MERGE_JS = """function mergeIntervals(intervals) {
  // sort by start, then extend the last interval while they overlap
  const result = [];
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (result.length && s <= result[result.length - 1][1]) {
      result[result.length - 1][1] = Math.max(result[result.length - 1][1], e);
    } else { result.push([s, e]); }
  }
  return result;
}
"""


@pytest.fixture
def coding_room(job, recruiter):  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = current_question(session)[0]
    question.kind, question.answer_mode = QuestionKind.CODING, AnswerMode.CODE
    question.code_problem = "merge_intervals"
    question.save()
    url = reverse("web:room", args=[link_token(session)])
    Client().post(url, {"start": "1"})
    Client().post(url, {"practice_done": "1"})
    return session, question, url


def test_the_editor_page_offers_the_problem_and_its_languages(coding_room) -> None:  # type: ignore[no-untyped-def]
    _session, _question, url = coding_room
    page = Client().get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="code-question"' in page and 'id="code-starters"' in page
    assert 'value="python"' in page and 'value="javascript"' in page
    assert "codemirror.js" in page


@pytest.mark.parametrize(("language", "code"), [("python", MERGE), ("javascript", MERGE_JS)])
def test_a_correct_solution_passes_every_hidden_test(coding_room, language, code) -> None:  # type: ignore[no-untyped-def]
    session, question, url = coding_room
    Client().post(url, {"question_id": question.pk, "text": code, "code_language": language})
    answer = Answer.objects.get(session=session)
    assert answer.mode == AnswerMode.CODE and answer.code_result["language"] == language
    total = answer.code_result["tests_total"]
    assert answer.code_result["tests_passed"] == total > 0 and not answer.code_result["error"]
    assert answer.remark.startswith(f"{total} of {total}") or f"{total}/{total}" in answer.remark
    assert not hasattr(answer, "follow_up") or answer.follow_up is None


def test_a_hostile_answer_is_reported_and_scored_low(coding_room) -> None:  # type: ignore[no-untyped-def]
    session, question, url = coding_room
    bomb = "import os\nwhile True:\n    os.fork()\n"
    Client().post(url, {"question_id": question.pk, "text": bomb, "code_language": "python"})
    answer = Answer.objects.get(session=session)
    assert answer.code_result["tests_passed"] == 0 and answer.code_result["error"]
    while (rest := current_question(session)[0]) is not None:
        Client().post(url, {"question_id": rest.pk, "text": "I led the team and we fixed it."})
        session.refresh_from_db()
    report = do_score_session(session_id=session.pk)
    assert "code-tests-v1" in report.scorer


def _run_examples(url: str, question, code: str, language: str = "python"):  # type: ignore[no-untyped-def]
    examples = url + "examples/"
    data = {"question_id": question.pk, "text": code, "code_language": language}
    return Client().post(examples, data, HTTP_ACCEPT_LANGUAGE="en", HTTP_HX_REQUEST="true")


def _allow_next_run(session) -> None:  # type: ignore[no-untyped-def]
    """As if the pause between two runs had passed."""
    InterviewSession.objects.filter(pk=session.pk).update(
        example_run_at=timezone.now() - coding.EXAMPLE_RUN_INTERVAL
    )


def test_the_examples_run_on_demand_before_submitting_and_nothing_is_stored(coding_room) -> None:  # type: ignore[no-untyped-def]
    session, question, url = coding_room
    page = Client().get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        'data-testid="run-examples"' in page
        and reverse("web:room_examples", args=[url.split("/")[2]]) in page
    )

    ran = _run_examples(url, question, MERGE)
    assert ran.status_code == 200
    body = ran.content.decode()
    assert 'data-state="ran"' in body and 'data-passed="3" data-total="3"' in body
    assert (
        "3 of 3 examples passed." in body and "merge_intervals([[1, 3], [2, 6], [8, 10]])" in body
    )

    _allow_next_run(session)
    wrong = _run_examples(url, question, "def merge_intervals(intervals):\n    return intervals\n")
    body = wrong.content.decode()
    assert 'data-passed="1" data-total="3"' in body  # the empty input passes
    assert "Expected:" in body and "Your code returned:" in body and "[[1, 6], [8, 10]]" in body

    assert not Answer.objects.filter(session=session).exists()  # nothing submitted or stored
    session.refresh_from_db()
    assert session.current_index == 0 and session.example_runs == 2


def test_example_runs_are_bounded_per_session_and_per_question(coding_room) -> None:  # type: ignore[no-untyped-def]
    session, question, url = coding_room
    assert 'data-state="ran"' in _run_examples(url, question, MERGE).content.decode()
    again = _run_examples(url, question, MERGE).content.decode()  # at once: refused, not run
    assert 'data-state="refused"' in again and "wait a few seconds" in again

    InterviewSession.objects.filter(pk=session.pk).update(
        example_runs=coding.EXAMPLE_RUNS_PER_QUESTION
    )
    _allow_next_run(session)
    spent = _run_examples(url, question, MERGE).content.decode()
    assert 'data-state="refused"' in spent and "the most allowed" in spent
    # A submitted answer still runs against every hidden test, and the next question has its
    # own allowance.
    Client().post(url, {"question_id": question.pk, "text": MERGE, "code_language": "python"})
    session.refresh_from_db()
    assert Answer.objects.get(session=session).code_result["tests_passed"] > 0
    assert session.example_runs == 0
    stale = _run_examples(url, question, MERGE).content.decode()  # the question is answered
    assert 'data-state="refused"' in stale and "no longer open" in stale


def test_hostile_code_in_an_example_run_is_contained(coding_room) -> None:  # type: ignore[no-untyped-def]
    session, question, url = coding_room
    bomb = "import os\nwhile True:\n    os.fork()\n"
    body = _run_examples(url, question, bomb).content.decode()
    assert 'data-state="error"' in body and 'data-passed="0"' in body
    _allow_next_run(session)
    escape = "def merge_intervals(x):\n    return open('/etc/hostname').read()\n"
    body = _run_examples(url, question, escape).content.decode()
    assert 'data-passed="0"' in body and Path("/etc/hostname").read_text().strip() not in body


def test_examples_run_only_while_the_question_is_shown(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    question = current_question(session)[0]
    question.kind, question.answer_mode = QuestionKind.CODING, AnswerMode.CODE
    question.code_problem = "merge_intervals"
    question.save()
    url = reverse("web:room", args=[link_token(session)])
    Client().post(url, {"start": "1"})  # not yet through the practice
    body = _run_examples(url, question, MERGE).content.decode()
    assert 'data-state="refused"' in body
    session.refresh_from_db()
    assert session.example_runs == 0


def test_a_forged_link_cannot_run_examples(coding_room) -> None:  # type: ignore[no-untyped-def]
    _session, question, url = coding_room
    forged = url.replace(url.split("/")[2], url.split("/")[2][:-2] + "xx")
    assert _run_examples(forged, question, MERGE).status_code == 404


def test_a_coding_question_asked_last_shows_its_hidden_tests_after_submitting(
    job, recruiter
) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    last = plan_questions(session)[-1]
    last.kind, last.answer_mode, last.code_problem = (
        QuestionKind.CODING,
        AnswerMode.CODE,
        "merge_intervals",
    )
    last.save()
    ClaimProbe.objects.create(
        session=session, kind="leadership", claim="Led 8", question_text="Tell us.", position=0
    )
    url = reverse("web:room", args=[link_token(session)])
    Client().post(url, {"start": "1"})
    Client().post(url, {"practice_done": "1"})
    while (question := current_question(session)[0]) is not None:
        text = MERGE if question == last else "I led the team; we fixed it and cut errors by 40%."
        Client().post(url, {"question_id": question.pk, "text": text, "code_language": "python"})
        while FollowUp.objects.filter(answer__session=session, answered_at=None).exists():
            Client().post(url, {"follow_up": "skip"})
        session.refresh_from_db()
    total = len(problem_by_key("merge_intervals").tests)
    summary = f"{total} of {total} hidden tests passed."
    # A question about the resume comes next: it shows the coding answer's result first.
    page = Client().get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="probe"' in page and summary in page
    Client().post(url, {"probe": "skip", "probe_id": session.probes.get().pk})
    page = Client().get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="done"' in page and 'data-testid="code-results"' in page
    assert summary in page


def test_the_starter_code_is_commented_in_the_rooms_language(coding_room) -> None:  # type: ignore[no-untyped-def]
    _session, _question, url = coding_room
    problem = problem_by_key("merge_intervals")
    for language, other in (("zh-hans", "en"), ("en", "zh-hans")):
        client = Client()
        client.cookies["django_language"] = language  # the candidate's choice over the job's
        page = client.get(url)
        starters = page.context["code_starters"]
        assert problem.summary[language] in starters["python"]
        assert problem.summary[language] in starters["javascript"]
        assert problem.summary[other] not in starters["python"] + starters["javascript"]
