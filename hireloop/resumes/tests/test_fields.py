import json
from datetime import date

import pytest

from hireloop.resumes.fields import (
    ParsedResume,
    canonical_skill,
    find_years,
    mentions,
    parse_resume_text,
)

CHINESE_RESUME = """个人简历
张伟
手机：+86 138-0013-8000 | 邮箱：zhang.wei@example.cn
求职意向：后端开发工程师
教育背景
2012.09 - 2016.06 北京理工大学 计算机科学 本科
2016.09 - 2019.06 浙江大学 软件工程 硕士
工作经历
2019.07 - 2022.12 星辰科技 后端开发 熟悉Python、Django、PostgreSQL
2022.06 - 至今 云帆网络 高级工程师 使用Go和k8s搭建平台，负责团队协作与跨部门沟通
技能：JS、Redis、Docker
"""

ENGLISH_RESUME = """Jane Doe
jane.doe@example.com | +1 (415) 555-0134
Summary: Good communicator, eager to go the extra mile.
Education
B.Sc. Computer Science, State University, 2010 - 2014
Experience
Acme Corp, Backend Engineer, Jan 2015 - Jun 2018
Globex, Staff Engineer, Mar 2018 – Present
Skills: JavaScript, Postgres, Docker, customer service
"""


# "至今" / "present" is read as today's month; the tests pin the day.
TODAY = date(2026, 11, 15)


@pytest.fixture(scope="module")
def chinese() -> ParsedResume:
    return parse_resume_text(CHINESE_RESUME, today=TODAY)


@pytest.fixture(scope="module")
def english() -> ParsedResume:
    return parse_resume_text(ENGLISH_RESUME, today=TODAY)


def test_chinese_contact_details(chinese: ParsedResume) -> None:
    assert chinese.name == "张伟"  # the "个人简历" heading above it is skipped
    assert chinese.email == "zhang.wei@example.cn"
    assert chinese.phone == "13800138000"
    assert chinese.language == "zh"


def test_chinese_highest_degree_wins(chinese: ParsedResume) -> None:
    assert chinese.degree == 4
    assert chinese.degree_evidence == "2016.09 - 2019.06 浙江大学 软件工程 硕士"


def test_chinese_overlapping_jobs_are_not_double_counted(chinese: ParsedResume) -> None:
    # 2019.07 → 2026.11 (present) is 88 months; the overlap and the study years do not count.
    assert chinese.years_experience == 7.3
    assert "星辰科技" in chinese.years_evidence
    assert "大学" not in chinese.years_evidence


def test_chinese_skills_use_canonical_names(chinese: ParsedResume) -> None:
    assert chinese.skills == [
        "Python",
        "Django",
        "PostgreSQL",
        "Go",
        "Kubernetes",
        "teamwork",
        "communication",
        "JavaScript",
        "Redis",
        "Docker",
    ]
    assert chinese.skill_evidence["JavaScript"] == "技能：JS、Redis、Docker"
    assert chinese.skill_evidence["Kubernetes"].startswith("2022.06 - 至今")


def test_english_contact_details(english: ParsedResume) -> None:
    assert english.name == "Jane Doe"
    assert english.email == "jane.doe@example.com"
    assert english.phone == "+1 (415) 555-0134"
    assert english.language == "en"
    assert english.degree == 3
    assert english.degree_evidence.startswith("B.Sc.")


def test_english_years_merge_overlapping_ranges(english: ParsedResume) -> None:
    # Jan 2015 → Nov 2026 is 142 months; the three months of overlap count once.
    assert english.years_experience == 11.8


def test_english_skills_with_synonyms_and_word_boundaries(english: ParsedResume) -> None:
    assert english.skills == ["JavaScript", "PostgreSQL", "Docker", "customer service"]
    assert "Go" not in english.skills  # "Good", "go the extra mile"
    assert "Java" not in english.skills  # only "JavaScript"
    assert english.skill_evidence["PostgreSQL"] == english.lines[-1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("5年工作经验，熟悉销售", 5.0),
        ("三年以上互联网运营经验", 3.0),
        ("工作经验：3年", 3.0),
        ("8+ years of professional experience in sales", 8.0),
        ("Over 6 years experience leading teams", 6.0),
        ("2019-2023 Sales Associate, Acme", 4.0),
        ("2020年3月至今 某公司 销售经理", 6.7),
        ("2015-2018 某公司\n2018年至今 十五年工作经验", 15.0),
    ],
)
def test_years_of_experience(line: str, expected: float) -> None:
    assert find_years(line.splitlines(), today=TODAY)[0] == expected


def test_explicit_statement_beats_date_ranges() -> None:
    resume = parse_resume_text("Name: Bob Smith\n2010 - 2020 Acme\n2 years of experience")
    assert resume.years_experience == 2.0
    assert resume.years_evidence == "2 years of experience"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("姓名：李娜\n电话：13912345678", "李娜"),
        ("王 芳 | 13912345678 | wang@example.com", "王芳"),
        ("Curriculum Vitae\nMary-Jane O'Neil\nmj@example.com", "Mary-Jane O'Neil"),
        ("Name: John Smith\nSales", "John Smith"),
        ("jane@example.com\nSenior engineer since 2019", ""),
    ],
)
def test_name(text: str, name: str) -> None:
    assert parse_resume_text(text).name == name


def test_phone_formats() -> None:
    assert parse_resume_text("电话：139 1234 5678").phone == "13912345678"
    assert parse_resume_text("Tel: +44 20 7946 0958").phone == "+44 20 7946 0958"
    assert parse_resume_text("2018-2021 Acme, 2021-2024 Globex").phone == ""


def test_term_matching_respects_word_boundaries() -> None:
    assert not mentions("Good at teamwork", "go")
    assert mentions("Built services in Go and Python", "golang")
    assert not mentions("JavaScript, TypeScript", "Java")
    assert mentions("熟悉Java、Python", "java")
    assert mentions("负责客户关系维护", "CRM")
    assert not mentions("MySQL", "SQL")


def test_known_skills_are_matched_case_insensitively() -> None:
    resume = parse_resume_text("熟悉sap系统和Excel", known_skills=["SAP", "js", " "])
    assert resume.skills == ["SAP", "Excel"]
    assert resume.skill_evidence["SAP"] == "熟悉sap系统和Excel"
    assert canonical_skill("K8S") == "Kubernetes"


def test_degree_keywords_in_both_languages() -> None:
    assert parse_resume_text("大专 市场营销").degree == 2
    assert parse_resume_text("PhD in Physics, 2015").degree == 5
    assert parse_resume_text("Certified Scrum Master").degree == 0
    assert parse_resume_text("no degree listed").degree_evidence == ""


def test_round_trip_through_json(chinese: ParsedResume) -> None:
    restored = ParsedResume.from_dict(json.loads(json.dumps(chinese.to_dict())))
    assert restored == chinese


def test_mostly_english_resume_with_a_chinese_name_is_english() -> None:
    text = "Zhang Wei (张伟)\nBackend engineer with Python and Django experience"
    assert parse_resume_text(text).language == "en"
