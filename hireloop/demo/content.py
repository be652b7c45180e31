"""The demo organisation, its staff and its three jobs, as data.

Chinese jobs are written in Chinese and the English job in English, because the scorer
compares answers with the anchors and keywords in the job's own language.
"""

from dataclasses import dataclass
from decimal import Decimal

from hireloop.accounts.roles import Role
from hireloop.jobs.enums import Degree, Language
from hireloop.jobs.services import DimensionSpec

ORGANISATION = {"name": "云帆科技", "name_en": "Yunfan Technology", "compliance_profile": "cn"}
BRANDING = {
    "slogan": "让每一次面试都更公平",
    "slogan_en": "Fairer interviews, every time",
    # 6.7:1 against white text, above the 4.5:1 WCAG AA asks for (a test checks it).
    "primary_colour": "#0b5cab",
}
DEMO_PASSWORD = "hireloop-demo"  # noqa: S105 - published in docs/demo-data.md on purpose


@dataclass(frozen=True)
class DepartmentContent:
    name: str
    name_en: str
    role_family: str  # the Employee.role_family of everyone in it
    teams: tuple[tuple[str, str], ...]  # (name, English name)


DEPARTMENTS = (
    DepartmentContent(
        "销售部",
        "Sales",
        "sales",
        (("华东大客户组", "East China Key Accounts"), ("渠道与电商组", "Channels & E-commerce")),
    ),
    DepartmentContent(
        "技术部",
        "Engineering",
        "engineering",
        (("平台后端组", "Platform Backend"), ("数据与基础设施组", "Data & Infrastructure")),
    ),
    DepartmentContent(
        "客户服务部",
        "Customer Service",
        "customer_service",
        (("热线服务组", "Hotline Support"), ("在线服务组", "Online Support")),
    ),
)


@dataclass(frozen=True)
class StaffContent:
    username: str
    display_name: str
    email: str
    role: str | None  # the role group; None for the superuser
    is_staff: bool = False
    is_superuser: bool = False


STAFF = (
    StaffContent(
        "hr_admin", "李娜 Li Na (HR)", "hr_admin@yunfan.example.com", Role.HR_ADMIN, is_staff=True
    ),
    StaffContent(
        "recruiter",
        "王磊 Wang Lei (招聘 Recruiter)",
        "recruiter@yunfan.example.com",
        Role.RECRUITER,
        is_staff=True,
    ),
    StaffContent(
        "interviewer",
        "陈静 Chen Jing (面试官 Interviewer)",
        "interviewer@yunfan.example.com",
        Role.INTERVIEWER,
    ),
    StaffContent(
        "auditor",
        "赵敏 Zhao Min (审计 Auditor)",
        "auditor@yunfan.example.com",
        Role.AUDITOR,
        is_staff=True,
    ),
    StaffContent(
        "admin",
        "系统管理员 System Admin",
        "admin@yunfan.example.com",
        None,
        is_staff=True,
        is_superuser=True,
    ),
)


@dataclass(frozen=True)
class JobContent:
    key: str  # how the other content modules refer to this job
    title: str
    language: str
    department: str  # DepartmentContent.name_en
    team: int  # index into the department's teams
    description: str
    min_degree: int
    min_years: int
    skills: tuple[str, ...]
    must_have: tuple[str, ...]
    bonus: tuple[str, ...]
    dimensions: tuple[DimensionSpec, ...]
    # Access tests rely on the interviewer user NOT being on the customer service job.
    has_demo_interviewer: bool


SALES_DIMENSIONS = (
    DimensionSpec(
        name="客户开拓与成交",
        weight=Decimal("35"),
        description="主动寻找并推进商机，把客户需求转化为签约和回款。",
        anchor_low="等客户上门，说不清自己的销售流程；谈成交只讲关系或运气，没有业绩数字。",
        anchor_mid="能讲清线索、拜访、方案、报价的跟进过程，有业绩数字，但很少分析丢单原因。",
        anchor_high="有系统的开拓方法，按潜力给客户分层并管理销售漏斗，用转化率和回款说明结果，"
        "会复盘输单原因并调整打法。",
        keywords=["线索", "拜访", "商机", "漏斗", "转化", "签约", "成交", "回款", "复盘"],
    ),
    DimensionSpec(
        name="客户关系经营",
        weight=Decimal("30"),
        description="经营长期客户关系，提升续约、复购和转介绍。",
        anchor_low="签单后就不再联系客户，把客户关系理解为请客吃饭。",
        anchor_mid="有定期回访的习惯，能处理一般的售后问题，但缺少主动挖掘新需求的例子。",
        anchor_high="把客户成功当作自己的目标：主动发现新需求，协调内部资源解决问题，"
        "用续约率、复购或转介绍说明结果。",
        keywords=["回访", "续约", "复购", "转介绍", "信任", "长期", "满意度", "客户成功"],
    ),
    DimensionSpec(
        name="沟通与谈判",
        weight=Decimal("20"),
        description="听懂客户，讲清价值，在谈判中守住底线并争取双赢。",
        anchor_low="只背产品功能，遇到价格异议就直接降价。",
        anchor_mid="先了解需求再介绍方案，能处理常见异议，但让步时没有换回条件。",
        anchor_high="通过提问找到决策人和真实痛点，用客户的语言讲价值；谈判有底线、"
        "有交换条件，最终达成双赢。",
        keywords=["倾听", "提问", "痛点", "价值", "异议", "决策人", "让步", "双赢"],
    ),
    DimensionSpec(
        name="团队协作与带领",
        weight=Decimal("15"),
        description="与售前、交付等同事一起打单，并带出能打仗的团队。",
        anchor_low="只关注个人业绩，和同事有分歧时推给别人。",
        anchor_mid="能配合售前和交付同事推进项目，愿意分享经验，但很少主动带人。",
        anchor_high="主动协调跨部门资源，担任项目负责人，带教新人并让团队整体业绩提升。",
        keywords=["团队协作", "跨部门", "带教", "分享", "协调", "项目负责人", "团队"],
    ),
)

BACKEND_DIMENSIONS = (
    DimensionSpec(
        name="System design",
        weight=Decimal("30"),
        description="Designs services that stay correct and fast as load grows.",
        anchor_low="Names technologies without saying why; no numbers about load or latency; "
        "ignores failure cases.",
        anchor_mid="Explains a reasonable design with caching or queues and one trade-off, "
        "but measures little and says little about failure.",
        anchor_high="Starts from requirements and measured bottlenecks, compares alternatives "
        "with their trade-offs, designs for failure (idempotency, retries, back-pressure) "
        "and verifies the result with metrics.",
        keywords=[
            "latency",
            "throughput",
            "cache",
            "queue",
            "index",
            "trade-off",
            "idempotent",
            "bottleneck",
            "scalability",
        ],
    ),
    DimensionSpec(
        name="Debugging and incident response",
        weight=Decimal("25"),
        description="Restores service calmly, finds root causes and prevents repeats.",
        anchor_low="Guesses at causes, changes several things at once, does not communicate "
        "during an outage.",
        anchor_mid="Follows logs and metrics to a cause and fixes it, with some communication, "
        "but no follow-up to prevent a repeat.",
        anchor_high="Mitigates first (rollback, feature flag), communicates status regularly, "
        "narrows the cause with evidence from dashboards and traces, then writes a blameless "
        "postmortem with action items that prevent recurrence.",
        keywords=[
            "rollback",
            "root cause",
            "logs",
            "metrics",
            "monitoring",
            "alert",
            "postmortem",
            "mitigate",
            "on-call",
        ],
    ),
    DimensionSpec(
        name="Code quality and testing",
        weight=Decimal("20"),
        description="Writes code others can change safely, backed by the right tests.",
        anchor_low="Sees tests as optional, ships large unreviewed changes.",
        anchor_mid="Writes unit tests for new code and takes part in code review, "
        "without a clear view of which tests matter most.",
        anchor_high="Chooses the test level by risk (unit, integration, contract), keeps changes "
        "small and reviewable, refactors with tests in place and gives constructive reviews.",
        keywords=[
            "unit test",
            "integration test",
            "code review",
            "refactor",
            "CI",
            "coverage",
            "pull request",
            "readable",
        ],
    ),
    DimensionSpec(
        name="Collaboration and ownership",
        weight=Decimal("25"),
        description="Works across teams, shares knowledge and owns outcomes end to end.",
        anchor_low="Blames others, waits to be told, keeps knowledge to themselves.",
        anchor_mid="Cooperates well inside the team and finishes assigned work reliably.",
        anchor_high="Takes ownership beyond the assignment, resolves disagreements with data "
        "and empathy, mentors others and documents decisions so the team moves faster.",
        keywords=[
            "ownership",
            "mentor",
            "documentation",
            "stakeholder",
            "cross-team",
            "feedback",
            "led",
            "agreed",
        ],
    ),
)

SERVICE_DIMENSIONS = (
    DimensionSpec(
        name="同理心与情绪安抚",
        weight=Decimal("30"),
        description="在客户情绪激动时先接住情绪，再解决问题。",
        anchor_low="急于解释或推卸责任，打断客户，语气生硬。",
        anchor_mid="会道歉并表示理解，但安抚话术比较模板化，很快转入流程。",
        anchor_high="耐心倾听并复述客户的感受和损失，真诚致歉，给出明确的下一步承诺，"
        "让客户感到被重视。",
        keywords=["理解", "感受", "道歉", "抱歉", "安抚", "耐心", "倾听", "着急"],
    ),
    DimensionSpec(
        name="问题解决与跟进",
        weight=Decimal("30"),
        description="查清原因、给出方案，并跟进到问题真正解决。",
        anchor_low="只记录问题或让客户等待，不给时间承诺，也不跟进。",
        anchor_mid="能按流程查询并给出常规方案，复杂问题会转交，但跟进不够主动。",
        anchor_high="先核实事实再定位原因，给出可选方案和时间承诺，主动跟进直到闭环，"
        "并把共性问题反馈给产品或流程。",
        keywords=["核实", "原因", "方案", "跟进", "闭环", "时限", "工单", "反馈", "补偿"],
    ),
    DimensionSpec(
        name="沟通表达",
        weight=Decimal("20"),
        description="用客户听得懂的话把事情讲清楚，并确认对方真的明白。",
        anchor_low="使用专业术语或长篇解释，客户听不懂也不确认。",
        anchor_mid="表达基本清楚，会按步骤说明，但较少确认客户是否理解。",
        anchor_high="用简单的话分步骤说明，主动复述确认，根据客户的反应调整说法，"
        "必要时配合截图或短信。",
        keywords=["确认", "复述", "步骤", "清楚", "简单", "解释", "截图"],
    ),
    DimensionSpec(
        name="服务规范与团队协作",
        weight=Decimal("20"),
        description="守住隐私和政策底线，与同事、二线团队顺畅配合。",
        anchor_low="为了让客户满意而突破规则，或与同事各自为政。",
        anchor_mid="知道基本的规范和升级流程，需要时能找同事帮忙。",
        anchor_high="坚持隐私和政策底线的同时给客户替代方案，按流程升级并做好记录和交接，"
        "主动与同事分享经验、团队协作。",
        keywords=["隐私", "规范", "政策", "升级", "记录", "交接", "团队协作", "同事"],
    ),
)

JOBS = (
    JobContent(
        key="sales",
        title="销售经理",
        language=Language.ZH,
        department="Sales",
        team=0,
        description="负责华东区企业客户（B2B）的开拓和经营，带领 3–5 人的小团队完成季度目标，"
        "与售前、交付同事一起为客户落地智能客服 SaaS 方案。",
        min_degree=Degree.ASSOCIATE,
        min_years=3,
        skills=("销售", "客户关系", "谈判", "CRM", "数据分析", "演讲"),
        must_have=("B2B", "大客户"),
        bonus=("团队协作", "项目负责人", "SaaS", "直播", "带教"),
        dimensions=SALES_DIMENSIONS,
        has_demo_interviewer=True,
    ),
    JobContent(
        key="backend",
        title="Backend Engineer",
        language=Language.EN,
        department="Engineering",
        team=0,
        description="Build and run the Python/Django services behind our customer-service "
        "platform: APIs, background jobs and PostgreSQL data models, with on-call "
        "responsibility shared across the team. Our engineering team works in English.",
        min_degree=Degree.BACHELOR,
        min_years=3,
        skills=("Python", "Django", "PostgreSQL", "Redis", "Docker", "Linux", "Git", "Kubernetes"),
        must_have=("Python", "SQL"),
        bonus=("code review", "on-call", "led a team", "mentored", "open source", "CI/CD"),
        dimensions=BACKEND_DIMENSIONS,
        has_demo_interviewer=True,
    ),
    JobContent(
        key="service",
        title="客服专员",
        language=Language.ZH,
        department="Customer Service",
        team=0,
        description="通过热线和在线渠道为商户解答问题、处理投诉，按时限跟进工单，"
        "持续提升客户满意度；需要参加早晚轮班。",
        min_degree=Degree.ASSOCIATE,
        min_years=1,
        skills=("客户服务", "沟通", "Excel", "CRM", "时间管理"),
        must_have=("投诉处理",),
        bonus=("团队协作", "普通话", "满意度", "质检", "英语"),
        dimensions=SERVICE_DIMENSIONS,
        has_demo_interviewer=False,
    ),
)
