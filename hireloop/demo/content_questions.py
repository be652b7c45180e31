"""The question bank of the three demo jobs, as data: the entry point to ``questions/``.

Each job's bank lists its own language first, starting with the eight original questions
(two per dimension, in dimension order), to which the demo's scripted answers are keyed. The
other language follows; it is loaded into the bank but never planned. The plans HR settled
on are in content_interviews. How the bank was written is in docs/demo-data.md.
"""

from .questions import backend_en, backend_zh, sales_en, sales_zh, service_en, service_zh
from .questions.spec import DIMENSION_TRANSLATIONS, QuestionContent

__all__ = ["DIMENSION_TRANSLATIONS", "QUESTIONS_BY_JOB", "QuestionContent"]

QUESTIONS_BY_JOB: dict[str, tuple[QuestionContent, ...]] = {
    "sales": sales_zh.QUESTIONS + sales_en.QUESTIONS,
    "backend": backend_en.QUESTIONS + backend_zh.QUESTIONS,
    "service": service_zh.QUESTIONS + service_en.QUESTIONS,
}
