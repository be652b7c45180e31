"""Data for the fictional people of the demo: demographics, titles, courses.

Demographics are drawn independently of every performance variable, so a fairness audit
of the demo data should find no real gap by gender, ethnicity or region.
"""

from datetime import date

GENDERS = ("female", "male")
HAN = "汉族"
HAN_SHARE = 0.91  # close to the 2020 census share of the Han population
# Minority -> provinces where it is most often from, so the pairs look plausible.
MINORITY_REGIONS = {
    "壮族": ("广西",),
    "回族": ("宁夏", "甘肃", "河南"),
    "满族": ("辽宁", "河北"),
    "维吾尔族": ("新疆",),
    "苗族": ("贵州", "湖南"),
    "土家族": ("湖南", "湖北"),
    "蒙古族": ("内蒙古",),
    "彝族": ("云南", "四川"),
    "藏族": ("西藏", "青海", "四川"),
    "朝鲜族": ("吉林",),
}
# Provinces of origin with weights: the company sits in the Yangtze delta, so nearby
# provinces are commoner, but every province appears.
PROVINCE_WEIGHTS = {
    "浙江": 14,
    "江苏": 13,
    "上海": 6,
    "安徽": 10,
    "江西": 6,
    "山东": 6,
    "河南": 7,
    "湖北": 5,
    "湖南": 5,
    "四川": 4,
    "福建": 4,
    "广东": 3,
    "河北": 3,
    "重庆": 2,
    "陕西": 2,
    "山西": 2,
    "黑龙江": 2,
    "辽宁": 2,
    "吉林": 1,
    "广西": 1,
    "贵州": 1,
    "云南": 1,
    "北京": 1,
    "天津": 1,
    "甘肃": 1,
    "内蒙古": 1,
    "新疆": 1,
    "海南": 1,
    "宁夏": 1,
    "青海": 1,
    "西藏": 1,
}
# People with English names in the demo come from abroad: region is "海外" and ethnicity,
# a category of Chinese citizenship records, is left empty (unknown to the audit).
OVERSEAS = "海外"

# Chinese mobile prefixes in common use.
MOBILE_PREFIXES = (
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "199",
)

# Career ladders per role family, level 0 first; a promotion moves one step up.
TITLES = {
    "sales": ("销售代表", "高级销售代表", "销售主管", "销售经理"),
    "engineering": ("初级工程师", "工程师", "高级工程师", "技术专家"),
    "customer_service": ("客服专员", "高级客服专员", "客服组长", "客服主管"),
}
# Employees per role family (200 in all) and the departments' English names.
HEADCOUNT = {"sales": 80, "engineering": 60, "customer_service": 60}
DEPARTMENT_OF_FAMILY = {
    "sales": "Sales",
    "engineering": "Engineering",
    "customer_service": "Customer Service",
}
# The demo job whose dimensions the archived interview results use, per role family.
JOB_OF_FAMILY = {"sales": "sales", "engineering": "backend", "customer_service": "service"}
# One dimension per family carries no information about later performance (relation e).
NON_PREDICTIVE_DIMENSION = {
    "sales": "沟通与谈判",
    "engineering": "Code quality and testing",
    "customer_service": "沟通表达",
}

# Courses: (name, hours). Everyone may take the shared ones; each family has its own.
SHARED_COURSES = (
    ("信息安全与隐私保护 Information security & privacy", 4),
    ("高效沟通 Effective communication", 8),
    ("时间管理 Time management", 6),
    ("新任主管训练营 New managers' bootcamp", 24),
)
FAMILY_COURSES = {
    "sales": (
        ("顾问式销售 Consultative selling", 16),
        ("商务谈判 Negotiation", 12),
        ("直播带货实战 Live-stream selling", 8),
        ("CRM 数据分析 CRM analytics", 6),
    ),
    "engineering": (
        ("Django 进阶 Advanced Django", 12),
        ("PostgreSQL 性能调优 Tuning", 10),
        ("Kubernetes 入门 Kubernetes basics", 16),
        ("事故复盘 Blameless postmortems", 4),
    ),
    "customer_service": (
        ("投诉处理技巧 Handling complaints", 8),
        ("情绪管理 Emotional resilience", 6),
        ("服务礼仪 Service etiquette", 4),
        ("知识库写作 Writing help articles", 6),
    ),
}

# The archive's history: six half-year review periods, 2023-H1 … 2025-H2.
HISTORY_START = date(2023, 1, 1)
HISTORY_END = date(2025, 12, 31)
HIRE_START = date(2018, 1, 1)
PERIODS = tuple(
    (
        f"{year}-H{half}",
        date(year, 1 if half == 1 else 7, 1),
        date(year, 6, 30) if half == 1 else date(year, 12, 31),
    )
    for year in (2023, 2024, 2025)
    for half in (1, 2)
)
# Promotion rounds follow each review period except the last (it ends the history).
PROMOTION_ROUNDS = tuple(
    (period, date(end.year + (end.month == 12), 1 if end.month == 12 else 7, 15))
    for period, _start, end in PERIODS[:-1]
)

# The generative model of the archive (docs/demo-data.md states it as formulas). Each
# metric is  base + slope * performance + N(0, noise),  clipped to [low, high] and rounded;
# "performance" is the employee's latent true performance, drawn from N(0, 1).
# (base, slope, noise, low, high, decimals)
RATING_MODEL = (3.3, 0.6, 0.35, 1.0, 5.0, 1)
METRIC_MODELS = {
    "sales": {
        "customer_retention": (0.72, 0.08, 0.05, 0.0, 1.0, 2),
        "cross_team": (3.2, 0.5, 0.5, 1.0, 5.0, 1),
        "quota_attainment": (1.0, 0.18, 0.12, 0.3, 2.0, 2),
    },
    "engineering": {
        "code_review_quality": (3.3, 0.5, 0.5, 1.0, 5.0, 1),
        "incidents_resolved": (4.0, 1.5, 1.5, 0.0, 20.0, 0),
        "cross_team": (3.2, 0.4, 0.5, 1.0, 5.0, 1),
    },
    "customer_service": {
        "csat": (4.1, 0.25, 0.2, 1.0, 5.0, 2),
        "first_contact_resolution": (0.75, 0.06, 0.05, 0.0, 1.0, 2),
        "empathy": (3.5, 0.5, 0.5, 1.0, 5.0, 1),
    },
}
SHARED_METRICS = {"teamwork": (3.4, 0.4, 0.5, 1.0, 5.0, 1)}
