"""Shared by the code sandbox tests: small limits, a two-call problem and a survivor check."""

import os
from pathlib import Path

import pytest

from hireloop.interviews.code_runner import HiddenTest, Limits, Problem, RunResult, runner
from hireloop.interviews.code_runner import run_submission as _run_submission

LANGUAGES = ["python", "javascript"]
# Two calls, so that a test can show that the run went on (or not) after the first. The time
# limit of real problems, so that a loaded machine does not turn other outcomes into timeouts.
TWO_CALLS = Problem("solve", (HiddenTest([], 1), HiddenTest([], 2)), time_limit=2)
# For the tests that expect the time limit: a short one, to keep them quick.
SHORT = Problem("solve", (HiddenTest([], 1), HiddenTest([], 2)), time_limit=0.5)
# Small enough to be hit quickly, big enough for the interpreters.
LIMITS = Limits(memory_mb=128, processes=12, output_kb=16, files_kb=256, wall_seconds=5)


def run(
    language: str, code: str, problem: Problem = TWO_CALLS, limits: Limits = LIMITS
) -> RunResult:
    return _run_submission(language=language, code=code, problem=problem, limits=limits)


def everything_reported(result: RunResult) -> str:
    """All text a reviewer could see of a run, to check that no secret leaked into it."""
    cases = [f"{case.got} {case.error}" for case in result.cases]
    return "\n".join([result.error, result.output, *cases])


def unreachable(error: str) -> bool:
    return "Network is unreachable" in error or "ENETUNREACH" in error


def missing(error: str) -> bool:
    return "No such file or directory" in error or "ENOENT" in error


@pytest.fixture
def sandbox_uids(monkeypatch):  # type: ignore[no-untyped-def]
    """Sandbox uids only this test process hands out (xdist workers have other pids); then
    check that no process of a run outlived it.

    jail.py is process 1 of the run's PID namespace and the kernel kills and reaps every
    other process in it before jail.py's exit completes, so by the time run_submission
    returns there must be none left — not even a fork bomb's.
    """
    base = 300_000 + (os.getpid() % 10_000) * 100
    monkeypatch.setattr(runner, "SANDBOX_UID_BASE", base)
    monkeypatch.setattr(runner, "SANDBOX_UID_SPAN", 100)
    yield
    assert processes_with_uid_in(range(base, base + 100)) == []


def processes_with_uid_in(uids: range) -> list[str]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue  # it ended while we looked
        if int(fields["Uid"].split()[0]) in uids:
            found.append(f"{status.parent.name}: {fields['Name'].strip()}")
    return found
