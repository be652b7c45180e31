"""The example coding problems, and how results are compared with expected values."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.interviews import code_problems
from hireloop.interviews.code_runner import run_submission
from hireloop.interviews.code_runner.outcome import values_match

from .sandbox_helpers import LANGUAGES, sandbox_uids  # noqa: F401 - sandbox_uids is a fixture

REFERENCE = {
    "merge_intervals": {
        "python": """def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
""",
        "javascript": """function mergeIntervals(intervals) {
  const merged = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}""",
    },
    "top_k_frequent_words": {
        "python": """from collections import Counter
def top_k_frequent_words(words, k):
    counts = Counter(words)
    return sorted(counts, key=lambda word: (-counts[word], word))[:k]
""",
        "javascript": """function topKFrequentWords(words, k) {
  const counts = new Map();
  for (const word of words) counts.set(word, (counts.get(word) || 0) + 1);
  const order = (a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0);
  return [...counts.keys()].sort(order).slice(0, k);
}""",
    },
    "valid_brackets": {
        "python": """def is_valid_brackets(text):
    pairs, stack = {')': '(', ']': '[', '}': '{'}, []
    for ch in text:
        if ch in '([{':
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack
""",
        "javascript": """function isValidBrackets(text) {
  const pairs = { ')': '(', ']': '[', '}': '{' };
  const stack = [];
  for (const ch of text) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}""",
    },
}


def test_the_engineering_role_has_three_problems_and_the_others_none():
    assert [p.key for p in code_problems.PROBLEMS_BY_ROLE["backend"]] == list(REFERENCE)
    assert set(code_problems.PROBLEMS_BY_ROLE) == {"backend"}


@pytest.mark.usefixtures("sandbox_uids")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", code_problems.PROBLEMS_BY_ROLE["backend"], ids=lambda p: p.key)
def test_each_problem_is_solvable_and_its_starter_code_is_not(problem, language):  # type: ignore[no-untyped-def]
    assert set(problem.prompt) == set(problem.title) == {"zh-hans", "en"}
    assert 6 <= len(problem.tests) <= 10
    runnable = problem.problem(language)
    solved = run_submission(
        language=language, code=REFERENCE[problem.key][language], problem=runnable
    )
    assert (solved.tests_passed, solved.error) == (len(problem.tests), "")
    starter = run_submission(
        language=language, code=problem.starter_code[language], problem=runnable
    )
    assert starter.tests_passed == 0
    assert "write your solution here" in starter.error


@pytest.mark.usefixtures("sandbox_uids")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", code_problems.PROBLEMS_BY_ROLE["backend"], ids=lambda p: p.key)
def test_the_prompts_examples_run_and_the_chinese_starter_speaks_chinese(problem, language):  # type: ignore[no-untyped-def]
    examples = problem.examples_problem(language)
    assert 1 <= len(examples.tests) <= 5
    prompt = problem.prompt["en"].replace(" ", "")
    for example in examples.tests:  # shown in the prompt, so nothing hidden is given away
        shown = json.dumps(example.args[0], separators=(",", ":"))
        assert shown in prompt or example.args[0] in ([], "")
    solved = run_submission(
        language=language, code=REFERENCE[problem.key][language], problem=examples
    )
    assert (solved.tests_passed, solved.error) == (len(examples.tests), "")
    chinese = problem.starter(language, "zh-hans")
    assert problem.summary["zh-hans"] in chinese and problem.summary["en"] not in chinese
    starter = run_submission(language=language, code=chinese, problem=examples)
    assert starter.tests_passed == 0 and "请在这里写您的解法" in starter.error


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_every_json_value_matches_itself_after_a_round_trip(value):  # type: ignore[no-untyped-def]
    assert values_match(json.loads(json.dumps(value)), value)


@given(JSON_VALUES, JSON_VALUES)
def test_matching_is_symmetric(first, second):  # type: ignore[no-untyped-def]
    assert values_match(first, second) == values_match(second, first)


def test_booleans_are_not_numbers_and_floats_are_close_enough():
    assert not values_match(1, True) and not values_match(False, 0)
    assert values_match(0.1 + 0.2, 0.3) and not values_match(0.31, 0.3)
    assert not values_match([1, 2], [2, 1]) and not values_match("1", 1)
    assert not values_match({"a": 1}, {"a": 1, "b": 2}) and not values_match(None, [])


def test_a_result_nested_too_deep_to_compare_does_not_match():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert not values_match(deep, deep)
