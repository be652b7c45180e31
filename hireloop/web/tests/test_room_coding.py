"""A coding question in the room: the code runs against hidden tests in the sandbox at once,
the remark says how many passed, and the report scores the answer from them."""

import pytest
from django.test import Client
from django.urls import reverse

from hireloop.assessment.services import do_score_session
from hireloop.interviews.enums import AnswerMode, QuestionKind
from hireloop.interviews.models import Answer
from hireloop.interviews.services import current_question, do_invite, link_token
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
