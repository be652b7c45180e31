"""The room's real-time feedback after each answer, through a small interface (M8).

The interviews app never imports the assessment app (scoring subscribes to events); the engine
is named in the setting HIRELOOP_FEEDBACK_ENGINE and loaded by its dotted path, so assessment
provides it without a dependency in this direction.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Feedback:
    remark: str  # one line for the candidate, e.g. "Clear structure; a result would help."
    follow_up: str = ""  # at most one follow-up question, or ""
    reason: str = ""  # FollowUpReason value when there is a follow-up
    mode: str = "text"  # how the answer was given (filled by the room)
    is_late: bool = False  # sent after its time ran out (filled by the room)
    code_result: dict | None = None  # the sandbox's report on a coding answer (the room)


class AnswerFeedback(Protocol):
    def feedback(self, *, question: str, answer: str, anchor_high: str, language: str) -> Feedback:
        """A remark and an optional follow-up for one answer; fast enough for a request."""
        ...


@lru_cache(maxsize=4)
def _engine(path: str) -> AnswerFeedback:
    return import_string(path)()


def feedback_engine() -> AnswerFeedback:
    return _engine(settings.HIRELOOP_FEEDBACK_ENGINE)
