"""Varied synthetic resumes for bench/screening.py part (a): PDF and DOCX, Chinese and English,
one to two pages. Seeded, so every run screens the same files."""

import io
import random

from faker import Faker
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from hireloop.testing.documents import CJK_FONT, docx_bytes, pdf_bytes

EN_SKILLS = [
    "Python", "Django", "PostgreSQL", "Docker", "Redis", "Kubernetes", "AWS", "Java", "Go",
    "JavaScript", "React", "MySQL", "Linux", "Git", "Excel", "SQL", "machine learning",
    "data analysis", "Spring Boot", "Node.js", "REST API", "microservices",
]  # fmt: skip
ZH_SKILLS = [
    "Python", "Django", "PostgreSQL", "Docker", "Redis", "Java", "MySQL", "Linux", "销售",
    "客户关系", "谈判", "沟通能力", "团队合作", "数据分析", "市场营销", "项目管理", "英语",
    "CRM", "Excel", "机器学习", "自动化测试",
]  # fmt: skip
EN_ROLES = [
    "Backend Engineer",
    "Software Developer",
    "Data Analyst",
    "QA Engineer",
    "Sales Representative",
    "DevOps Engineer",
    "Product Manager",
    "Accountant",
]
ZH_ROLES = [
    "后端工程师",
    "软件开发工程师",
    "数据分析师",
    "测试工程师",
    "大客户销售经理",
    "运维工程师",
    "产品经理",
    "会计",
]
EN_DEGREES = [
    "Bachelor of Computer Science",
    "Master of Software Engineering",
    "B.A. Economics",
    "Associate degree in IT",
    "PhD in Computer Science",
]
ZH_DEGREES = [
    "本科 计算机科学与技术",
    "硕士 软件工程",
    "大专 市场营销",
    "本科 经济学",
    "博士 人工智能",
]
EN_BULLETS = [
    "Built {skill} services handling {n} million requests a day.",
    "Led a team of {k} engineers to deliver the {product} migration on time.",
    "Reduced page load time by {p}% by caching hot queries in {skill}.",
    "Collaborated with product and operations teams on the {product} roadmap.",
    "Owned the {product} project end to end, from design review to release.",
    "Troubleshot production incidents and wrote root-cause reports.",
    "Exceeded the quarterly sales quota by {p}% across {k} key accounts.",
    "Presented results to stakeholders every month.",
    "Automated reporting in {skill}, saving {k} hours a week.",
    "Mentored {k} junior colleagues and reviewed code daily.",
]
ZH_BULLETS = [
    "负责{product}系统的设计与开发，使用{skill}，日均请求{n}百万次。",
    "带领{k}人团队完成{product}迁移，按期上线。",
    "通过{skill}优化查询，页面加载时间降低{p}%。",
    "与产品、运营团队跨部门协作，推进{product}项目。",
    "担任{product}项目负责人，主导需求评审到上线全过程。",
    "排查线上故障并撰写根因分析报告。",
    "超额完成季度销售目标{p}%，维护{k}家大客户。",
    "每月向管理层汇报项目进展。",
    "使用{skill}实现报表自动化，每周节省{k}小时。",
    "指导{k}名新人，负责日常代码评审。",
]
PRODUCTS = ["billing", "logistics", "search", "CRM", "payments", "warehouse", "analytics"]


def resume_lines(rng: random.Random, index: int) -> tuple[list[str], str]:
    """Lines of one resume and its language; about a third run onto a second page."""
    is_zh = index % 2 == 1
    fake = Faker("zh_CN" if is_zh else "en_US")
    fake.seed_instance(index)
    skills = rng.sample(ZH_SKILLS if is_zh else EN_SKILLS, rng.randint(3, 8))
    years = rng.randint(0, 12)
    roles = ZH_ROLES if is_zh else EN_ROLES
    bullets = ZH_BULLETS if is_zh else EN_BULLETS
    lines = [
        fake.name(),
        f"{'邮箱' if is_zh else 'Email'}: {fake.ascii_email()}  {'电话' if is_zh else 'Phone'}: "
        f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
        f"{'求职意向' if is_zh else 'Objective'}: {rng.choice(roles)}",
        f"{years}年工作经验" if is_zh else f"{years} years of experience",
        "教育背景" if is_zh else "Education",
        f"{rng.choice(ZH_DEGREES if is_zh else EN_DEGREES)}, {fake.company()}, "
        f"{2000 + rng.randint(0, 15)} - {2004 + rng.randint(0, 15)}",
        "工作经历" if is_zh else "Experience",
    ]
    for job in range(rng.randint(1, 4)):
        start = 2024 - years + job * 2
        lines.append(f"{rng.choice(roles)}, {fake.company()}, {start}.0{rng.randint(1, 9)} - "
                     f"{start + 2}.0{rng.randint(1, 9)}")  # fmt: skip
        for _ in range(rng.randint(2, 6)):
            lines.append(
                rng.choice(bullets).format(
                    skill=rng.choice(skills), product=rng.choice(PRODUCTS),
                    n=rng.randint(1, 90), k=rng.randint(2, 12), p=rng.randint(5, 60),
                )
            )  # fmt: skip
    lines.append(("技能: " if is_zh else "Skills: ") + ", ".join(skills))
    if rng.random() < 0.35:  # a second page: projects and publications
        lines.append("项目经历" if is_zh else "Projects")
        lines += [fake.sentence(nb_words=14) for _ in range(rng.randint(30, 45))]
    return lines, "zh" if is_zh else "en"


def resume_files(count: int, seed: int = 7) -> list[tuple[bytes, str]]:
    """count (bytes, file name) pairs, alternating PDF and DOCX, Chinese and English."""
    rng = random.Random(seed)
    files = []
    for index in range(count):
        lines, language = resume_lines(rng, index)
        if index % 4 in (0, 3):
            data = pdf_bytes(lines) if len(lines) <= 44 else _pdf_pages(lines)
            files.append((data, f"{index:05d}-{language}.pdf"))
        else:
            files.append((docx_bytes(lines), f"{index:05d}-{language}.docx"))
    return files


def _pdf_pages(lines: list[str]) -> bytes:
    """pdf_bytes() with page breaks: documents.py draws one page only."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(CJK_FONT, 11)
    y = 800
    for line in lines:
        if y < 50:
            page.showPage()
            page.setFont(CJK_FONT, 11)
            y = 800
        page.drawString(50, y, line[:95])
        y -= 18
    page.save()
    return buffer.getvalue()
