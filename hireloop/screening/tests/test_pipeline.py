"""Two-stage screening as plain functions: filters, keywords, hidden keywords, semantic stage."""

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hireloop.embeddings import HashingEmbedder
from hireloop.resumes.fields import parse_resume_text
from hireloop.screening.indicators import INDICATORS, indicator_checks, job_indicators
from hireloop.screening.lexical import job_terms, tokenize
from hireloop.screening.matching import MatchResult, Requirements
from hireloop.screening.pipeline import (
    JobSpec,
    ResumeInput,
    iter_for_screening,
    read_for_screening,
    screen,
)
from hireloop.screening.semantic import MAX_PASSAGE_CHARS, MemoryCache, passages

BACKEND = JobSpec(
    title="Backend Engineer",
    description="Build Python services on PostgreSQL and lead a small team.",
    requirements=Requirements(3, 2, ["Python", "PostgreSQL"], ["Python"], ["Docker"]),
    keywords=["REST API"],
)
STRONG = """Alice Chen
Bachelor of Computer Science, 2014 - 2018
Backend Engineer, Acme, 2018.07 - 2024.06
Built Python services and a REST API on PostgreSQL; led a team of 5 engineers.
Skills: Python, PostgreSQL, Docker"""
MIDDLE = """Carol Wu
Bachelor of Arts, 2012 - 2016
Web developer, Shop, 2016.01 - 2023.01
Python scripts for reports."""
WEAK = """Bob Li
High school diploma, 2019
Shop assistant, Corner Store, 2020.01 - 2021.01
Skills: Excel, customer service"""


def resume(key: str, text: str) -> ResumeInput:
    return ResumeInput(key, text, parse_resume_text(text))


POOL = [resume("weak", WEAK), resume("strong", STRONG), resume("middle", MIDDLE)]


class CountingEmbedder(HashingEmbedder):
    """The hashing engine, counting how many texts it was asked to embed."""

    name = "counting"

    def __init__(self) -> None:
        self.texts = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += len(texts)
        return super().embed(texts)


def test_the_strong_resume_ranks_first_and_the_weak_one_last() -> None:
    ranked = screen(BACKEND, POOL, embedder=HashingEmbedder(), top_n=10)
    assert [r.key for r in ranked] == ["strong", "middle", "weak"]
    assert [r.rank for r in ranked] == [1, 2, 3]
    assert ranked[0].match.passes_filters and not ranked[2].match.passes_filters


def test_only_the_best_top_n_are_compared_semantically() -> None:
    ranked = screen(BACKEND, POOL, embedder=HashingEmbedder(), top_n=1)
    by_key = {r.key: r for r in ranked}
    assert by_key["strong"].is_semantically_compared
    assert not by_key["middle"].is_semantically_compared
    assert not by_key["weak"].is_semantically_compared
    # A stage-1-only resume keeps its lexical score, and says so.
    assert by_key["weak"].score == by_key["weak"].lexical
    assert by_key["weak"].explanation()["semantic"] is None
    assert by_key["weak"].explanation()["weights"]["final"] == {"lexical": 1.0, "semantic": 0.0}


def test_the_final_score_is_the_documented_weighted_mix() -> None:
    [strong] = [r for r in screen(BACKEND, POOL, embedder=HashingEmbedder()) if r.key == "strong"]
    assert strong.semantic is not None
    assert strong.score == round(0.7 * strong.lexical + 0.3 * strong.semantic.score, 1)
    parts = strong.parts
    expected = 0.35 * parts["requirements"] + 0.5 * parts["keywords"] + 0.15 * parts["indicators"]
    assert strong.lexical == round(expected, 1)


def test_the_explanation_reads_as_a_match_result_and_quotes_the_closest_passage() -> None:
    [strong] = [r for r in screen(BACKEND, POOL, embedder=HashingEmbedder()) if r.key == "strong"]
    data = json.loads(json.dumps(strong.explanation()))
    old = MatchResult.from_dict(data)  # what the pages read
    assert old.passes_filters and old.checks == strong.match.checks
    assert data["score"] == strong.score
    assert data["semantic"]["passage"] in passages(STRONG)
    assert data["semantic"]["embedder"] == "hashing"


def test_led_a_team_of_5_meets_leadership_with_the_line_quoted() -> None:
    [strong] = [r for r in screen(BACKEND, POOL, embedder=None) if r.key == "strong"]
    leadership = next(c for c in strong.indicators if c.requirement == "leadership")
    assert leadership.met
    assert leadership.evidence == (
        "Built Python services and a REST API on PostgreSQL; led a team of 5 engineers."
    )


def test_chinese_hidden_keywords_are_implied_and_quoted() -> None:
    lines = ["2019-2024 担任支付系统项目负责人，带领8人团队", "与产品、运营跨部门协作"]
    job = job_indicators("项目负责人，有团队管理经验，善于团队协作", [])
    names = [indicator.name for indicator in job]
    assert names == ["leadership", "project ownership", "teamwork"]
    checks = {c.requirement: c for c in indicator_checks(job, lines)}
    assert checks["leadership"].evidence == lines[0]
    assert checks["project ownership"].evidence == lines[0]
    assert checks["teamwork"].evidence == lines[1]


def test_hr_indicator_phrases_outside_the_table_are_checked_by_mention() -> None:
    job = job_indicators("", ["root cause", "团队协作"])
    assert [i.name for i in job] == ["root cause", "teamwork"]
    checks = indicator_checks(job, ["Found the root cause of the outage", "团队合作"])
    assert all(check.met for check in checks)


def test_every_indicator_has_words_or_phrases_in_both_languages() -> None:
    for indicator in INDICATORS:
        spellings = " ".join((*indicator.names, *indicator.implied))
        assert any("\u4e00" <= ch <= "\u9fff" for ch in spellings), indicator.name
        assert any(ch.isascii() and ch.isalpha() for ch in spellings), indicator.name


def test_keywords_match_synonyms_across_languages() -> None:
    job = JobSpec("数据分析师", "", Requirements(0, 0, ["data analysis"], [], []))
    ranked = screen(job, [resume("zh", "精通数据分析与Excel")], embedder=None)
    keyword = next(c for c in ranked[0].keywords if c.requirement == "data analysis")
    assert keyword.met and keyword.evidence == "精通数据分析与Excel"


def test_job_terms_weight_the_title_and_listed_skills_above_filler() -> None:
    terms = job_terms(
        title="Accountant",
        description="You will work with the team on accounts.",
        listed=["general ledger"],
        keywords=[],
    )
    weights = {term.label: term.weight for term in terms}
    assert weights["accountant"] > weights["accounts"]
    assert weights["general ledger"] > weights["accounts"]
    assert "work" not in weights and "team" not in weights  # stop words
    assert tokenize("Reconciled accounts") == ["reconcil", "account"]


def test_rescreening_with_the_same_cache_embeds_nothing_new() -> None:
    embedder, cache = CountingEmbedder(), MemoryCache()
    first = screen(BACKEND, POOL, embedder=embedder, cache=cache)
    assert embedder.texts == sum(len(passages(r.text)) for r in POOL) + 1  # + the job itself
    before = embedder.texts
    assert screen(BACKEND, POOL, embedder=embedder, cache=cache) == first
    assert embedder.texts == before + 1  # only the job's query
    added = resume("new", STRONG + "\nRedis")
    screen(BACKEND, [*POOL, added], embedder=embedder, cache=cache)
    assert embedder.texts == before + 2 + len(passages(added.text))


def test_long_lines_are_cut_into_passages_that_keep_every_word() -> None:
    text = "header\n" + " ".join(f"word{i}" for i in range(300))
    cut = passages(text)
    assert all(len(piece) <= MAX_PASSAGE_CHARS for piece in cut)
    assert " ".join(cut).split() == text.split()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("abc Python 团队协作带领5人\n.%"), max_size=120),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=0, max_value=6),
)
def test_scores_stay_between_0_and_100_and_ranks_cover_every_resume(
    texts: list[str], top_n: int
) -> None:
    pool = [resume(str(i), text) for i, text in enumerate(texts)]
    ranked = screen(BACKEND, pool, embedder=HashingEmbedder(), top_n=top_n)
    assert sorted(r.key for r in ranked) == sorted(r.key for r in pool)
    assert all(0 <= r.score <= 100 and 0 <= r.lexical <= 100 for r in ranked)
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert sum(r.is_semantically_compared for r in ranked) == min(top_n, len(pool))


def test_listed_skills_are_scored_once_by_the_keyword_part() -> None:
    only_skills = JobSpec("Analyst", "", Requirements(0, 0, ["Excel", "SQL"], [], []))
    [ranked] = screen(only_skills, [resume("a", "Excel and SQL every day")], embedder=None)
    assert set(ranked.parts) == {"keywords"}  # no degree, years, must-have or bonus asked
    assert [c.met for c in ranked.match.checks] == [True, True]  # still checked and quoted


def test_screening_ranks_and_explains_the_same_without_the_taggers() -> None:
    # read_for_screening parses in the sandbox workers without the trained taggers: what
    # screening reads (degree, years, skills, lines) must not depend on them.
    zh = "\n".join(
        [
            "张伟",
            "本科 计算机科学与技术 浙江大学 2014-2018",
            "2019.07-至今 某科技公司 后端开发，负责Python与PostgreSQL数据平台",
            "技能：Python、Docker、团队合作",
        ]
    )
    texts = {"strong": STRONG, "middle": MIDDLE, "weak": WEAK, "zh": zh}
    embedder = HashingEmbedder()

    def ranked(use_taggers: bool) -> list[dict]:  # type: ignore[type-arg]
        pool = [
            ResumeInput(key, text, parse_resume_text(text, use_taggers=use_taggers))
            for key, text in texts.items()
        ]
        return [
            r.explanation()
            for r in screen(BACKEND, pool, embedder=embedder, top_n=2, cache=MemoryCache())
        ]

    assert ranked(True) == ranked(False)


def test_files_read_in_the_sandbox_are_screened_as_they_stream_in() -> None:
    """iter_for_screening hands each resume to stage 1 as the pool's workers read it: the
    ranking is the one of the same resumes given as a list, and an unreadable file is
    reported by name without stopping the others."""
    files = [
        ("strong.txt", STRONG.encode()),
        ("broken.pdf", b"%PDF-1.7 not really"),
        ("weak.txt", WEAK.encode()),
        ("middle.txt", MIDDLE.encode()),
    ]
    unreadable: list[tuple[str, str]] = []
    streamed = screen(BACKEND, iter_for_screening(files, unreadable), embedder=HashingEmbedder())
    assert [name for name, _ in unreadable] == ["broken.pdf"] and unreadable[0][1]
    listed, failed = read_for_screening(files)
    assert failed == unreadable
    from_list = screen(BACKEND, listed, embedder=HashingEmbedder())
    assert [r.explanation() for r in streamed] == [r.explanation() for r in from_list]
    assert [r.key for r in streamed][0] == "strong.txt"


def test_passages_leave_out_the_name_and_contact_details() -> None:
    text = "\n".join(
        [
            "张伟 | 138-0013-8000 | 北京",
            "邮箱：zhang.wei@example.com  电话：+86 139 1234 5678",
            "求职意向：后端工程师，熟悉 Python 与 PostgreSQL",
        ]
    )
    cut = " ".join(passages(text))
    assert "北京" in cut and "后端工程师" in cut and "Python" in cut
    for private in ("张伟", "138", "zhang.wei", "example.com", "139", "邮箱", "电话"):
        assert private not in cut
    english = "Jane Doe\nEmail: jane@doe.dev | Phone: (415) 555-0134\nPython developer, 6 years"
    assert passages(english) == ["Python developer, 6 years"]
