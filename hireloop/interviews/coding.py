"""Coding answers in the room: run the candidate's code against the question's hidden tests.

The run happens in the candidate's request (a sandboxed run takes 0.1–2 s), so the remark can
say at once how many hidden tests passed. If the sandbox itself cannot run here, the code is
kept and the answer stays unscored rather than failed: the candidate is not to blame.
"""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .code_problems import CodeProblem, problem_by_key
from .code_runner import SandboxUnavailable, UnsupportedLanguage, run_submission
from .models import Question

logger = logging.getLogger(__name__)
LANGUAGES = ("python", "javascript")


@dataclass(frozen=True)
class CodeOutcome:
    code_result: dict | None  # what assessment.code_scoring reads; None: not run
    remark: str


def problem_of(question: Question) -> CodeProblem | None:
    return problem_by_key(question.code_problem) if question.code_problem else None


def run_code_answer(*, question: Question, code: str, language: str) -> CodeOutcome:
    problem = problem_of(question)
    if problem is None:
        return CodeOutcome(None, _("Your code was saved."))
    if language not in LANGUAGES or language not in problem.function_names:
        return CodeOutcome(None, _("Your code was saved; this language cannot be run here."))
    try:
        result = run_submission(language=language, code=code, problem=problem.problem(language))
    except (SandboxUnavailable, UnsupportedLanguage):
        logger.exception("The code sandbox could not run answer code for question %s", question.pk)
        return CodeOutcome(None, _("Your code was saved; it will be checked later."))
    remark = _("%(passed)d of %(total)d hidden tests passed.") % {
        "passed": result.tests_passed,
        "total": result.tests_total,
    }
    if result.error:
        remark += " " + _("What stopped the run: %(error)s") % {"error": result.error}
    return CodeOutcome(result.to_code_result(), remark)
