"""The sandbox's report (interviews.code_runner) is exactly what code scoring reads."""

import dataclasses

from hireloop.assessment.code_scoring import CodeResult, score_code
from hireloop.interviews.code_runner import RunResult


def test_a_run_result_becomes_a_code_result_field_by_field():
    run = RunResult(
        language="javascript",
        tests_passed=7,
        tests_total=9,
        seconds=0.0123,
        time_limit=2.0,
        error="Test 3: TypeError: x is undefined (line 4)",
        cases=(),
    )
    stored = run.to_code_result()
    assert set(stored) == {field.name for field in dataclasses.fields(CodeResult)}
    assert CodeResult.from_dict(stored) == CodeResult(
        tests_passed=7,
        tests_total=9,
        seconds=0.0123,
        time_limit=2.0,
        error="Test 3: TypeError: x is undefined (line 4)",
        language="javascript",
    )
    assert (
        score_code(CodeResult.from_dict(stored), "function f() {}").evidence[0].startswith("7 of 9")
    )
