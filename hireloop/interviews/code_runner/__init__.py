"""Run candidates' code against hidden tests in a throw-away sandbox (docs/code-sandbox.md)."""

from .errors import SandboxUnavailable, UnsupportedLanguage
from .result import CaseResult, RunResult
from .runner import run_submission
from .spec import HiddenTest, Limits, Problem, limits_from_settings

__all__ = [
    "CaseResult",
    "HiddenTest",
    "Limits",
    "Problem",
    "RunResult",
    "SandboxUnavailable",
    "UnsupportedLanguage",
    "limits_from_settings",
    "run_submission",
]
