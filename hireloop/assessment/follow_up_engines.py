"""Which follow-up writer the room uses: offline, or the LLM judge's endpoint when it is chosen
(docs/interview-room.md, "Remarks and follow-ups")."""

from functools import lru_cache
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .engines import OFFLINE, OPENAI
from .follow_ups import OfflineFollowUps
from .llm_follow_ups import FOLLOW_UP_TIMEOUT_S, OpenAICompatibleFollowUps
from .llm_judge import DEFAULT_TIMEOUT_S


class FollowUpWriter(Protocol):
    def write(self, *, question: str, answer: str, reason: str, language: str) -> str:
        """The follow-up question for this reason ("" when none can be worded from the answer)."""
        ...


def configured_follow_ups() -> FollowUpWriter:
    """The offline follow-up writer, or the LLM one when the LLM judge is configured (the same
    endpoint and model), with the judge's timeout capped for the candidate's request."""
    if (settings.HIRELOOP_JUDGE or OFFLINE) != OPENAI:
        return OfflineFollowUps()
    timeout = min(float(settings.HIRELOOP_JUDGE_TIMEOUT or DEFAULT_TIMEOUT_S), FOLLOW_UP_TIMEOUT_S)
    return _llm_follow_ups(
        settings.HIRELOOP_JUDGE_URL,
        settings.HIRELOOP_JUDGE_MODEL,
        settings.HIRELOOP_JUDGE_API_KEY,
        timeout,
    )


@lru_cache(maxsize=4)
def _llm_follow_ups(url: str, model: str, api_key: str, timeout: float) -> FollowUpWriter:
    # One writer per endpoint for the process, so that its cool-down after a failure lasts
    # across requests.
    if not url or not model:
        raise ImproperlyConfigured(
            'HIRELOOP_JUDGE="openai" needs HIRELOOP_JUDGE_URL and HIRELOOP_JUDGE_MODEL.'
        )
    return OpenAICompatibleFollowUps(base_url=url, model=model, api_key=api_key, timeout=timeout)
