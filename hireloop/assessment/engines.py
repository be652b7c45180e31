"""Which answer judge to use, chosen by settings (docs/scoring.md, "LLM judge")."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .judge import BatchJudge, OfflineJudge
from .llm_judge import DEFAULT_TIMEOUT_S, OpenAICompatibleJudge

# The values of settings.HIRELOOP_JUDGE.
OFFLINE, OPENAI = "offline", "openai"


def configured_judge(*, extra_terms: tuple[str, ...] = ()) -> BatchJudge:
    """The offline judge, or the OpenAI-compatible one (which falls back to it) when chosen.

    extra_terms (e.g. the candidate's own name) are neutralised before any engine sees the text.
    """
    engine = settings.HIRELOOP_JUDGE or OFFLINE
    if engine == OFFLINE:
        return OfflineJudge(extra_terms=extra_terms)
    if engine != OPENAI:
        raise ImproperlyConfigured(f'HIRELOOP_JUDGE must be "offline" or "openai", not {engine!r}.')
    url, model = settings.HIRELOOP_JUDGE_URL, settings.HIRELOOP_JUDGE_MODEL
    if not url or not model:
        raise ImproperlyConfigured(
            'HIRELOOP_JUDGE="openai" needs HIRELOOP_JUDGE_URL (e.g. http://127.0.0.1:8001/v1) '
            "and HIRELOOP_JUDGE_MODEL."
        )
    return OpenAICompatibleJudge(
        base_url=url,
        model=model,
        api_key=settings.HIRELOOP_JUDGE_API_KEY,
        timeout=float(settings.HIRELOOP_JUDGE_TIMEOUT or DEFAULT_TIMEOUT_S),
        extra_terms=extra_terms,
    )
