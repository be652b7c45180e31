"""What the demo resumes say, as data: ten candidate profiles per job and phrase pools.

Quality varies on purpose so the ranking means something: per job two strong matches,
three good, three average, one weak one that fails a hard filter (too little experience
or too low a degree) and one that misses a must-have keyword altogether. The phrase pools
are written so that must-have and bonus keywords appear only where the tier says so.
"""

from dataclasses import dataclass

STRONG, GOOD, AVERAGE, WEAK, MISSING = "strong", "good", "average", "weak", "missing_must_have"
# How far the loader takes a candidate through the interview; "" leaves them at "applied".
COMPLETED, IN_PROGRESS = "completed", "in_progress"

# Resumes are dated as if written in this month; "至今"/"Present" ends a current job.
WRITTEN_IN = (2026, 10)


@dataclass(frozen=True)
class CandidateProfile:
    tier: str
    degree: int  # the Degree scale, 1 = high school / 中专 … 4 = master
    years: float  # of work experience
    file_format: str  # "pdf" | "docx"
    interview: str = ""  # COMPLETED, IN_PROGRESS or "" (not invited)


def _profiles(
    *rows: tuple[str, int, float], completed: int = -1, in_progress: int = -1
) -> tuple[CandidateProfile, ...]:
    """Alternate PDF and DOCX so each job has five of each."""
    states = {completed: COMPLETED, in_progress: IN_PROGRESS}
    return tuple(
        CandidateProfile(tier, degree, years, "pdf" if i % 2 == 0 else "docx", states.get(i, ""))
        for i, (tier, degree, years) in enumerate(rows)
    )


PROFILES = {
    "sales": _profiles(
        (STRONG, 3, 9),
        (STRONG, 4, 7),
        (GOOD, 3, 6),
        (GOOD, 2, 8),
        (GOOD, 3, 4),
        (AVERAGE, 3, 3.5),
        (AVERAGE, 2, 5),
        (AVERAGE, 3, 3),
        (WEAK, 3, 1.5),
        (MISSING, 2, 6),
        completed=0,
        in_progress=1,
    ),
    "backend": _profiles(
        (STRONG, 4, 8),
        (STRONG, 3, 10),
        (GOOD, 3, 5),
        (GOOD, 3, 4),
        (GOOD, 4, 3),
        (AVERAGE, 3, 3),
        (AVERAGE, 3, 6),
        (AVERAGE, 2, 7),
        (WEAK, 3, 1),
        (MISSING, 3, 6),
        completed=2,
    ),
    "service": _profiles(
        (STRONG, 3, 5),
        (STRONG, 2, 6),
        (GOOD, 2, 3),
        (GOOD, 3, 2),
        (GOOD, 2, 4),
        (AVERAGE, 2, 2),
        (AVERAGE, 3, 1.5),
        (AVERAGE, 2, 3),
        (WEAK, 1, 0.5),
        (MISSING, 2, 3),
        # No one is invited: the plan stays editable for whoever tries the demo.
    ),
}


@dataclass(frozen=True)
class ResumeKit:
    """The phrases one job's resumes are assembled from."""

    language: str  # "zh" | "en"
    target: str  # the job the candidate applies for
    companies: tuple[str, ...]
    titles: dict[str, tuple[str, str, str]]  # tier -> (junior, mid, senior)
    # tier -> achievement lines; the first always goes to the current job, so it carries
    # the must-have keywords (except for the tier that misses them).
    bullets: dict[str, tuple[str, ...]]
    summaries: dict[str, str]  # tier -> summary; {years} is filled in
    skills: dict[str, str]  # tier -> skills line
    projects: dict[str, tuple[str, ...]]  # tier -> project heading and lines
    schools: tuple[str, ...]
    majors: tuple[str, ...]
    # Optional certificate and award lines, a few drawn per candidate so that candidates of
    # one tier do not all tie; several carry a skill or bonus keyword.
    extras: tuple[str, ...]


SALES_KIT = ResumeKit(
    language="zh",
    target="销售经理",
    companies=(
        "上海云图信息技术有限公司",
        "杭州星河软件有限公司",
        "南京博远企业服务有限公司",
        "苏州启明数据科技有限公司",
        "宁波海拓网络科技有限公司",
        "合肥智联软件有限公司",
    ),
    titles={
        STRONG: ("销售代表", "大客户经理", "大客户销售主管"),
        GOOD: ("销售代表", "客户经理", "高级客户经理"),
        AVERAGE: ("销售助理", "销售代表", "客户经理"),
        WEAK: ("销售助理", "销售助理", "销售代表"),
        MISSING: ("门店销售", "店长助理", "店长"),
    },
    bullets={
        STRONG: (
            "负责华东区 B2B 大客户开拓，管理 40 余家重点客户，年销售额 1800 万元，完成率 126%",
            "作为项目负责人拿下某连锁零售集团智能客服 SaaS 项目，合同额 260 万元",
            "带教 4 名新人，团队协作打单，团队连续 6 个季度达成目标",
            "搭建 CRM 销售漏斗看板，用数据分析找到转化瓶颈，线索签约转化率从 8% 提升到 15%",
            "策划并主讲 3 场行业直播，获得销售线索 600 余条，带来签约 120 万元",
            "老客户续约率 92%，通过转介绍新增客户 11 家",
        ),
        GOOD: (
            "负责 B2B 大客户的开拓与维护，年销售额 800 万元，完成率 105%",
            "使用 CRM 管理客户跟进，定期回访老客户，续约率 85%",
            "与售前、交付同事团队协作，完成 6 个 SaaS 项目的签约落地",
            "参与大客户招标谈判，签约 3 个百万级项目",
            "负责区域渠道商拓展，新增合作伙伴 5 家",
        ),
        AVERAGE: (
            "负责 B2B 大客户的日常拜访和跟进",
            "完成公司下达的销售任务，维护客户关系",
            "整理客户资料并录入 CRM 系统",
            "协助主管参加客户谈判和合同签订",
        ),
        WEAK: (
            "跟随主管拜访 B2B 大客户，负责会议记录和资料准备",
            "电话联系意向客户，邀约到公司参观",
            "协助整理客户报价单",
        ),
        MISSING: (
            "负责商场门店的日常销售和陈列，月均销售额 30 万元",
            "接待进店顾客，介绍产品并促成购买，会员复购率 35%",
            "参与店铺促销活动策划，节假日单日销售额突破 8 万元",
            "负责门店库存盘点和补货",
        ),
    },
    summaries={
        STRONG: "{years} 年企业软件销售经验，擅长 B2B 大客户开拓与长期经营，带过 5 人销售团队。",
        GOOD: "{years} 年 B2B 销售经验，熟悉 SaaS 产品的大客户销售流程，目标感强。",
        AVERAGE: "从事销售工作 {years} 年，吃苦耐劳，沟通能力较好。",
        WEAK: "销售新人，学习能力强，希望在大客户销售方向发展。",
        MISSING: "{years} 年零售门店销售经验，熟悉门店运营和顾客接待。",
    },
    skills={
        STRONG: "销售、客户关系管理、商务谈判、CRM（销售易、Salesforce）、数据分析、演讲与直播",
        GOOD: "销售、客户关系管理、商务谈判、CRM、Excel",
        AVERAGE: "销售、客户关系维护、Excel、PPT",
        WEAK: "销售、Office 办公软件",
        MISSING: "销售、门店陈列、收银系统、Excel",
    },
    projects={
        STRONG: (
            "某连锁零售集团智能客服 SaaS 项目（项目负责人）",
            "· 协调售前、交付、财务三个部门，4 个月完成 120 家门店上线",
            "· 客户首年续约并追加采购 80 万元",
        ),
        GOOD: (
            "某物流企业客服系统升级项目",
            "· 负责商务谈判和合同签订，项目金额 150 万元",
        ),
    },
    schools=("华东师范大学", "浙江工商大学", "南京财经大学", "上海商学院", "安徽大学"),
    majors=("市场营销", "工商管理", "国际经济与贸易", "电子商务"),
    extras=(
        "熟练使用 Excel 做销售数据分析",
        "参加公司直播销售培训，完成 2 场试播",
        "大学期间担任创业大赛项目负责人",
        "全国大学生演讲比赛三等奖",
        "2023 年度区域优秀新人奖",
    ),
)

BACKEND_KIT = ResumeKit(
    language="en",
    target="Backend Engineer",
    companies=(
        "Northwind Payments",
        "Brightpath Logistics",
        "Lumen Retail Cloud",
        "Harbor Analytics",
        "Kestrel Games",
        "Tianyu Software (Shenzhen)",
    ),
    titles={
        STRONG: ("Software Engineer", "Senior Backend Engineer", "Tech Lead"),
        GOOD: ("Junior Developer", "Backend Engineer", "Senior Backend Engineer"),
        AVERAGE: ("Junior Developer", "Software Developer", "Backend Developer"),
        WEAK: ("Backend Intern", "Junior Python Developer", "Junior Python Developer"),
        MISSING: ("Java Developer", "Java Developer", "Senior Java Developer"),
    },
    bullets={
        STRONG: (
            "Led a team of 5 engineers building the order platform in Python and Django; "
            "cut p99 latency from 900 ms to 180 ms",
            "Designed an idempotent payment callback pipeline on PostgreSQL and Redis that "
            "handles 3,000 requests per second",
            "Ran the on-call rotation and wrote blameless postmortems; incidents per quarter "
            "fell from 14 to 4",
            "Mentored 3 junior engineers and wrote code review guidelines adopted by 4 teams",
            "Moved deployments to Docker and Kubernetes with a CI/CD pipeline; releases went "
            "from 2 hours to 10 minutes",
            "Maintainer of an open source Django package with 1,200 stars",
        ),
        GOOD: (
            "Built REST APIs in Python and Django for a logistics tracking product used by "
            "200 customers",
            "Wrote SQL migrations and tuned PostgreSQL indexes, cutting report queries by 60%",
            "Took part in code review and the on-call rotation",
            "Containerised services with Docker and maintained the CI/CD pipeline",
            "Added Redis caching for the busiest endpoints",
        ),
        AVERAGE: (
            "Developed backend features in Python for an internal CRM",
            "Wrote SQL queries and reports for the operations team",
            "Fixed bugs reported by QA and customers",
            "Maintained Linux servers and deployment scripts",
        ),
        WEAK: (
            "Wrote Python scripts to clean SQL data exports",
            "Helped test API endpoints and update documentation",
            "Built a small blog with Django as a course project",
        ),
        MISSING: (
            "Developed Spring Boot microservices in Java for an insurance claims system",
            "Designed MySQL schemas and Oracle stored procedures for billing",
            "Built message consumers with RabbitMQ and Redis",
            "Migrated 12 services from Java 8 to Java 17",
        ),
    },
    summaries={
        STRONG: "Backend engineer with {years} years of experience building Python services "
        "that stay fast under load; enjoys mentoring and owning systems end to end.",
        GOOD: "Backend engineer with {years} years of experience in Python, Django and PostgreSQL.",
        AVERAGE: "Software developer with {years} years of experience, mostly in Python.",
        WEAK: "Recent graduate looking for a first full-time backend role.",
        MISSING: "Java developer with {years} years of experience in enterprise systems.",
    },
    skills={
        STRONG: "Python, Django, SQL (PostgreSQL), Redis, Docker, Kubernetes, Linux, Git, English",
        GOOD: "Python, Django, SQL, PostgreSQL, Docker, Git",
        AVERAGE: "Python, SQL, MySQL, Linux",
        WEAK: "Python, SQL, Git",
        MISSING: "Java, Spring Boot, MySQL, Oracle, Redis, Kubernetes",
    },
    projects={
        STRONG: (
            "Checkout rewrite (tech lead)",
            "- Split a monolith checkout into two services with zero downtime",
            "- Added contract tests between services; failed releases dropped by half",
        ),
        GOOD: (
            "Shipment tracking API",
            "- Designed the data model and public API; 99.95% availability over a year",
        ),
    },
    schools=(
        "Zhejiang University",
        "Nanjing University",
        "University of Manchester",
        "Wuhan University",
        "University of Toronto",
        "Xiamen University",
    ),
    majors=("Computer Science", "Software Engineering", "Information Systems"),
    extras=(
        "Contributed bug fixes to an open source HTTP library",
        "Comfortable with Linux and shell scripting",
        "Certified Kubernetes Application Developer (CKAD)",
        "Speaker at a local Python meetup",
        "IELTS 7.0",
    ),
)

SERVICE_KIT = ResumeKit(
    language="zh",
    target="客服专员",
    companies=(
        "杭州优选电子商务有限公司",
        "上海易达物流有限公司",
        "苏州美家家居服务有限公司",
        "南京畅行出行科技有限公司",
        "无锡惠民生活服务有限公司",
    ),
    titles={
        STRONG: ("客服专员", "高级客服专员", "客服组长"),
        GOOD: ("客服专员", "客服专员", "高级客服专员"),
        AVERAGE: ("客服专员", "客服专员", "客服专员"),
        WEAK: ("客服实习生", "客服实习生", "客服实习生"),
        MISSING: ("前台接待", "前台接待", "前台主管"),
    },
    bullets={
        STRONG: (
            "负责投诉处理与升级工单跟进，投诉闭环率 96%，平均处理时长缩短 30%",
            "负责热线和在线渠道的客户服务，日均处理咨询 80 余通，客户满意度 98%",
            "作为项目负责人整理常见问题知识库 200 余条，一次解决率提升到 85%",
            "带教 5 名新人，团队协作完成双十一高峰期服务保障",
            "参与服务质检，连续 6 个月质检评分第一，获评季度服务之星",
        ),
        GOOD: (
            "负责在线客服咨询和投诉处理，客户满意度 95%",
            "使用 CRM 和工单系统记录并跟进客户问题，按时回复率 98%",
            "与技术支持同事团队协作，处理系统故障引发的集中咨询",
            "用 Excel 整理每周咨询数据，提出 3 项流程改进建议",
        ),
        AVERAGE: (
            "负责售后问题和投诉处理的登记",
            "负责电话客服，解答客户关于订单和物流的咨询",
            "按照话术和流程完成每日服务量",
        ),
        WEAK: (
            "协助整理投诉处理记录",
            "协助接听客户电话，记录问题并转交同事",
        ),
        MISSING: (
            "负责酒店前台接待、入住和退房办理",
            "处理住客的日常需求，协调客房部和餐饮部",
            "负责收银和对账，账目准确率 100%",
        ),
    },
    summaries={
        STRONG: "{years} 年电商客服经验，擅长安抚情绪激动的客户，普通话二级甲等，英语可日常沟通。",
        GOOD: "{years} 年客服经验，耐心细致，熟悉工单流程和常见售后问题。",
        AVERAGE: "有 {years} 年客服工作经历，性格开朗，服从安排。",
        WEAK: "应届毕业生，热爱服务行业，愿意从基层做起。",
        MISSING: "{years} 年酒店前台工作经验，形象气质佳，待人热情。",
    },
    skills={
        STRONG: "客户服务、沟通协调、投诉处理、Excel、CRM、时间管理、普通话二级甲等",
        GOOD: "客户服务、沟通、Excel、CRM、普通话",
        AVERAGE: "客户服务、沟通、Office 办公软件",
        WEAK: "沟通、Office 办公软件",
        MISSING: "前台接待、收银系统、Office 办公软件",
    },
    projects={
        STRONG: (
            "客服知识库重建项目（项目负责人）",
            "· 梳理 200 余条常见问题并按场景分类，新人上岗培训时间从 3 周缩短到 1 周",
        ),
    },
    schools=(
        "浙江经贸职业技术学院",
        "杭州职业技术学院",
        "南京工业职业技术大学",
        "苏州市职业大学",
        "上海商学院",
    ),
    majors=("电子商务", "市场营销", "商务英语", "酒店管理"),
    extras=(
        "普通话二级甲等",
        "大学英语四级",
        "参加公司服务质检评比，获季度第二名",
        "熟练使用 Excel 制作服务日报",
        "获评月度服务之星",
    ),
)

KITS = {"sales": SALES_KIT, "backend": BACKEND_KIT, "service": SERVICE_KIT}

# How many extra lines a candidate of each tier may draw (at most).
MAX_EXTRAS = {STRONG: 0, GOOD: 2, AVERAGE: 2, WEAK: 1, MISSING: 1}
