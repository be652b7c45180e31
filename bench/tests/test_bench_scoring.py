"""bench/scoring.py on tiny rated files written here (never the shared data)."""

import csv
from pathlib import Path

QUESTION = "What is a stack?"
DESIRED = "A last-in first-out data structure where elements are pushed and popped at the top."
ANSWERS = [
    ("A data structure: the last element pushed on top is the first popped.", "5"),
    ("A list where you add and remove items at the top, last in first out.", "4.5"),
    ("Something that stores data.", "2"),
    ("I do not know.", "0"),
]


def write_rated(path: Path, question_id: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question", "desired_answer", "student_answer", "score_avg"])
        writer.writerows([question_id, QUESTION, DESIRED, a, s] for a, s in ANSWERS)
    return path


def test_another_file_is_scored_row_by_row(bench_script, summary_of, tmp_path, monkeypatch, capsys):
    scoring = bench_script("scoring")
    # The shared file: a training question (1.1) and a held-out one (1.3).
    shared = write_rated(tmp_path / "shared.csv", "1.1")
    shared.write_text(
        shared.read_text() + write_rated(tmp_path / "held.csv", "1.3").read_text().split("\n", 1)[1]
    )
    monkeypatch.setattr(scoring, "DEFAULT_DATA", shared)
    other = write_rated(tmp_path / "other.csv", "9.9")  # an id the shared split never names

    scoring.main(["--data", str(other)])
    summary = summary_of(capsys.readouterr().out)
    assert summary["answers"] == str(len(ANSWERS))
    assert summary["data"] == "other.csv"
    assert float(summary["pearson"]) > 0.5

    scoring.main([])  # the default still scores the held-out questions of the shared file
    assert summary_of(capsys.readouterr().out)["answers"] == str(len(ANSWERS))
