"""bench/screening.py part (b) on a tiny folder of resumes written here."""

import json

RESUMES = {
    "ACCOUNTANT": "Staff accountant: general ledger, reconciliation, accounts payable, month-end "
    "close, audit, tax, GAAP, QuickBooks, financial statements, Excel. CPA.",
    "ADVOCATE": "Advocate: litigation, legal research, case law, drafting pleadings, motions and "
    "contracts, court appearances, legal opinions, client counselling.",
    "AGRICULTURE": "Agronomist: crop production, irrigation, soil health, planting and harvest, "
    "pest control, fertilizer, farm equipment, field records.",
}


def test_categories_without_resumes_stay_out_of_the_means(
    bench_script, summary_of, tmp_path, capsys
):
    data, cache = tmp_path / "resumes", tmp_path / "cache"
    texts = {}
    for category, text in RESUMES.items():
        for n in range(2):
            path = data / category / f"{n}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"%PDF-1.4 stand-in: its text is in the cache")
            texts[str(path)] = f"{category}\n{text}"  # the bench drops the first line
    cache.mkdir()
    (cache / "texts.json").write_text(json.dumps(texts))

    bench_script("screening").main(
        ["--part", "b", "--data", str(data), "--embedders", "", "--cache-dir", str(cache)]
    )
    output = capsys.readouterr().out
    summary = summary_of(output)
    assert summary["categories"] == "3"
    # Each category ranks its own two resumes first: a perfect mean, not 3 jobs of 24.
    assert summary["ndcg10_bm25"] == "1.000"
    # Per category against BM25, wins and losses, a bootstrap interval; and the
    # cross-validation (5 seeds x 4 folds) reports its held-out figures.
    assert "lexical vs bm25: mean" in output and "95% bootstrap interval" in output
    assert summary["cv_folds"] == "20"
    assert float(summary["cv_test"]) == float(summary["cv_test_bm25"]) == 1.0
    assert summary["cv_wins"] == "0" and summary["cv_losses"] == "0"
