"""Coding answers are scored from the sandbox's test results plus readable quality signals."""

import pytest

from hireloop.assessment.code_scoring import CodeResult, quality_signals, score_code
from hireloop.assessment.models import DimensionScore
from hireloop.interviews.enums import QuestionKind
from hireloop.interviews.models import Answer
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.interviews import take_interview

GOOD_CODE = '''def merge(intervals):
    """Merge overlapping intervals, sorted by start."""
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return result
'''
FLAT_CODE = "x = input()\nprint(x)\n"


def test_all_tests_passing_with_clean_code_scores_high() -> None:
    result = CodeResult(tests_passed=8, tests_total=8, seconds=0.2, time_limit=2.0)
    scored = score_code(result, GOOD_CODE)
    assert scored.score == 10.0 and scored.band == "high"
    assert scored.evidence[0] == "8 of 8 hidden tests passed (0.20 s)"
    assert all(scored.signals.values())


def test_failing_tests_dominate_tidy_code() -> None:
    none_pass = score_code(CodeResult(0, 8, 0.2, 2.0), GOOD_CODE)
    half_pass = score_code(CodeResult(4, 8, 0.2, 2.0), GOOD_CODE)
    all_pass_flat = score_code(CodeResult(8, 8, 0.2, 2.0), FLAT_CODE)
    assert none_pass.score <= 2.0 < half_pass.score < all_pass_flat.score
    assert "4 failing hidden tests" in half_pass.counterfactual


def test_errors_and_slowness_are_quality_signals() -> None:
    signals = quality_signals(CodeResult(3, 8, 1.9, 2.0, error="TimeoutError"), GOOD_CODE)
    assert signals["ran_cleanly"] is False and signals["fast"] is False
    assert signals["uses_functions"] and signals["explained"]


@pytest.mark.parametrize("code", ["def broken(:\n", "", "\x00\x00", "x" * 100_000])
def test_unparseable_or_hostile_code_never_crashes(code: str) -> None:
    scored = score_code(CodeResult(0, 5, error="SyntaxError"), code)
    assert 0 <= scored.score <= 2.0


def test_javascript_functions_and_comments_count() -> None:
    code = "// sum of a list\nconst total = (xs) => xs.reduce((a, b) => a + b, 0);\n"
    signals = quality_signals(CodeResult(2, 2, language="javascript"), code)
    assert signals["uses_functions"] and signals["explained"]


def test_chinese_evidence_and_counterfactual() -> None:
    scored = score_code(CodeResult(3, 4, 0.1, 1.0), GOOD_CODE, chinese=True)
    assert scored.evidence[0].startswith("隐藏测试通过 3/4")
    assert scored.counterfactual == "更好的回答还应通过其余 1 个隐藏测试。"


def test_same_result_same_score() -> None:
    result = CodeResult.from_dict({"tests_passed": 5, "tests_total": 7, "seconds": 0.4})
    assert score_code(result, GOOD_CODE) == score_code(result, GOOD_CODE)


@pytest.mark.django_db(transaction=True)
def test_a_coding_answer_is_scored_from_its_tests_in_the_report(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    from hireloop.assessment.services import do_recompute_job_reports, do_score_session

    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers="We debugged together."
    )
    # Turn the first answer into a coding answer with a sandbox result, then score afresh.
    answer = Answer.objects.filter(session=session).select_related("question").first()
    answer.question.kind = QuestionKind.CODING
    answer.question.save()
    answer.text = GOOD_CODE
    answer.code_result = {"tests_passed": 6, "tests_total": 6, "seconds": 0.1, "time_limit": 2}
    answer.save()
    session.report.delete()
    report = do_score_session(session_id=session.pk)
    dimension = answer.question.dimensions.first()
    score = DimensionScore.objects.get(report=report, dimension=dimension)
    assert "6 of 6 hidden tests passed (0.10 s)" in score.evidence
    assert "code-tests-v1" in report.scorer
    assert do_recompute_job_reports(job_id=job.pk) == 0  # nothing changed: nothing rewritten
