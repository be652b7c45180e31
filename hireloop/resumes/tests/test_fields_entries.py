"""Education, work history, projects and leadership/teamwork lines, in Chinese and English."""

from datetime import date

import pytest

from hireloop.resumes.fields import (
    Education,
    Experience,
    Indicator,
    ParsedResume,
    Project,
    parse_resume_text,
)

from .field_samples import DEVELOPMENT, HELD_OUT
from .test_fields import CHINESE_RESUME, ENGLISH_RESUME, TODAY


def jobs(resume: ParsedResume) -> list[tuple[str, str, str, str]]:
    return [(job.employer, job.title, job.start, job.end) for job in resume.experience]


def schools(resume: ParsedResume) -> list[tuple[int, str, str, str, str]]:
    return [(e.degree, e.school, e.major, e.start, e.end) for e in resume.education]


def test_chinese_education_and_jobs_come_with_their_dates() -> None:
    resume = parse_resume_text(CHINESE_RESUME, today=TODAY)
    assert schools(resume) == [
        (3, "北京理工大学", "计算机科学", "2012-09", "2016-06"),
        (4, "浙江大学", "软件工程", "2016-09", "2019-06"),
    ]
    assert jobs(resume) == [
        ("星辰科技", "后端开发", "2019-07", "2022-12"),
        ("云帆网络", "高级工程师", "2022-06", "present"),
    ]
    assert [job.months for job in resume.experience] == [41, 53]
    assert resume.experience[0].evidence.startswith("2019.07 - 2022.12 星辰科技")


def test_english_education_and_jobs_come_with_their_dates() -> None:
    resume = parse_resume_text(ENGLISH_RESUME, today=TODAY)
    assert schools(resume) == [(3, "State University", "Computer Science", "2010", "2014")]
    assert jobs(resume) == [
        ("Acme Corp", "Backend Engineer", "2015-01", "2018-06"),
        ("Globex", "Staff Engineer", "2018-03", "present"),
    ]


def test_an_indeed_style_entry_takes_title_and_company_from_the_lines_above_its_dates() -> None:
    text = """Priya Sharma
WORK EXPERIENCE
Senior Consultant
Deloitte - Bengaluru, Karnataka
June 2014 to Present
Led a team of 4 analysts on SAP migrations.
Analyst
Infosys Limited - Pune, Maharashtra
July 2011 to May 2014
EDUCATION
B.Tech in Computer Science
Pune Institute of Computer Technology - Pune, Maharashtra
2007 to 2011"""
    resume = parse_resume_text(text, today=TODAY)
    assert [(job.employer, job.title) for job in resume.experience] == [
        ("Deloitte", "Senior Consultant"),
        ("Infosys Limited", "Analyst"),
    ]
    assert schools(resume) == [
        (3, "Pune Institute of Computer Technology", "Computer Science", "2007", "2011")
    ]
    assert resume.indicators[0] == Indicator(
        "leadership", "Led a team of 4", "Led a team of 4 analysts on SAP migrations.", 4
    )


@pytest.mark.parametrize("sample", DEVELOPMENT + HELD_OUT, ids=lambda s: s.name)
def test_chinese_layouts_are_read_field_by_field(sample) -> None:  # type: ignore[no-untyped-def]
    # Written-out resumes in eight layouts: one line per job, dates above "公司 | 职位",
    # labelled fields, a table, prose as in executive bios (field_samples.py).
    resume = parse_resume_text(sample.text, today=TODAY)
    assert resume.name == sample.name
    assert [(job.employer, job.title) for job in resume.experience] == list(sample.experience)
    assert [(e.school, e.degree) for e in resume.education] == [
        (school, degree) for school, _, degree in sample.education
    ]


def test_in_chinese_prose_the_tagger_separates_employer_and_title() -> None:
    # The rules alone cut "华夏幸福职工监事" nowhere (no company suffix); the ResumeNER
    # tagger reads ORG 华夏幸福 and TITLE 职工监事.
    text = "陈明，男，1970年出生。\n2010年3月至2013年12月期间任华夏幸福职工监事。"
    assert jobs(parse_resume_text(text)) == [("华夏幸福", "职工监事", "2010-03", "2013-12")]
    rules_only = parse_resume_text(text, use_taggers=False)
    assert [(job.employer, job.start) for job in rules_only.experience] == [("", "2010-03")]


def test_the_tagger_finds_a_name_the_rules_miss() -> None:
    assert parse_resume_text("应聘岗位：产品经理\n王芳，女，1990年出生，汉族").name == "王芳"


def test_a_skills_list_is_not_taken_for_an_employer() -> None:
    resume = parse_resume_text("工作经历\n2019.07 - 2022.12 星辰科技 后端开发 熟悉Python、Django")
    assert resume.experience[0].employer == "星辰科技"


def test_projects_in_both_languages() -> None:
    chinese = parse_resume_text(
        "项目经历\n智能客服系统：基于机器学习的意图识别，准确率提升至92%。\n"
        "2021.03-2021.09 数据中台建设\n● 负责ETL与数据质量监控\n技能\nPython"
    )
    assert chinese.projects == [
        Project("智能客服系统", "基于机器学习的意图识别，准确率提升至92%。"),
        Project("数据中台建设", "负责ETL与数据质量监控"),
    ]
    english = parse_resume_text("Experience\nProject: Ledger\nAn open-source accounting library.")
    assert english.projects == [Project("Ledger", "An open-source accounting library.")]


@pytest.mark.parametrize(
    ("line", "kind", "phrase", "size"),
    [
        ("担任项目负责人，推进支付系统重构", "leadership", "项目负责人", 0),
        ("带领5人团队完成容器平台迁移", "leadership", "带领5人团队", 5),
        ("管理十二人的研发团队", "leadership", "管理十二人的研发团队", 12),
        ("9 年销售经验，带过 5 人销售团队", "leadership", "带过 5 人销售团队", 5),
        ("带教 4 名新人，团队连续 6 个季度达成目标", "leadership", "带教 4 名新人", 4),
        ("Led a team of 5 engineers to rebuild billing", "leadership", "Led a team of 5", 5),
        ("Managed 8 direct reports across two sites", "leadership", "Managed 8 direct reports", 8),
        ("Tech lead for the payments platform", "leadership", "Tech lead", 0),
        ("具备良好的团队协作精神", "teamwork", "团队协作", 0),
        ("负责跨部门沟通与需求对接", "teamwork", "跨部门沟通", 0),
        ("Worked with a cross-functional team of designers", "teamwork", "cross-functional", 0),
        ("Collaborated with data scientists on churn models", "teamwork", "Collaborated", 0),
    ],
)
def test_leadership_and_teamwork_lines_are_quoted(
    line: str, kind: str, phrase: str, size: int
) -> None:
    found = [i for i in parse_resume_text(f"Jane Doe\n{line}").indicators if i.kind == kind]
    assert found and found[0].evidence == line and found[0].team_size == size
    assert found[0].phrase.lower() == phrase.lower()


def test_lines_without_those_signals_raise_none() -> None:
    text = "LED lighting installer\nLeadership: see references\nGood at sales"
    assert [i.phrase for i in parse_resume_text(text).indicators] == []


def test_present_is_the_month_of_the_day_the_resume_is_read() -> None:
    text = "工作经历\n2024.01 - 至今 云帆网络 工程师"
    assert parse_resume_text(text, today=date(2025, 1, 31)).years_experience == 1.0
    assert parse_resume_text(text, today=date(2026, 7, 1)).years_experience == 2.5
    resume = parse_resume_text(text, today=date(2026, 7, 1))
    assert resume.read_on == "2026-07-01" and resume.experience[0].months == 30


def test_the_default_clock_is_today() -> None:
    resume = parse_resume_text("Experience\nAcme Corp, Engineer, Jan 2020 - Present")
    assert resume.read_on == date.today().isoformat()
    today = date.today()
    assert resume.experience[0].months == (today.year - 2020) * 12 + today.month - 1


def test_a_job_that_ends_in_the_future_counts_only_until_today() -> None:
    resume = parse_resume_text("工作经历\n2025.01 - 2027.12 某公司 工程师", today=date(2026, 1, 15))
    assert resume.years_experience == 1.0 and resume.experience[0].end == "2027-12"
    assert resume.experience[0].months == 12


def test_dicts_stored_before_the_new_fields_still_load() -> None:
    # A parsed resume as stored before issue 3: no education, experience, projects,
    # indicators or read_on keys.
    old = {
        "name": "张伟",
        "email": "",
        "phone": "13800138000",
        "degree": 3,
        "degree_evidence": "本科",
        "years_experience": 5.0,
        "years_evidence": "5年工作经验",
        "skills": ["Python"],
        "skill_evidence": {"Python": "熟悉Python"},
        "lines": ["张伟", "本科", "5年工作经验", "熟悉Python"],
        "language": "zh",
        "integrity": [],  # kept next to it by screening; not a field
    }
    resume = ParsedResume.from_dict(old)
    assert resume.name == "张伟" and resume.education == [] and resume.read_on == ""


def test_entries_round_trip_through_a_dict_and_ignore_unknown_keys() -> None:
    resume = parse_resume_text(CHINESE_RESUME, today=TODAY)
    data = resume.to_dict()
    data["experience"][0]["added_later"] = "ignored"
    restored = ParsedResume.from_dict(data)
    assert restored == resume
    assert isinstance(restored.experience[0], Experience)
    assert isinstance(restored.education[0], Education)
