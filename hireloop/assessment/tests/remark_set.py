"""The labelled answers of data/remark_answers.json, with each answer's question resolved.

Shared by the follow-up trigger's tests and bench/remarks.py. A question is a demo question's key
(hireloop/demo/questions) or "template:<n>:<dimension>", the n-th generated question about that
dimension (interviews.question_templates), whose anchor is the dimension's and unknown here.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hireloop.demo.content_questions import QUESTIONS_BY_JOB
from hireloop.interviews.question_templates import questions_for

DATA_PATH = Path(__file__).with_name("data") / "remark_answers.json"
LABELS = ("vague", "has_example", "has_result", "off_topic")
SPLITS = ("dev", "held_out", "held_out_2")
LANGUAGES = ("zh-hans", "en")


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    language: str
    split: str
    question: str
    anchor_high: str
    answer: str
    labels: dict[str, bool]


@cache
def _demo_questions() -> dict[str, tuple[str, str]]:
    return {q.key: (q.text, q.anchor_high) for qs in QUESTIONS_BY_JOB.values() for q in qs}


def _question(key: str, language: str) -> tuple[str, str]:
    if key.startswith("template:"):
        _, index, dimension = key.split(":", 2)
        return questions_for(dimension, language)[int(index)], ""
    return _demo_questions()[key]


def load_remark_set(split: str | None = None) -> list[LabelledAnswer]:
    """The labelled answers, of one split or all."""
    rows = json.loads(DATA_PATH.read_text(encoding="utf-8"))["answers"]
    answers = []
    for row in rows:
        if split is not None and row["split"] != split:
            continue
        question, anchor_high = _question(row["question"], row["language"])
        answers.append(
            LabelledAnswer(
                id=row["id"],
                language=row["language"],
                split=row["split"],
                question=question,
                anchor_high=anchor_high,
                answer=row["answer"],
                labels={label: bool(row[label]) for label in LABELS},
            )
        )
    return answers


@dataclass(frozen=True)
class Agreement:
    """Precision and recall of one predicted label against the hand labels."""

    label: str
    language: str
    split: str
    positives: int
    true_positives: int
    predicted: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 0.0


def predicted_labels(row: LabelledAnswer) -> dict[str, bool]:
    """What the room's follow-up trigger reads in the answer (feedback.what_the_answer_shows)."""
    from hireloop.assessment.feedback import what_the_answer_shows

    shown = what_the_answer_shows(
        question=row.question, answer=row.answer, anchor_high=row.anchor_high
    )
    return {
        "vague": shown.is_vague,
        "has_example": shown.has_example,
        "has_result": shown.has_result,
        "off_topic": shown.is_off_topic,
    }


def agreements(rows: list[LabelledAnswer]) -> list[Agreement]:
    """Per split, language and label: how often the trigger's reading matches the labels."""
    predictions = {row.id: predicted_labels(row) for row in rows}
    found = []
    for split in sorted({row.split for row in rows}, key=lambda s: (s != "dev", s)):
        for language in LANGUAGES:
            chosen = [r for r in rows if r.split == split and r.language == language]
            for label in LABELS:
                gold = [r.labels[label] for r in chosen]
                guess = [predictions[r.id][label] for r in chosen]
                found.append(
                    Agreement(
                        label=label,
                        language=language,
                        split=split,
                        positives=sum(gold),
                        true_positives=sum(g and p for g, p in zip(gold, guess, strict=True)),
                        predicted=sum(guess),
                    )
                )
    return found
