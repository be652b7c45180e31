"""A job's terms are the words of its own text: whole Chinese words, never character pairs."""

from hireloop.resumes.fields import parse_resume_text
from hireloop.screening.lexical import job_terms
from hireloop.screening.matching import Requirements
from hireloop.screening.pipeline import JobSpec, ResumeInput, screen

SALES_DESCRIPTION = (
    "负责华东区企业客户（B2B）的开拓和经营，带领 3–5 人的小团队完成季度目标，"
    "与售前、交付同事一起为客户落地智能客服 SaaS 方案。"
)
SALES = JobSpec(
    title="销售经理",
    description=SALES_DESCRIPTION,
    requirements=Requirements(2, 3, ["销售", "客户关系", "CRM"], ["大客户"], ["项目负责人"]),
)
SERVICE = JobSpec(
    title="客服专员",
    description="通过热线和在线渠道为商户解答问题、处理投诉，跟进工单；"
    "handle complaints in customer-service shifts.",
    requirements=Requirements(2, 1, ["客户服务", "Excel"], ["投诉处理"], []),
)
BACKEND = JobSpec(
    title="Backend Engineer",
    description="Build Python services on PostgreSQL with background workers and Redis.",
    requirements=Requirements(3, 2, ["Python", "Django"], ["SQL"], []),
)
# Character pairs across word boundaries that bigrams made of SALES_DESCRIPTION.
CROSS_WORD_PAIRS = {"区企", "拓和", "和经", "人的", "的小", "小团", "户的", "的开", "领人", "与售"}


def labels_of(job: JobSpec) -> set[str]:
    required = job.requirements
    terms = job_terms(
        title=job.title,
        description=job.description,
        listed=[*required.skills, *required.must_have, *required.bonus],
        keywords=job.keywords,
    )
    return {term.label for term in terms}


def resume(key: str, text: str) -> ResumeInput:
    return ResumeInput(key, text, parse_resume_text(text))


def test_a_chinese_job_gives_whole_words_and_no_pairs_across_words() -> None:
    labels = labels_of(SALES)
    assert {"客户", "华东区", "开拓", "经营", "团队", "季度", "售前", "交付"} <= labels
    assert not labels & CROSS_WORD_PAIRS
    assert "的" not in "".join(labels)  # a function word is no term, nor part of one


def test_known_skills_stay_whole_in_chinese_text() -> None:
    job = JobSpec(
        "报表专员",
        "负责数据分析和经营报表，熟悉Python，注重团队协作，担任项目负责人。",
        Requirements(0, 0, [], [], ["项目负责人"]),  # listed, though not in the skills table
    )
    labels = labels_of(job)
    assert {"数据分析", "团队协作", "项目负责人", "python", "报表"} <= labels
    assert not labels & {"数据", "分析", "协作", "负责人", "据分", "析和"}


def test_a_jobs_terms_come_only_from_its_own_text() -> None:
    jobs = {"sales": SALES, "service": SERVICE, "backend": BACKEND}
    texts = {
        key: " ".join((job.title, job.description, str(job.requirements))).lower()
        for key, job in jobs.items()
    }
    for key, job in jobs.items():
        for label in labels_of(job):
            assert label.lower() in texts[key], (key, label)
    assert not labels_of(BACKEND) & {"customer-service", "shifts", "complaints", "客服", "投诉"}


def test_chinese_job_words_match_a_resume_and_quote_its_line() -> None:
    job = JobSpec(
        "销售经理", "负责华东区企业客户的开拓和经营。", Requirements(0, 0, ["客户关系"], [], [])
    )
    line = "2019-2024 在华东区开拓企业客户，带领销售团队"
    ranked = screen(job, [resume("zh", f"王芳\n{line}\n技能：CRM")], embedder=None)
    checks = {check.requirement: check for check in ranked[0].keywords}
    assert set(checks) == {"销售", "经理", "华东区", "企业", "客户", "开拓", "经营", "客户关系"}
    assert checks["开拓"].met and checks["开拓"].evidence == line
    assert checks["客户关系"].met  # through its synonym "CRM"


def test_skills_the_description_names_are_searched_with_the_taxonomy_spellings() -> None:
    """The query is expanded from the bilingual skills taxonomy (resumes/fields.py): a job
    that asks for "data analytics" in its text is met by 数据分析 and "data analysis"."""
    job = JobSpec(
        title="Analyst",
        description="You will own data analytics for the sales team.",
        requirements=Requirements(0, 0, [], [], []),
    )
    phrases = {t.text for t in job_terms(title=job.title, description=job.description,
                                         listed=[], keywords=[]) if t.is_phrase}  # fmt: skip
    assert "data analysis" in phrases
    chinese = ResumeInput("zh", "负责数据分析报表", parse_resume_text("负责数据分析报表"))
    unrelated = ResumeInput("other", "负责仓库盘点", parse_resume_text("负责仓库盘点"))
    ranked = screen(job, [unrelated, chinese], embedder=None)
    assert ranked[0].key == "zh"
    assert any(c.met and c.requirement == "data analysis" for c in ranked[0].keywords)
