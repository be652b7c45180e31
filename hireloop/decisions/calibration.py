"""How far people's scores sit from the AI's: pure statistics for the calibration page (M14).

A difference is the person's score minus the AI's on one dimension of one report, so a positive
mean says the interviewer is more generous than the AI and a wide spread says they read answers
differently. Neither is "wrong": the page exists so interviewers and HR can talk about it.
"""

import math
from dataclasses import dataclass

# Histogram bins of one point from -10 to +10, centred on whole numbers.
BIN_EDGES = tuple(range(-10, 11))


@dataclass(frozen=True)
class DifferenceStats:
    count: int
    mean: float  # signed: > 0 means more generous than the AI
    mean_absolute: float
    spread: float  # standard deviation
    share_beyond_threshold: float
    histogram: tuple[int, ...]  # counts per whole-number bin, index 0 is -10


def summarise_differences(differences: list[float], *, threshold: float) -> DifferenceStats:
    """Summary of signed score differences; an empty list gives zeros, not an error."""
    count = len(differences)
    if not count:
        return DifferenceStats(0, 0.0, 0.0, 0.0, 0.0, (0,) * len(BIN_EDGES))
    mean = sum(differences) / count
    variance = sum((d - mean) ** 2 for d in differences) / count
    histogram = [0] * len(BIN_EDGES)
    for difference in differences:
        index = int(math.floor(max(-10.0, min(10.0, difference)) + 0.5)) + 10
        histogram[min(index, len(BIN_EDGES) - 1)] += 1
    return DifferenceStats(
        count=count,
        mean=round(mean, 2),
        mean_absolute=round(sum(abs(d) for d in differences) / count, 2),
        spread=round(math.sqrt(variance), 2),
        share_beyond_threshold=round(sum(abs(d) > threshold for d in differences) / count, 3),
        histogram=tuple(histogram),
    )
