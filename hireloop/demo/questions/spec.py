"""The shape of a seeded question, and the dimension names the questions link to."""

from dataclasses import dataclass

from hireloop.interviews.enums import AnswerMode
from hireloop.jobs.enums import Language

ZH = Language.ZH
EN = Language.EN


@dataclass(frozen=True)
class QuestionContent:
    key: str  # content_answers refers to questions by this key
    language: str
    kind: str
    text: str
    dimensions: tuple[str, ...]  # dimension names of the job, primary first
    anchor_low: str
    anchor_mid: str
    anchor_high: str
    difficulty: int = 2  # 1 (warm-up) … 3 (hard)
    answer_mode: str = AnswerMode.TEXT
    prep_seconds: int = 0
    answer_seconds: int = 0  # 0: no limit
    # Key of a problem in interviews.code_problems, for coding questions only. Stored here
    # and not on the model: the sandbox's problems are code, and a question names one.
    code_problem: str = ""


# A job stores its dimensions under one name, in the job's language, so questions in the
# other language link to the same names; the constants keep the spelling in one place.
PROSPECTING = "客户开拓与成交"
RELATIONSHIPS = "客户关系经营"
NEGOTIATION = "沟通与谈判"
SALES_TEAM = "团队协作与带领"

DESIGN = "System design"
INCIDENTS = "Debugging and incident response"
QUALITY = "Code quality and testing"
OWNERSHIP = "Collaboration and ownership"

EMPATHY = "同理心与情绪安抚"
RESOLUTION = "问题解决与跟进"
CLARITY = "沟通表达"
SERVICE_RULES = "服务规范与团队协作"

# Each dimension's name in the other language, for showing a translated question's
# dimensions to someone who reads only that language.
DIMENSION_TRANSLATIONS = {
    PROSPECTING: "Prospecting and closing",
    RELATIONSHIPS: "Account relationships",
    NEGOTIATION: "Communication and negotiation",
    SALES_TEAM: "Teamwork and leadership",
    DESIGN: "系统设计",
    INCIDENTS: "排障与故障响应",
    QUALITY: "代码质量与测试",
    OWNERSHIP: "协作与担当",
    EMPATHY: "Empathy and calming customers",
    RESOLUTION: "Problem solving and follow-up",
    CLARITY: "Clear communication",
    SERVICE_RULES: "Service standards and teamwork",
}
