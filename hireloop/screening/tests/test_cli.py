"""The `hireloop screen` command on real generated files, without the web app."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.test import override_settings

from hireloop.cli import main
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
ZH_STRONG = [
    "王芳",
    "邮箱：wang.fang@example.com 电话：13812345678",
    "本科 市场营销，华东师范大学，2010 - 2014",
    "8年工作经验",
    "大客户销售经理，云帆科技，2016.03 - 至今",
    "负责华东区大客户开发，超额完成年度销售目标30%，带领6人销售团队",
    "与售前、交付团队跨部门协作，维护长期客户关系，熟练使用CRM",
]
ZH_WEAK = ["李雷", "高中", "1年工作经验", "餐厅服务员，2023.01 - 2024.01", "熟悉Excel"]


@pytest.fixture(autouse=True)
def _english(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_files_folders_and_zips_are_ranked_and_explained(tmp_path, capsys):  # type: ignore[no-untyped-def]
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "strong.pdf").write_bytes(pdf_bytes(STRONG_EN_RESUME))
    (folder / "notes.md").write_text("not a resume")  # skipped: not a resume format
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("weak.docx", docx_bytes(WEAK_EN_RESUME))
        zipped.writestr("__MACOSX/._weak.docx", b"junk")
    text_resume = tmp_path / "plain.txt"
    text_resume.write_text("\n".join(STRONG_EN_RESUME[:3]), encoding="utf-8")
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(pdf_bytes(STRONG_EN_RESUME)[:200])
    out = tmp_path / "ranking.csv"

    status = main(
        ["screen", "--job", str(EXAMPLES / "job-backend.toml"),
         str(folder), str(archive), str(text_resume), str(broken), str(tmp_path / "missing.pdf"),
         "--csv", str(out)]
    )  # fmt: skip

    printed = capsys.readouterr().out
    assert status == 0
    lines = printed.splitlines()
    assert lines[0].split()[:4] == ["rank", "file", "score", "filters"]
    assert lines[1].split()[:2] == ["1", "strong.pdf"] and "passed" in lines[1]
    assert "✗ Redis" in lines[1]  # the top missed requirement, next to the met ones
    assert lines[1].count("Python") == 1  # a listed skill that is also a must-have: named once
    assert "Unreadable files (2):" in printed
    assert "cut.pdf" in printed and "missing.pdf: No such file or folder." in printed
    assert "Traceback" not in printed

    rows = read_csv(out)
    assert [Path(r["file"]).name for r in rows[:3]] == ["strong.pdf", "plain.txt", "weak.docx"]
    best = rows[0]
    assert best["passes_filters"] == "yes" and best["semantically_compared"] == "yes"
    assert "Python: “Built Python and Django services" in best["met"]
    assert "leadership: “Built Python and Django services" in best["indicators_met"]
    assert best["closest_passage"] and float(best["score"]) > float(rows[2]["score"])
    assert rows[2]["passes_filters"] == "no" and "Python" in rows[2]["missed"]
    assert {Path(r["file"]).name: r["error"] != "" for r in rows[3:]} == {
        "cut.pdf": True,
        "missing.pdf": True,
    }


def test_a_chinese_job_ranks_chinese_resumes_with_the_default_engine(tmp_path, capsys):  # type: ignore[no-untyped-def]
    (tmp_path / "wang.docx").write_bytes(docx_bytes(ZH_STRONG))
    (tmp_path / "li.pdf").write_bytes(pdf_bytes(ZH_WEAK))
    out = tmp_path / "out.csv"
    job = str(EXAMPLES / "job-sales-zh.toml")
    assert main(["screen", "--job", job, str(tmp_path), "--csv", str(out), "--top-n", "1"]) == 0
    rows = read_csv(out)
    assert [Path(r["file"]).name for r in rows] == ["wang.docx", "li.pdf"]
    assert rows[0]["semantically_compared"] == "yes" and rows[1]["semantically_compared"] == "no"
    assert "leadership: “负责华东区大客户开发" in rows[0]["indicators_met"]
    assert "teamwork: “与售前、交付团队跨部门协作" in rows[0]["indicators_met"]
    printed = capsys.readouterr().out
    assert "* not semantically compared: lexical score only" in printed


def test_a_bad_job_file_is_a_usage_error_not_a_traceback(tmp_path, capsys):  # type: ignore[no-untyped-def]
    job = tmp_path / "job.toml"
    job.write_text('title = "X"\nskills = "Python"\n', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["screen", "--job", str(job), str(tmp_path)])
    assert exit_info.value.code == 2
    assert "skills must be a list of strings" in capsys.readouterr().err
