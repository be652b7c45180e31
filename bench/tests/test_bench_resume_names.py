"""bench/resume_names.py on tiny files written here (texts given through its --cache file)."""

import json


def test_titles_are_counted_and_names_scored(bench_script, summary_of, tmp_path, capsys):
    texts = {
        "SALES/1.pdf": "SALES ASSOCIATE\nSummary\nFriendly and fast.",
        "CHEF/2.pdf": "Jane Doe\njane@example.com\nSummary\nCooks.",
        "HR/3.pdf": "",  # unreadable
    }
    cache = tmp_path / "texts.json"
    cache.write_text(json.dumps(texts))
    content = "Ravi Kumar\nSenior Engineer\n"
    record = {
        "content": content,
        "annotation": [
            {"label": ["Name"], "points": [{"start": 0, "end": 9, "text": "Ravi Kumar"}]}
        ],
    }
    labelled = tmp_path / "mine.json"
    labelled.write_text(json.dumps(record) + "\n")
    bench_script("resume_names").main(
        ["--pdfs", str(tmp_path), "--cache", str(cache), "--labelled", str(labelled)]
    )
    summary = summary_of(capsys.readouterr().out)
    assert summary["pdfs"] == "3"
    assert summary["readable"] == "2"
    assert summary["returned"] == "1"  # Jane Doe; never "SALES ASSOCIATE"
    assert summary["title_heading_number"] == "0"
    assert summary["labelled_name_F1_rules"] == "1.0000"


def test_a_title_returned_as_a_name_is_counted(bench_script):
    is_bad = bench_script("resume_names").is_title_heading_or_number
    assert is_bad("SALES ASSOCIATE", "SALES ASSOCIATE", "SALES")
    assert is_bad("#47", "ABA THERAPIST", "HEALTHCARE")
    assert not is_bad("Jane Doe", "Jane Doe", "CHEF")  # the first line is the name itself
    assert not is_bad("Jane Doe", "PASTRY CHEF", "CHEF")
