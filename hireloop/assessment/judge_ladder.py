"""The score ladder and the labelled answers it is fitted and checked on.

The documented ladder (docs/scoring.md): an off-topic answer scores at most 3, a vague one at
most 5, an adequate one 6–7 and a strong one at least 8.5. The labelled set,
tests/data/ladder_answers.json, holds hand-written answers at the four levels to the demo's
planned questions, in the job's language (backend: English; sales and service: Chinese),
judged against the primary dimension's anchors and keywords as the demo's reports judge them.
Half of it (the second planned question of each dimension) is held out of every fit. The demo's
own sample answers are labelled here too (DEMO_LEVELS) and are never fitted on.
"""

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .judge import Anchors, JudgeInput

LADDER_PATH = Path(__file__).with_name("tests") / "data" / "ladder_answers.json"
LEVELS = ("off_topic", "vague", "adequate", "strong")
# Where each level's answers must score (inclusive), the documented ladder.
BANDS = {
    "off_topic": (0.0, 3.0),
    "vague": (0.0, 5.0),
    "adequate": (6.0, 7.0),
    "strong": (8.5, 10.0),
}
# The demo's sample answers (demo/content_answers.py), labelled by reading them against the
# question's anchors; they are scored, never fitted on.
DEMO_LEVELS = {
    "sales-new-account": "strong",
    "sales-quarter-gap": "strong",
    "sales-unhappy-client": "strong",
    "sales-new-buyer": "adequate",
    "sales-explain-value": "strong",
    "sales-price-pressure": "strong",
    "sales-cross-team-deal": "vague",
    "sales-coach-newcomer": "vague",
    "sales-cold-call": "strong",
    "backend-traffic-growth": "adequate",
    "backend-ticket-feed": "adequate",
    "backend-friday-incident": "strong",
    "backend-hardest-bug": "strong",
    "backend-tests-worth-it": "adequate",
    "backend-large-pr": "vague",
    "backend-disagreement": "vague",
    "backend-owned-end-to-end": "adequate",
}


@dataclass(frozen=True)
class LadderAnswer:
    item: JudgeInput
    language: str  # "en" | "zh"
    level: str
    split: str  # "fit" | "held_out" | "demo"
    question_key: str


def _anchors() -> dict[tuple[str, str], Anchors]:
    from hireloop.demo.content import JOBS  # the demo's dimensions, read only to evaluate

    return {
        (job.key, d.name): Anchors(d.anchor_low, d.anchor_mid, d.anchor_high, tuple(d.keywords))
        for job in JOBS
        for d in job.dimensions
    }


def ladder_answers(path: Path = LADDER_PATH) -> list[LadderAnswer]:
    """The labelled set, each answer with its dimension's anchors."""
    anchors = _anchors()
    rows = json.loads(path.read_text(encoding="utf-8"))["answers"]
    return [
        LadderAnswer(
            JudgeInput(row["question"], row["answer"], anchors[(row["job"], row["dimension"])]),
            row["language"],
            row["level"],
            row["split"],
            row["question_key"],
        )
        for row in rows
    ]


def demo_answers() -> list[LadderAnswer]:
    """The demo's sample answers with the levels of DEMO_LEVELS."""
    from hireloop.demo.content_answers import ANSWERS_BY_JOB
    from hireloop.demo.content_questions import QUESTIONS_BY_JOB

    anchors = _anchors()
    questions = {q.key: (job, q) for job, qs in QUESTIONS_BY_JOB.items() for q in qs}
    found = []
    for answers in ANSWERS_BY_JOB.values():
        for key, text in answers.items():
            job, question = questions[key]
            item = JudgeInput(question.text, text, anchors[(job, question.dimensions[0])])
            language = "zh" if question.language.startswith("zh") else "en"
            found.append(LadderAnswer(item, language, DEMO_LEVELS[key], "demo", key))
    return found


def in_band(level: str, score: float) -> bool:
    low, high = BANDS[level]
    return low <= score <= high


def hit_rates(
    answers: Sequence[LadderAnswer], scores: Sequence[float]
) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(split, language, level) -> (answers in the level's band, answers)."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for answer, score in zip(answers, scores, strict=True):
        entry = counts[(answer.split, answer.language, answer.level)]
        entry[0] += in_band(answer.level, score)
        entry[1] += 1
    return {key: (hits, total) for key, (hits, total) in counts.items()}
