import json

import pytest

from hireloop.resumes.fields import ParsedResume, parse_resume_text
from hireloop.screening.matching import Check, MatchResult, Requirements, match_resume

STRONG = parse_resume_text(
    """李娜
lina@example.com
硕士 计算机科学
6年工作经验
精通Python、Django和PostgreSQL，熟悉JS与Docker
负责团队协作，持有PMP证书"""
)
WEAK = parse_resume_text(
    """Tom Lee
B.A. History, 2018
2 years of experience in retail sales
Some Python scripting"""
)
BACKEND = Requirements(
    min_degree=3,
    min_years=3,
    skills=["Python", "Django", "PostgreSQL", "JavaScript"],
    must_have=["Python"],
    bonus=["Docker", "项目管理"],
)


def requirements(**changes: object) -> Requirements:
    values = {"min_degree": 0, "min_years": 0, "skills": [], "must_have": [], "bonus": []}
    return Requirements(**(values | changes))  # type: ignore[arg-type]


def check_for(result: MatchResult, kind: str, requirement: str) -> Check:
    return next(c for c in result.checks if c.kind == kind and c.requirement == requirement)


def test_strong_resume_passes_and_outscores_weak_one() -> None:
    strong, weak = match_resume(STRONG, BACKEND), match_resume(WEAK, BACKEND)
    assert strong.passes_filters
    assert strong.score == 100.0
    assert not weak.passes_filters  # a bachelor's degree, but only 2 of 3 years
    assert weak.score < strong.score
    assert 0 < weak.score < 50


def test_js_in_the_resume_meets_javascript() -> None:
    check = check_for(match_resume(STRONG, BACKEND), "skill", "JavaScript")
    assert check.met
    assert check.evidence == "精通Python、Django和PostgreSQL，熟悉JS与Docker"


def test_evidence_quotes_a_real_resume_line() -> None:
    result = match_resume(STRONG, BACKEND)
    assert result.met
    for check in result.met:
        for quoted in check.evidence.split("; "):
            assert quoted in STRONG.lines
    assert check_for(result, "degree", "bachelor's degree or higher").evidence == "硕士 计算机科学"
    assert check_for(result, "bonus", "项目管理").evidence == "负责团队协作，持有PMP证书"


def test_missing_must_have_fails_the_filters() -> None:
    result = match_resume(STRONG, requirements(must_have=["Python", "Java"]))
    assert not result.passes_filters
    java = check_for(result, "must_have", "Java")
    assert not java.met
    assert java.evidence == ""
    assert result.missed == [java]


def test_degree_and_years_are_hard_filters() -> None:
    assert not match_resume(WEAK, requirements(min_degree=4)).passes_filters
    assert not match_resume(WEAK, requirements(min_years=3)).passes_filters
    assert match_resume(WEAK, requirements(min_degree=3, min_years=2)).passes_filters


def test_missed_skills_lower_the_score_but_are_not_filters() -> None:
    result = match_resume(WEAK, requirements(skills=["Python", "Kubernetes"]))
    assert result.passes_filters
    assert result.score == 50.0  # skills are the only category, so they carry all the weight


def test_years_earn_partial_credit_in_the_score() -> None:
    two_of_four = match_resume(WEAK, requirements(min_years=4))
    assert not two_of_four.passes_filters
    assert two_of_four.score == 50.0


def test_weights_are_redistributed_across_used_categories() -> None:
    # Skills 45 and bonus 15 only: all skills met, no bonus -> 45 / 60.
    result = match_resume(WEAK, requirements(skills=["Python"], bonus=["Kubernetes"]))
    assert result.score == 75.0


def test_a_job_without_requirements_matches_fully() -> None:
    result = match_resume(WEAK, requirements(skills=[" ", ""]))
    assert result == MatchResult(score=100.0, passes_filters=True, checks=[])


def test_repeated_requirements_are_checked_once() -> None:
    result = match_resume(STRONG, requirements(skills=["Python", "python ", "Docker"]))
    assert [c.requirement for c in result.checks] == ["Python", "Docker"]


def test_english_keywords_respect_word_boundaries() -> None:
    resume = parse_resume_text("Good communicator\nJavaScript developer")
    result = match_resume(resume, requirements(must_have=["Go", "Java"]))
    assert result.missed == result.checks
    assert not result.passes_filters


@pytest.mark.parametrize("resume", [STRONG, WEAK])
def test_round_trip_through_json(resume: ParsedResume) -> None:
    result = match_resume(resume, BACKEND)
    assert MatchResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result
