"""Coding answers in the room: run the candidate's code against the question's hidden tests.

The run happens in the candidate's request (a sandboxed run takes 0.1–2 s), so the remark can
say at once how many hidden tests passed. If the sandbox itself cannot run here, the code is
kept and the answer stays unscored rather than failed: the candidate is not to blame.

Before submitting, the candidate may run the prompt's examples (``do_run_examples``) in the
same sandbox. Each run costs a sandbox start, so runs are bounded: one at a time per session
with a pause between them, a number per question, and a few at once per server process.
"""

import json
import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hireloop.errors import HireLoopError

from .code_problems import CodeProblem, problem_by_key
from .code_runner import SandboxUnavailable, UnsupportedLanguage, run_submission
from .enums import AnswerMode
from .models import InterviewSession, Question
from .services import current_question

logger = logging.getLogger(__name__)
LANGUAGES = ("python", "javascript")
# A candidate testing an idea runs the examples every few tries; twenty runs per question,
# at least three seconds apart, is more than a careful candidate needs and keeps one link
# from occupying the sandbox (a run takes 0.1–2 s of one CPU).
EXAMPLE_RUNS_PER_QUESTION = 20
EXAMPLE_RUN_INTERVAL = timedelta(seconds=3)
# Example runs at once in one server process; a further one is refused, not queued, so that
# a request never waits behind other candidates' code.
MAX_CONCURRENT_EXAMPLE_RUNS = 2
_example_slots = threading.BoundedSemaphore(MAX_CONCURRENT_EXAMPLE_RUNS)
# What the candidate's own prints show of a run, at most.
MAX_EXAMPLE_OUTPUT_CHARS = 2000


class ExampleRunRefused(HireLoopError):
    code = "example_run_refused"


@dataclass(frozen=True)
class CodeOutcome:
    code_result: dict | None  # what assessment.code_scoring reads; None: not run
    remark: str


def problem_of(question: Question) -> CodeProblem | None:
    return problem_by_key(question.code_problem) if question.code_problem else None


def run_code_answer(*, question: Question, code: str, language: str) -> CodeOutcome:
    problem = problem_of(question)
    if problem is None:
        return CodeOutcome(None, pgettext("candidate", "Your code was saved."))
    if language not in LANGUAGES or language not in problem.function_names:
        return CodeOutcome(
            None, pgettext("candidate", "Your code was saved; this language cannot be run here.")
        )
    try:
        result = run_submission(language=language, code=code, problem=problem.problem(language))
    except (SandboxUnavailable, UnsupportedLanguage):
        logger.exception("The code sandbox could not run answer code for question %s", question.pk)
        return CodeOutcome(
            None, pgettext("candidate", "Your code was saved; it will be checked later.")
        )
    remark = _("%(passed)d of %(total)d hidden tests passed.") % {
        "passed": result.tests_passed,
        "total": result.tests_total,
    }
    if result.error:
        remark += " " + _("What stopped the run: %(error)s") % {"error": result.error}
    return CodeOutcome(result.to_code_result(), remark)


@dataclass(frozen=True)
class ExampleCase:
    call: str  # e.g. merge_intervals([[1,3],[2,6]])
    expected: str  # JSON
    got: str  # JSON, truncated; empty when the example did not return
    passed: bool
    error: str


@dataclass(frozen=True)
class ExampleRun:
    cases: tuple[ExampleCase, ...]
    error: str  # what stopped the run, if it did not run to the end
    output: str  # the start of what the code printed
    runs_left: int

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)


def do_run_examples(
    *, session: InterviewSession, question_id: int, code: str, language: str
) -> ExampleRun:
    """Run ``code`` on the prompt's examples of the current coding question; nothing is
    stored but the count of runs. Raises ExampleRunRefused with the reason for the page."""
    question, _progress = current_question(session)
    problem = problem_of(question) if question and question.pk == question_id else None
    if question is None or problem is None or question.answer_mode != AnswerMode.CODE:
        raise ExampleRunRefused(_("This question is no longer open."))
    if language not in LANGUAGES or language not in problem.function_names:
        raise ExampleRunRefused(_("This language cannot be run here."))
    if not code.strip():
        raise ExampleRunRefused(_("Please write some code first."))
    if not _example_slots.acquire(blocking=False):
        raise ExampleRunRefused(_("The examples cannot run right now; please try again shortly."))
    try:
        runs = _claim_example_run(session)
        runnable = problem.examples_problem(language)
        try:
            result = run_submission(language=language, code=code, problem=runnable)
        except (SandboxUnavailable, UnsupportedLanguage) as error:
            logger.exception("The code sandbox could not run examples for question %s", question_id)
            raise ExampleRunRefused(
                _("The examples cannot be run here; your code is checked when you submit it.")
            ) from error
    finally:
        _example_slots.release()
    name = runnable.function_name
    cases = tuple(
        ExampleCase(
            call=f"{name}({', '.join(_json(arg) for arg in example.args)})",
            expected=case.expected,
            got=case.got,
            passed=case.passed,
            error=case.error,
        )
        for example, case in zip(runnable.tests, result.cases, strict=False)
    )
    return ExampleRun(
        cases=cases,
        error=result.error,
        output=result.output[:MAX_EXAMPLE_OUTPUT_CHARS],
        runs_left=EXAMPLE_RUNS_PER_QUESTION - runs,
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # as the runner shows values


def _claim_example_run(session: InterviewSession) -> int:
    """Count one run, or refuse it: one conditional UPDATE, so two requests sent at once
    cannot both pass the checks. Returns the number of runs so far, this one included."""
    now = timezone.now()
    claimed = (
        InterviewSession.objects.filter(pk=session.pk, example_runs__lt=EXAMPLE_RUNS_PER_QUESTION)
        .filter(Q(example_run_at__isnull=True) | Q(example_run_at__lte=now - EXAMPLE_RUN_INTERVAL))
        .update(example_runs=F("example_runs") + 1, example_run_at=now)
    )
    session.refresh_from_db(fields=["example_runs", "example_run_at"])
    if claimed:
        return session.example_runs
    if session.example_runs >= EXAMPLE_RUNS_PER_QUESTION:
        raise ExampleRunRefused(
            _(
                "You have run the examples %(n)d times for this question, the most allowed. "
                "Your code still runs against every test when you submit it."
            )
            % {"n": EXAMPLE_RUNS_PER_QUESTION}
        )
    raise ExampleRunRefused(_("Please wait a few seconds before running the examples again."))
