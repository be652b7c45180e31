"""Resume claims that no answer supports are flagged for the interviewer (M12)."""

from hireloop.resumes.claims import check_claims, unsupported_claims

RESUME = [
    "Alice Chen",
    "Senior Engineer, Acme 2019 - present",
    "Led a team of 8 engineers through a platform migration",
    "Cut cloud costs by 30% in 2022",
    "Python, SQL, Docker",
]


def test_unsupported_leadership_and_figures_are_flagged() -> None:
    flags = unsupported_claims(RESUME, ["I fixed a bug in our payment service last year."])
    assert [(f.kind, f.claim) for f in flags] == [
        ("leadership", "Led a team of 8 engineers through a platform migration"),
        ("achievement", "Cut cloud costs by 30% in 2022"),
    ]


def test_claims_supported_by_an_answer_are_not_flagged() -> None:
    answers = [
        "I managed eight people during the migration and delegated the database work.",
        "We moved to spot instances; the bill fell by 30% within a quarter.",
    ]
    checks = check_claims(RESUME, answers)
    assert all(c.supported for c in checks) and len(checks) == 2
    assert checks[1].evidence == "the bill fell by 30% within a quarter."
    assert unsupported_claims(RESUME, answers) == []


def test_chinese_claims() -> None:
    resume = ["2018年至今 担任项目负责人，带领6人团队", "销售额提升45%", "毕业于2015年"]
    flags = unsupported_claims(resume, ["我一般会认真完成自己的工作。"])
    assert [f.kind for f in flags] == ["leadership", "achievement"]
    supported = unsupported_claims(resume, ["我带领团队分工协作，最终销售额提升了45%。"])
    assert supported == []


def test_years_and_plain_lines_are_not_claims() -> None:
    assert check_claims(["2015 - 2019 University of Leeds", "Skills: Excel, Word"], []) == []


def test_empty_inputs() -> None:
    assert unsupported_claims([], []) == [] and unsupported_claims(RESUME, [""])[0].kind
