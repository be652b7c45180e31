"""The question bank of the three demo jobs, as data.

Each job has two questions per dimension, listed in the order of its dimensions: the plan
generator takes the first two questions covering each dimension, so this order gives an
eight-question plan made only of these hand-written questions (no template fill-ins).
Every job has one scenario simulation, and each question's anchors say what a weak, a
middling and a strong answer to *that* question shows.
"""

from dataclasses import dataclass

from hireloop.interviews.enums import QuestionKind


@dataclass(frozen=True)
class QuestionContent:
    key: str  # content_answers refers to questions by this key
    kind: str
    text: str
    dimensions: tuple[str, ...]  # dimension names of the job, primary first
    anchor_low: str
    anchor_mid: str
    anchor_high: str
    difficulty: int = 2
    answer_seconds: int = 0  # 0: no limit


SALES_QUESTIONS = (
    QuestionContent(
        "sales-new-account",
        QuestionKind.BEHAVIOURAL,
        "请讲一个你从零开拓并最终签下的大客户：你是怎么找到这个机会的，推进过程中遇到了什么阻力，"
        "最后的结果如何？",
        ("客户开拓与成交", "沟通与谈判"),
        anchor_low="说不出客户从哪里来，过程只有“多跑几次”“关系好”，没有结果数字。",
        anchor_mid="过程清楚、有签约金额，但对阻力的处理和自己的具体作用讲得笼统。",
        anchor_high="讲清线索来源、关键决策人、每一步的推进动作和遇到的阻力，给出签约金额、"
        "周期和回款，并说明从中学到的方法。",
    ),
    QuestionContent(
        "sales-quarter-gap",
        QuestionKind.SITUATIONAL,
        "季度还剩一个月，你的业绩完成率只有 60%，手上的商机也不多。你会怎样安排接下来的四周？"
        "请说说具体的优先级和做法。",
        ("客户开拓与成交",),
        anchor_low="只说“加班多打电话”“找领导要资源”，没有优先级。",
        anchor_mid="会梳理现有商机并加快推进，但没有区分成交概率，也没有新增线索的计划。",
        anchor_high="先按成交概率和金额给商机排序，集中资源推进最可能成交的单子，同时安排老客户"
        "复购和转介绍，并设定每周可检查的目标。",
        difficulty=3,
    ),
    QuestionContent(
        "sales-unhappy-client",
        QuestionKind.BEHAVIOURAL,
        "请分享一次老客户对我们的服务很不满意、甚至考虑不再续约的经历。你做了什么，结果如何？",
        ("客户关系经营",),
        anchor_low="归咎于产品或交付同事，自己只是转达。",
        anchor_mid="及时道歉并协调处理了问题，但没有说明客户后来是否续约。",
        anchor_high="先了解不满的真正原因，协调内部同事给出改进计划并定期回访，最终保住续约，"
        "甚至带来新的需求。",
    ),
    QuestionContent(
        "sales-new-buyer",
        QuestionKind.SITUATIONAL,
        "一位合作三年的老客户新换了采购负责人，对方明确表示要重新比价。你会如何应对？",
        ("客户关系经营",),
        anchor_low="马上降价保单，或者绕过新负责人直接找老关系施压。",
        anchor_mid="会拜访新负责人并介绍合作历史，但没有准备价值证明。",
        anchor_high="先了解新负责人的考核目标，准备三年合作带来的成本和效率数据，邀请使用部门"
        "一起证明价值，在价格上准备有条件的方案。",
        difficulty=3,
    ),
    QuestionContent(
        "sales-livestream-pitch",
        QuestionKind.SCENARIO,
        "情景模拟：公司今晚在视频号直播推出新版智能客服 SaaS，你是主讲。请用大约两分钟的口播，"
        "向正在观看的中小企业老板介绍产品，并回应弹幕里的质疑：“你们比别家贵了三成，凭什么？”"
        "请直接写出你会说的话。",
        ("沟通与谈判", "客户开拓与成交"),
        anchor_low="罗列功能参数，回避价格质疑，或者直接承诺打折。",
        anchor_mid="介绍清楚产品和一两个卖点，对价格质疑有回应，但缺少客户案例和行动号召。",
        anchor_high="从老板的痛点开场，用客户案例和算账讲清价值，正面回应价格质疑并给出对比，"
        "最后有明确的行动号召（预约演示、限时试用）。",
        difficulty=4,
        answer_seconds=300,
    ),
    QuestionContent(
        "sales-price-pressure",
        QuestionKind.BEHAVIOURAL,
        "请讲一次客户在价格上强烈施压的谈判。你的底线是什么，你做了哪些让步、换回了什么？",
        ("沟通与谈判",),
        anchor_low="一味让价直到客户满意，或者因为价格谈崩了却说不出原因。",
        anchor_mid="有价格底线并守住了，但让步时没有换回条件。",
        anchor_high="事先明确底线和可交换的条件，用提问了解客户压价的真实原因，每次让步都换回"
        "付款方式、合同年限或转介绍等条件，达成双赢。",
        difficulty=3,
    ),
    QuestionContent(
        "sales-cross-team-deal",
        QuestionKind.BEHAVIOURAL,
        "讲一次你作为项目负责人，协调售前、交付或财务同事一起拿下项目的经历。"
        "过程中出现过什么分歧，你是怎么处理的？",
        ("团队协作与带领",),
        anchor_low="说不出自己的角色，或把分歧归咎于其他部门。",
        anchor_mid="能说明分工和配合过程，分歧靠上级拍板解决。",
        anchor_high="明确分工和节奏，用客户需求和数据化解分歧，让各方都认同方案，"
        "并在项目后分享经验。",
    ),
    QuestionContent(
        "sales-coach-newcomer",
        QuestionKind.SITUATIONAL,
        "你带的一位新同事连续两个月没有开单，情绪也很低落。作为销售经理，你会怎么帮他？",
        ("团队协作与带领",),
        anchor_low="只是催业绩，或者认为新人不适合就该淘汰。",
        anchor_mid="会鼓励并分享自己的经验，但没有具体的辅导计划。",
        anchor_high="先一对一了解原因，陪访观察具体问题，制定每周可衡量的小目标并复盘，"
        "让他从小单开始建立信心。",
    ),
)

BACKEND_QUESTIONS = (
    QuestionContent(
        "backend-traffic-growth",
        QuestionKind.TECHNICAL,
        "Walk us through a service you built or changed that had to handle a sharp rise in "
        "traffic. What were the bottlenecks, which trade-offs did you make, and how did you "
        "know it worked?",
        ("System design",),
        anchor_low="Lists technologies used; cannot say where the bottleneck was or how success "
        "was measured.",
        anchor_mid="Describes a sensible change (a cache, an index, a queue) with a rough "
        "before-and-after, but only one option was considered.",
        anchor_high="Finds the bottleneck by measuring, weighs alternatives and their costs, "
        "handles failure modes and shows before-and-after numbers for latency and throughput.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-ticket-feed",
        QuestionKind.SITUATIONAL,
        "We need 2,000 customer-service agents to see new tickets within one second of "
        "creation. Sketch how you would build this with Django and PostgreSQL, and say what "
        "you would measure before adding more infrastructure.",
        ("System design", "Code quality and testing"),
        anchor_low="Jumps to a large new stack (Kafka, microservices) without estimating the load.",
        anchor_mid="Proposes polling or websockets with a reasonable data model, but does not "
        "estimate load or think about failure.",
        anchor_high="Estimates the load first, starts simple (indexed query, LISTEN/NOTIFY or "
        "a push channel), names what to measure (p99 latency, connections, query time) and "
        "when to change the design.",
        difficulty=4,
    ),
    QuestionContent(
        "backend-friday-incident",
        QuestionKind.SCENARIO,
        "Scenario: it is 21:40 on a Friday. Alerts fire: the checkout API's p99 latency has "
        "jumped from 200 ms to 8 s and 12% of requests fail. A deploy went out at 21:10. You "
        "are on call. Tell us, step by step, what you do in the first 30 minutes and what "
        "happens after the incident is over.",
        ("Debugging and incident response",),
        anchor_low="Starts debugging in production code right away, does not roll back or tell "
        "anyone.",
        anchor_mid="Checks logs and rolls back the deploy, but says little about communication "
        "or follow-up.",
        anchor_high="Acknowledges the alert, declares an incident and communicates, mitigates "
        "first by rolling back, confirms recovery on the dashboards, then finds the root cause "
        "and leads a blameless postmortem with action items.",
        difficulty=4,
        answer_seconds=600,
    ),
    QuestionContent(
        "backend-hardest-bug",
        QuestionKind.BEHAVIOURAL,
        "Tell us about the hardest bug you have tracked down. How did you narrow it down, what "
        "was the root cause, and what did you change so it could not happen again?",
        ("Debugging and incident response", "Code quality and testing"),
        anchor_low="The bug went away after random changes; root cause unknown.",
        anchor_mid="Found the cause with logs or a debugger and fixed it, without a test or "
        "guard against recurrence.",
        anchor_high="Reproduced the bug, narrowed it with evidence (bisecting, traces, "
        "metrics), explains the root cause clearly and added a regression test or monitoring.",
    ),
    QuestionContent(
        "backend-tests-worth-it",
        QuestionKind.BEHAVIOURAL,
        "Describe a change where you decided that tests were worth the extra time. What did "
        "you test, at which level, and what did the tests catch or save?",
        ("Code quality and testing",),
        anchor_low="Tests were written because a reviewer asked; cannot say what they covered.",
        anchor_mid="Wrote unit tests for the change and they passed in CI.",
        anchor_high="Chose unit and integration tests by risk, tested the edge cases that "
        "mattered, and can name a defect or regression the tests caught.",
    ),
    QuestionContent(
        "backend-large-pr",
        QuestionKind.SITUATIONAL,
        "A teammate's pull request works, but it mixes a refactor with a new feature, has no "
        "tests and is 1,500 lines long. The release is tomorrow. What do you do?",
        ("Code quality and testing", "Collaboration and ownership"),
        anchor_low="Approves it to keep the release on time, or rejects it with a curt comment.",
        anchor_mid="Asks for tests and a split, without weighing the release deadline.",
        anchor_high="Talks to the author first, agrees on a split (feature behind a flag, "
        "refactor later), pairs on the riskiest tests and keeps the feedback kind and "
        "specific.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-disagreement",
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you disagreed with another team or a senior engineer about a "
        "technical decision. How did you handle it, and what was the outcome?",
        ("Collaboration and ownership",),
        anchor_low="Went along silently, or escalated without talking to the people involved.",
        anchor_mid="Raised the concern in a meeting and accepted the decision.",
        anchor_high="Understood the other side's constraints, brought data or a prototype, "
        "agreed on a decision and documented it, and kept the relationship good.",
    ),
    QuestionContent(
        "backend-owned-end-to-end",
        QuestionKind.BEHAVIOURAL,
        "Describe something you owned end to end without being asked: a tool, a process or a "
        "part of the system. Why did you take it on, and how did you measure the result?",
        ("Collaboration and ownership",),
        anchor_low="Only did assigned tickets; no example of initiative.",
        anchor_mid="Improved something useful for themselves or the team, without measuring "
        "the effect.",
        anchor_high="Saw a problem that hurt the team or customers, took ownership, involved "
        "stakeholders, shipped it and measured the effect (time saved, incidents avoided).",
    ),
)

SERVICE_QUESTIONS = (
    QuestionContent(
        "service-angry-merchant",
        QuestionKind.SCENARIO,
        "情景模拟：一位商户打进热线，情绪非常激动：“你们的系统昨天宕机两个小时，我的店一个订单"
        "都没接到，损失至少五千块！你们必须赔偿，不然我就去 12315 投诉、发到网上！”"
        "请直接写出你接下来会怎么说、怎么做。",
        ("同理心与情绪安抚", "问题解决与跟进"),
        anchor_low="急着解释宕机原因或说“这不归我管”，直接拒绝或随口答应赔偿。",
        anchor_mid="先道歉并表示理解，说明会登记反馈，但没有具体的处理步骤和时间承诺。",
        anchor_high="先让客户把话说完并复述他的损失和感受，真诚道歉；核实店铺和订单情况，"
        "说明补偿政策和申请步骤，给出明确的回电时间并跟进到底。",
        difficulty=4,
        answer_seconds=300,
    ),
    QuestionContent(
        "service-calm-down",
        QuestionKind.BEHAVIOURAL,
        "请讲一次你接待情绪很差的客户、最后让对方平静下来的经历。你说了什么、做了什么？",
        ("同理心与情绪安抚",),
        anchor_low="只说“按流程处理”，讲不出自己说了什么。",
        anchor_mid="能讲出安抚的话和处理结果，但比较笼统。",
        anchor_high="讲清客户为什么生气、自己如何倾听和回应情绪、怎样把对话引向解决，"
        "以及客户后来的反馈。",
    ),
    QuestionContent(
        "service-follow-up",
        QuestionKind.BEHAVIOURAL,
        "请分享一个你没有当场解决、需要后续跟进才解决的客户问题。你是怎么跟进的，最后结果怎样？",
        ("问题解决与跟进",),
        anchor_low="转交后就不再关心结果。",
        anchor_mid="提交了工单并在客户追问时查询进度。",
        anchor_high="提交工单时写清事实，约定回复时限，主动跟进二线处理进度并按时回复客户，"
        "直到问题闭环，还把共性问题反馈给了产品。",
    ),
    QuestionContent(
        "service-unknown-answer",
        QuestionKind.SITUATIONAL,
        "客户问的问题你查了知识库也找不到答案，而排队的客户还有二十多位。你会怎么处理？",
        ("问题解决与跟进",),
        anchor_low="随便给个答案打发客户，或者让客户自己再打来。",
        anchor_mid="告诉客户需要查询，稍后回复，但没有说明时间。",
        anchor_high="如实告知需要核实，记录问题和联系方式并承诺回复时间，转二线或请教组长，"
        "按时回电，并建议把答案补进知识库。",
        difficulty=3,
    ),
    QuestionContent(
        "service-elderly-invoice",
        QuestionKind.SITUATIONAL,
        "一位六十多岁的客户第一次使用我们的小程序，怎么也找不到开发票的入口。"
        "请写出你会怎样一步步引导他。",
        ("沟通表达",),
        anchor_low="用“入口在个人中心里”一句话带过，客户再问就不耐烦。",
        anchor_mid="按步骤说明了操作，但没有确认客户每一步是否跟上。",
        anchor_high="放慢语速，一次只说一步并请客户告诉自己看到了什么，用简单的话描述按钮位置，"
        "必要时发送截图短信，最后确认发票已经开好。",
    ),
    QuestionContent(
        "service-misunderstood-policy",
        QuestionKind.BEHAVIOURAL,
        "讲一次你发现客户误解了我们的政策或产品的经历，你是怎样解释清楚的？",
        ("沟通表达",),
        anchor_low="照读政策条款，客户仍然不明白。",
        anchor_mid="解释了政策内容，客户接受了，但没有确认理解。",
        anchor_high="先弄清客户是怎么理解的，用例子把政策讲明白并复述确认，同时给出可行的办法。",
    ),
    QuestionContent(
        "service-privacy-request",
        QuestionKind.SITUATIONAL,
        "客户坚持要你把另一位客户的订单信息告诉他，说那是他的合作伙伴。你会怎么回应？",
        ("服务规范与团队协作",),
        anchor_low="为了让客户满意就告诉他，或者生硬地拒绝后挂断。",
        anchor_mid="以规定为由拒绝，但没有提供其他办法。",
        anchor_high="礼貌说明隐私保护的原因，给出合规的替代办法（请对方本人授权或自行查询），"
        "并做好记录。",
    ),
    QuestionContent(
        "service-teamwork",
        QuestionKind.BEHAVIOURAL,
        "请讲一次你和同事或其他部门一起解决问题的经历，你在其中承担了什么角色？",
        ("服务规范与团队协作",),
        anchor_low="讲不出具体的例子，或抱怨同事不配合。",
        anchor_mid="能说明自己配合了同事，但作用不清楚。",
        anchor_high="讲清问题、各方分工和自己的作用，做好交接记录，事后把经验分享给团队。",
    ),
)

QUESTIONS_BY_JOB = {
    "sales": SALES_QUESTIONS,
    "backend": BACKEND_QUESTIONS,
    "service": SERVICE_QUESTIONS,
}
