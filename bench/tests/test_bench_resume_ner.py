"""bench/resume_ner.py on tiny labelled files written here (never a public test split)."""

import json
from pathlib import Path

BMES = """张 B-NAME
伟 E-NAME
， O
男 O
。 O

就 O
职 O
于 O
华 B-ORG
为 M-ORG
公 M-ORG
司 E-ORG
。 O

本 B-EDU
科 E-EDU
"""
RESUMES = [
    ("Alice Smith\nalice.smith@example.com\nSoftware engineer at Acme", "Alice Smith", 0),
    ("Bob Jones\nbob@example.org\nAccountant", "Bob Jones", 0),
    ("Carol White\ncarol@example.net\nNurse at City Hospital", "Carol White", 0),
]


def write_dataturks(path: Path) -> Path:
    lines = []
    for content, name, start in RESUMES:
        end = start + len(name) - 1  # DataTurks offsets end inclusively
        points = [{"start": start, "end": end, "text": name}]
        lines.append(json.dumps({"content": content, "annotation": [
            {"label": ["Name"], "points": points}]}))  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_chinese_test_file_scores_every_sentence(bench_script, summary_of, tmp_path, capsys):
    bmes = tmp_path / "mine.bmes"
    bmes.write_text(BMES, encoding="utf-8")
    bench_script("resume_ner").main(["--lang", "zh", "--test-zh", str(bmes)])
    summary = summary_of(capsys.readouterr().out)
    assert summary["zh_data"] == "mine.bmes"
    assert summary["zh_sentences"] == "3"


def test_english_test_file_is_evaluated_whole(bench_script, summary_of, tmp_path, capsys):
    resumes = write_dataturks(tmp_path / "mine.json")
    bench_script("resume_ner").main(["--lang", "en", "--test-en", str(resumes)])
    summary = summary_of(capsys.readouterr().out)
    assert summary["en_documents"] == str(len(RESUMES))  # a 70/30 split would keep 1
    assert summary["en_part"] == "all"
