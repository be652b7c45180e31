"""What one sandboxed run reports: per-test outcomes and a one-line error for people."""

from dataclasses import dataclass

# What a reviewer sees of an expected or returned value; the full value is never stored.
MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class CaseResult:
    index: int
    description: str
    passed: bool
    expected: str  # JSON, truncated to MAX_VALUE_CHARS
    got: str  # JSON, truncated; empty when the test did not return
    error: str = ""  # the exception this test raised, if any
    seconds: float = 0.0


@dataclass(frozen=True)
class RunResult:
    language: str
    tests_passed: int
    tests_total: int
    # Time spent in the candidate's function over all tests, as measured inside the
    # sandbox; when the run was stopped, the time until it was stopped.
    seconds: float
    time_limit: float
    # Empty when the code ran to the end, even if some tests failed; otherwise a short
    # sentence such as "Time limit exceeded (2 s)" or "SyntaxError: … (line 3)".
    error: str
    cases: tuple[CaseResult, ...]
    output: str = ""  # the start of what the program printed (stdout, then stderr)

    def to_code_result(self) -> dict:
        """The dict stored in Answer.code_result and read by assessment's CodeResult."""
        return {
            "tests_passed": self.tests_passed,
            "tests_total": self.tests_total,
            "seconds": round(self.seconds, 4),
            "time_limit": self.time_limit,
            "error": self.error,
            "language": self.language,
        }
