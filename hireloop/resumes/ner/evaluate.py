"""Entity-level precision, recall and F1 (exact span and type), overall and per type."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_spans(
    gold: Iterable[Sequence[Span]], predicted: Iterable[Sequence[Span]]
) -> dict[str, Score]:
    """Score aligned lists of per-sentence span lists; the key "ALL" holds the micro total.

    A prediction counts only when type, start and end all match a gold span, the
    CoNLL convention used for the published ResumeNER figures.
    """
    hits: Counter[str] = Counter()
    predicted_counts: Counter[str] = Counter()
    gold_counts: Counter[str] = Counter()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        gold_set, predicted_set = set(gold_spans), set(predicted_spans)
        for label, _, _ in gold_set:
            gold_counts[label] += 1
        for span in predicted_set:
            predicted_counts[span[0]] += 1
            if span in gold_set:
                hits[span[0]] += 1
    labels = sorted(set(gold_counts) | set(predicted_counts))
    scores = {
        label: Score(hits[label], predicted_counts[label], gold_counts[label]) for label in labels
    }
    scores["ALL"] = Score(
        sum(hits.values()), sum(predicted_counts.values()), sum(gold_counts.values())
    )
    return scores


def format_table(scores: dict[str, Score], title: str = "type") -> str:
    """Render scores as a fixed-width table, the total last."""
    rows = [f"{title:<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    ordered = [label for label in scores if label != "ALL"] + ["ALL"]
    for label in ordered:
        if label not in scores:
            continue
        score = scores[label]
        rows.append(
            f"{label:<22} {score.precision:6.4f} {score.recall:6.4f} {score.f1:6.4f} "
            f"{score.gold:6d} {score.predicted:6d}"
        )
    return "\n".join(rows)
