"""Turn what a sandboxed run left behind into a RunResult: plain functions over plain data.

The harness's result lines are trusted only as far as they can be: lines without the run's
marker are ignored, the first line for a test wins, and pass or fail is decided here, by
comparing with expected values the sandbox never saw.
"""

import json
import math
import re
import signal
from dataclasses import dataclass, field

from .errors import SandboxUnavailable
from .result import MAX_VALUE_CHARS, CaseResult, RunResult
from .spec import HiddenTest, Limits, Problem

MAX_OUTPUT_CHARS = 2000
# How a runtime says it ran out of memory when it dies instead of raising MemoryError.
_OUT_OF_MEMORY = re.compile(
    rb"MemoryError|heap out of memory|Reached heap limit|allocation failed|bad_alloc|"
    rb"Cannot allocate memory|Fatal process out of memory",
    re.IGNORECASE,
)
# How fork() or a new thread fails once RLIMIT_NPROC is reached (EAGAIN).
_NO_PROCESSES = re.compile(
    r"Resource temporarily unavailable|EAGAIN|can't start new thread|BlockingIOError"
)
_FILE_TOO_LARGE = re.compile(r"File too large|EFBIG|No space left on device|ENOSPC")


@dataclass(frozen=True)
class RawRun:
    """What the sandbox left behind: its output, the result channel and how it ended."""

    stdout: bytes
    stderr: bytes
    results: bytes
    status: int  # the candidate's exit code, or 128 + N when signal N killed it
    cpu_limit: int  # the RLIMIT_CPU it ran under, in seconds
    timed_out: bool
    output_exceeded: bool
    wall_seconds: float


@dataclass
class Reported:
    """The harness's lines, parsed."""

    started: bool = False
    done: bool = False
    fatal: str = ""
    cases: dict[int, dict] = field(default_factory=dict)


def parse_results(data: bytes, marker: str) -> Reported:
    """The marked lines of the result channel; the first line for each test counts."""
    reported = Reported()
    prefix = marker.encode() + b" "
    for line in data.split(b"\n"):
        if not line.startswith(prefix):
            continue
        try:
            message = json.loads(line[len(prefix) :])
        except (ValueError, RecursionError):
            continue
        if not isinstance(message, dict):
            continue
        if message.get("start"):
            reported.started = True
        elif message.get("done"):
            reported.done = True
        elif "fatal" in message and not reported.fatal:
            reported.fatal = _with_line(str(message["fatal"])[:300], message.get("line"))
        elif isinstance(message.get("case"), int) and message["case"] not in reported.cases:
            reported.cases[message["case"]] = message
    return reported


def build_result(
    raw: RawRun, *, marker: str, problem: Problem, language: str, limits: Limits
) -> RunResult:
    reported = parse_results(raw.results, marker)
    if not reported.started:
        # The harness writes its first line before any candidate code runs: without it the
        # interpreter never got that far, which is the sandbox's failure, not the answer's.
        raise SandboxUnavailable(_start_failure(raw, language))
    cases = tuple(_case_result(index, test, reported) for index, test in enumerate(problem.tests))
    seconds = sum(case.seconds for case in cases)
    if raw.timed_out:
        seconds = max(seconds, problem.time_limit)
    return RunResult(
        language=language,
        tests_passed=sum(case.passed for case in cases),
        tests_total=len(cases),
        seconds=seconds,
        time_limit=problem.time_limit,
        error=_error(raw, reported, cases, problem=problem, limits=limits, seconds=seconds),
        cases=cases,
        output=_output(raw),
    )


def _case_result(index: int, test: HiddenTest, reported: Reported) -> CaseResult:
    message = reported.cases.get(index, {})
    seconds = message.get("seconds")
    got, passed = "", False
    if "got" in message:
        passed = values_match(message["got"], test.expected)
        got = _show(message["got"])
    elif "unserializable" in message:
        got = "not a JSON value: " + str(message["unserializable"])
    elif "too_large" in message:
        got = f"a result of {message['too_large']} characters, over the limit"
    return CaseResult(
        index=index,
        description=test.description,
        passed=passed,
        expected=_show(test.expected),
        got=got[:MAX_VALUE_CHARS],
        error=_with_line(str(message.get("error", ""))[:300], message.get("line")),
        seconds=float(seconds) if isinstance(seconds, int | float) and seconds > 0 else 0.0,
    )


def _with_line(error: str, line: object) -> str:
    return f"{error} (line {line})" if error and isinstance(line, int) else error


def values_match(got: object, expected: object) -> bool:
    """JSON equality, with floats compared to 1e-9 and true/false never equal to 1/0."""
    try:
        return _match(got, expected)
    except RecursionError:
        return False


def _match(got: object, expected: object) -> bool:
    if isinstance(got, bool) or isinstance(expected, bool):
        return type(got) is type(expected) and got == expected
    if isinstance(got, int | float) and isinstance(expected, int | float):
        if isinstance(got, int) and isinstance(expected, int):
            return got == expected
        try:
            return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9)
        except OverflowError:  # an int too big for a float equals no float
            return False
    if isinstance(expected, list):
        return (
            isinstance(got, list)
            and len(got) == len(expected)
            and all(_match(g, e) for g, e in zip(got, expected, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(got, dict)
            and got.keys() == expected.keys()
            and all(_match(got[key], expected[key]) for key in expected)
        )
    return type(got) is type(expected) and got == expected


def _show(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        text = "?"
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _error(
    raw: RawRun,
    reported: Reported,
    cases: tuple[CaseResult, ...],
    *,
    problem: Problem,
    limits: Limits,
    seconds: float,
) -> str:
    """One sentence for the reviewer; the first cause that applies, most specific first."""
    errors = [reported.fatal, *(case.error for case in cases)]
    said = "\n".join(errors)
    if raw.timed_out:
        return f"Time limit exceeded ({problem.time_limit:g} s)"
    if raw.status == 128 + signal.SIGXCPU:
        return f"CPU time limit exceeded ({raw.cpu_limit} s)"
    if raw.output_exceeded:
        return f"Output limit exceeded ({limits.output_kb} KB)"
    if _OUT_OF_MEMORY.search(raw.stderr) or _OUT_OF_MEMORY.search(said.encode()):
        return f"Memory limit exceeded ({limits.memory_mb} MB)"
    if _NO_PROCESSES.search(said) or _NO_PROCESSES.search(_text(raw.stderr)):
        return f"Too many processes (limit {limits.processes})"
    if raw.status == 128 + signal.SIGXFSZ or _FILE_TOO_LARGE.search(said):
        return f"File size limit exceeded ({limits.files_kb} KB)"
    if reported.fatal:
        return reported.fatal
    if seconds > problem.time_limit:
        return f"Time limit exceeded ({problem.time_limit:g} s)"
    if not reported.done:
        return _stopped_early(raw.status)
    failed = next((case for case in cases if case.error), None)
    if failed:
        return f"Test {failed.index + 1}: {failed.error}"
    return ""


def _stopped_early(status: int) -> str:
    if status > 128:
        try:
            name = signal.Signals(status - 128).name
        except ValueError:
            name = f"signal {status - 128}"
        return f"The program was killed by {name} before finishing the tests"
    return f"The program exited before finishing the tests (exit status {status})"


def _start_failure(raw: RawRun, language: str) -> str:
    if raw.timed_out:
        return f"The {language} sandbox did not start within {raw.wall_seconds:.1f} s."
    detail = _text(raw.stderr).strip().splitlines()[-3:]
    return (f"The {language} sandbox could not start (status {raw.status}): " + " / ".join(detail))[
        :500
    ]


def _output(raw: RawRun) -> str:
    text = _text(raw.stdout[: MAX_OUTPUT_CHARS * 4])
    if raw.stderr:
        text += ("\n" if text else "") + _text(raw.stderr[: MAX_OUTPUT_CHARS * 4])
    return text[:MAX_OUTPUT_CHARS]


def _text(data: bytes) -> str:
    # The candidate may print any bytes; show them, never fail on them.
    return data.decode("utf-8", errors="replace")
