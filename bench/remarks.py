"""Precision and recall of the room's follow-up trigger on the labelled answers (M8, issue 14).

    python bench/remarks.py [--data FILE]

Each answer of hireloop/assessment/tests/data/remark_answers.json (or FILE, of the same format)
is read by feedback.what_the_answer_shows, the reading QuickFeedback decides its follow-up from:
vague (asks for an example), has an example, has a result (an example without one is asked what
came of it), off topic (asked to link it to the question). Printed per split (dev: the rules
and constants were chosen on it; held_out: written with it and never consulted while choosing;
held_out_2: written after the rules were frozen), language and label. The SUMMARY line gives the
lowest precision and recall of each split and whether every figure reaches the 0.8 target.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hireloop.settings")

import django  # noqa: E402

django.setup()

from hireloop.assessment.tests import remark_set  # noqa: E402

TARGET = 0.8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=remark_set.DATA_PATH)
    args = parser.parse_args()
    remark_set.DATA_PATH = args.data
    rows = remark_set.load_remark_set()
    started = time.perf_counter()
    found = remark_set.agreements(rows)
    per_answer_ms = (time.perf_counter() - started) / max(1, len(rows)) * 1000
    print(f"{'split':<11} {'language':<8} {'label':<12} {'n+':>4} {'P':>5} {'R':>5}")
    for a in found:
        print(
            f"{a.split:<11} {a.language:<8} {a.label:<12} {a.positives:>4} "
            f"{a.precision:>5.2f} {a.recall:>5.2f}"
        )
    summary = [f"answers={len(rows)}", f"ms_per_answer={per_answer_ms:.2f}"]
    for split in dict.fromkeys(a.split for a in found):
        chosen = [a for a in found if a.split == split]
        low_p = min(a.precision for a in chosen)
        low_r = min(a.recall for a in chosen)
        summary.append(f"{split}_min_precision={low_p:.2f} {split}_min_recall={low_r:.2f}")
    reached = all(min(a.precision, a.recall) >= TARGET for a in found)
    print(f"SUMMARY remarks target={TARGET} all_reached={reached} " + " ".join(summary))


if __name__ == "__main__":
    main()
