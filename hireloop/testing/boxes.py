"""Boxes (left, top, right, bottom) of drawn text: the checks the chart tests share, whether
the boxes come from font metrics (assessment's radar tests) or from a browser's layout."""

from collections.abc import Sequence

Box = Sequence[float]


def overlap(a: Box, b: Box, slack: float = 0.0) -> bool:
    """Whether two boxes overlap by more than ``slack`` on both axes."""
    return (
        a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack
    )


def outside(box: Box, frame: Box, slack: float = 0.0) -> bool:
    """Whether the box reaches more than ``slack`` beyond the frame on any side."""
    return (
        box[0] < frame[0] - slack
        or box[1] < frame[1] - slack
        or box[2] > frame[2] + slack
        or box[3] > frame[3] + slack
    )


def union(boxes: Sequence[Box]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def clashes(boxes: Sequence[Box], slack: float = 0.0) -> list[tuple[int, int]]:
    """The pairs of boxes (by index) that overlap."""
    return [
        (i, j)
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if overlap(boxes[i], boxes[j], slack)
    ]
