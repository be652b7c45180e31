"""The delivery of recorded answers as a 0-10 score, from timing observations only.

It enters the overall score only with the share HR gives the job's observations
(``Job.observation_weight``, 0 by default; docs/media.md). Tone and face observations never
enter it: face detection rates vary with lighting and skin tone, and voice tone is what the
EU AI Act keeps out of recruitment, so those stay observations for people to read.

The bands are plain and published so a candidate can be told why: a conversational pace,
pauses that do not dominate the answer, few filler words.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from hireloop.media.observations import Observation

# Conversational pace (English words / Chinese characters per minute).
PACE_BANDS = {"wpm": (110.0, 190.0), "cpm": (160.0, 320.0)}
PAUSE_RATIO_FROM = 0.35  # more silence than this share of the answer costs points
FILLERS_PER_MINUTE_FROM = 4.0


@dataclass(frozen=True)
class SpokenAnswer:
    observations: list[Observation]
    duration_seconds: float


def answer_delivery(answer: SpokenAnswer) -> float:
    """10 minus published penalties (each capped) for pace, silence and fillers."""
    found = {o.key: o for o in answer.observations if o.group == "timing"}
    penalty = 0.0
    rate = found.get("speaking_rate")
    if rate is not None and isinstance(rate.value, int | float) and rate.unit in PACE_BANDS:
        low, high = PACE_BANDS[rate.unit]
        off = max(low - rate.value, rate.value - high, 0.0) / low
        penalty += min(4.0, 10.0 * off)
    pauses = found.get("pause_ratio")
    if pauses is not None and isinstance(pauses.value, int | float):
        penalty += min(3.0, max(0.0, pauses.value - PAUSE_RATIO_FROM) * 10.0)
    fillers = found.get("filler_words")
    minutes = answer.duration_seconds / 60.0
    if fillers is not None and isinstance(fillers.value, int | float) and minutes > 0:
        extra = fillers.value / minutes - FILLERS_PER_MINUTE_FROM
        penalty += min(3.0, max(0.0, extra) * 0.5)
    return round(max(0.0, 10.0 - penalty), 1)


def delivery_score(answers: Iterable[SpokenAnswer]) -> float | None:
    """The mean over the analysed recorded answers; None when there are none."""
    scores = [answer_delivery(a) for a in answers if a.observations]
    return round(sum(scores) / len(scores), 1) if scores else None


def blend(content: float, delivery: float | None, weight: float) -> float:
    """The overall score with delivery at its share; unchanged without recorded answers."""
    if delivery is None or weight <= 0:
        return content
    return round((1.0 - weight) * content + weight * delivery, 1)
