"""Scenario simulations written from templates bound to the job's profile (M7).

A scenario puts the candidate in a short, concrete situation of the role — an angry customer,
a live-stream sale, a production incident — and asks what they would do. The family is chosen
from the job's title, description and skills; the scenario is tied to the job's dimension its
topic words match best (else the heaviest), and its anchors say what a weak, middling and
strong handling of *that* situation shows.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ScenarioTemplate:
    family: str
    signals: tuple[str, ...]  # words in the job's title/description/skills that pick it
    topics: tuple[str, ...]  # words in a dimension's name/keywords that it assesses best
    text: dict[str, str]  # language -> situation and task ({job} is the job title)
    anchors: dict[str, tuple[str, str, str]]  # language -> (low, mid, high)
    answer_mode: str = "text"
    prep_seconds: int = 60
    answer_seconds: int = 0


TEMPLATES = (
    ScenarioTemplate(
        family="customer_service",
        signals=(
            "客服",
            "售后",
            "客户服务",
            "customer service",
            "support",
            "helpdesk",
            "call centre",
        ),
        topics=("沟通", "情绪", "投诉", "服务", "communication", "empathy", "complaint", "service"),
        text={
            "zh-hans": "情景模拟：一位客户第三次打来电话，语气很激动：“你们的快递又晚了三天，"
            "这是我给老人买的药！再不解决我就投诉到平台。”请直接写出您接下来会怎么对他说、"
            "怎么做，以及之后如何跟进。",
            "en": 'Scenario: a customer calls for the third time, clearly upset: "Your delivery '
            "is three days late again, and it's medicine for my father! Fix it or I'm filing a "
            'complaint." Write what you would say to them now, what you would do, and how you '
            "would follow up.",
        },
        anchors={
            "zh-hans": (
                "辩解或推给物流，没有安抚情绪，也没有具体的解决办法。",
                "先道歉并给出解决办法，但没有确认客户的真实需求，也没有后续跟进。",
                "先共情并复述客户的担心，确认药品的急迫程度，给出当下可执行的方案（如加急补发、"
                "同城配送）和明确时间，主动回访并记录问题以免再次发生。",
            ),
            "en": (
                "Defends the company or blames the courier; no calming, no concrete fix.",
                "Apologises and offers a fix, but does not check what the customer really "
                "needs, and no follow-up.",
                "Acknowledges the worry in the customer's words, checks how urgent the medicine "
                "is, offers a fix that works today (express resend, local courier) with a clear "
                "time, calls back, and records the issue so it does not recur.",
            ),
        },
    ),
    ScenarioTemplate(
        family="sales",
        signals=("销售", "客户经理", "直播", "带货", "sales", "account", "business development"),
        topics=("成交", "开拓", "谈判", "表达", "closing", "negotiation", "persuasion", "pitch"),
        text={
            "zh-hans": "情景模拟：您正在直播间介绍一款新品，在线 3000 人，有观众在弹幕里说"
            "“别家便宜 50 块”。请用一分钟说出您接下来的讲解：怎么回应价格质疑，怎么讲清产品"
            "价值，最后怎么促成下单。",
            "en": "Scenario: you are presenting a new product in a live-stream with 3,000 viewers, "
            'and a comment says "it\'s 50 cheaper elsewhere". In about a minute, say what you '
            "would say next: how you answer the price challenge, how you make the value clear, "
            "and how you close.",
        },
        anchors={
            "zh-hans": (
                "回避价格问题或直接降价，只是重复“好用、划算”。",
                "回应了价格，也讲了卖点，但卖点和观众的需求没有联系起来，收尾没有行动号召。",
                "正面回应价格并给出依据（赠品、售后、成分或参数对比），围绕观众的使用场景讲"
                "两三个关键价值，用限时或限量等真实理由给出明确的下单指引。",
            ),
            "en": (
                'Dodges the price question or just cuts the price; repeats "great value".',
                "Answers the price and names features, but does not tie them to the viewers' "
                "needs, and does not close.",
                "Meets the price challenge with reasons (warranty, service, a clear comparison), "
                "ties two or three benefits to how viewers would use it, and closes with a clear, "
                "honest call to action.",
            ),
        },
        answer_mode="video",
        prep_seconds=30,
        answer_seconds=90,
    ),
    ScenarioTemplate(
        family="engineering",
        signals=(
            "工程师",
            "开发",
            "后端",
            "运维",
            "engineer",
            "developer",
            "backend",
            "sre",
            "devops",
        ),
        topics=("故障", "问题", "incident", "problem", "reliability", "debug", "troubleshooting"),
        text={
            "zh-hans": "情景模拟：周五晚上 9 点，告警显示下单接口的错误率从 0.1% 升到 15%，"
            "一小时前刚发布过新版本。您是值班工程师。请按时间顺序写出您的处理步骤，以及事后"
            "会做什么。",
            "en": "Scenario: Friday, 9 p.m. Alerts show the checkout API's error rate rose from "
            "0.1% to 15%; a new version was deployed an hour ago. You are on call. Write your "
            "steps in order, and what you would do afterwards.",
        },
        anchors={
            "zh-hans": (
                "直接改代码或重启，没有先止损，也不和他人沟通。",
                "想到回滚或查日志，但步骤零散，没有说明如何确认恢复和事后复盘。",
                "先止损（回滚或关闭开关）并通知相关人，用监控和日志确认根因，确认指标恢复后再"
                "修复；事后写复盘，补上发布前的检查或告警，避免再发生。",
            ),
            "en": (
                "Starts changing code or restarting things; no mitigation first, tells nobody.",
                "Thinks of rolling back or reading logs, but the steps are scattered and there "
                "is no check that it recovered, and no review.",
                "Mitigates first (roll back or switch the feature off) and tells the people "
                "affected, confirms the cause from metrics and logs, verifies recovery, then "
                "fixes; writes a blameless review and adds the missing check or alert.",
            ),
        },
    ),
)
GENERIC = ScenarioTemplate(
    family="generic",
    signals=(),
    topics=("协作", "沟通", "teamwork", "collaboration", "communication"),
    text={
        "zh-hans": "情景模拟：您作为{job}，和另一个部门的同事在一项共同任务上意见相反，截止"
        "日期就在下周，双方的主管都不在。请写出您会怎么处理，以及如何确保按时完成。",
        "en": "Scenario: as {job}, you and a colleague from another department disagree on a "
        "shared task due next week, and both your managers are away. Write how you would handle "
        "it and make sure it is done on time.",
    },
    anchors={
        "zh-hans": (
            "坚持自己的做法或直接让步，不沟通原因，也没有计划。",
            "会沟通并找折中办法，但没有明确分工和时间点。",
            "先弄清双方的目标和顾虑，用事实比较方案，商定分工和检查点，必要时记录决定并"
            "同步给双方主管，按时交付。",
        ),
        "en": (
            "Insists on their own way or simply gives in; no reasons, no plan.",
            "Talks it through and finds a middle way, but no clear split of work or dates.",
            "Finds out both sides' goals and concerns, compares options on facts, agrees who "
            "does what by when, records the decision and informs both managers, delivers on "
            "time.",
        ),
    },
)


def template_for(job_text: str) -> ScenarioTemplate:
    """The scenario family whose signal words the job's text uses most; generic otherwise."""
    text = job_text.lower()
    scored = [(sum(_mentions(text, s) for s in t.signals), i, t) for i, t in enumerate(TEMPLATES)]
    hits, _index, best = max(scored, key=lambda row: (row[0], -row[1]))
    return best if hits else GENERIC


def _mentions(text: str, word: str) -> bool:
    # English words whole ("account" is not "accountant"); Chinese ones as substrings.
    if word.isascii():
        return re.search(rf"\b{re.escape(word)}\b", text) is not None
    return word in text


def best_dimension(template: ScenarioTemplate, dimensions: list[tuple[str, str, float]]) -> int:
    """Index of the dimension (name, keywords text, weight) the scenario assesses best."""

    def fit(row: tuple[str, str, float]) -> tuple[int, float]:
        words = f"{row[0]} {row[1]}".lower()
        return (sum(topic in words for topic in template.topics), row[2])

    return max(range(len(dimensions)), key=lambda i: fit(dimensions[i]))
