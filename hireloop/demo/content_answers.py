"""Sample interview answers for the two demo interviews, keyed by question key.

The quality is mixed on purpose, so the reports show strengths and gaps: the sales
candidate is strong at winning and keeping clients but thin on coaching; the backend
candidate handles incidents well but is vague about design and collaboration.
No answer names the candidate or gives contact details.
"""

SALES_ANSWERS = {
    "sales-new-account": (
        "去年我从一条展会线索开始跟进一家连锁零售企业。第一次拜访时先找到了运营总监这个关键"
        "决策人，了解到他们的痛点是门店客服人手不够、投诉回复慢。我带售前同事做了两次方案"
        "演示，又安排他们试用一个月，用数据证明首次响应时间从 4 小时降到 20 分钟。中途竞品"
        "报价低了 15%，我没有直接降价，而是把三年的总成本算给财务看。最后签约 86 万，"
        "周期四个月，三个月内回款 100%。事后我复盘出一套“试用加算账”的打法，后来又用它"
        "成交了两家同类客户。"
    ),
    "sales-quarter-gap": (
        "第一周先把漏斗里的商机按金额和成交概率重新排序，只保留概率 50% 以上的 6 个重点推进，"
        "每个都约到决策人再做一次拜访。第二周联系老客户，看有没有扩容和复购的机会，同时请满意"
        "的客户帮忙转介绍。第三、四周集中资源推进签约和回款，每周五复盘一次转化情况，"
        "差距大的地方及时找主管要支持。我以前有一个季度就是这样从 58% 追到了 103%。"
    ),
    "sales-unhappy-client": (
        "有一家客户因为上线延期两次，很不满意，说续约要重新考虑。我先登门拜访，认真听他们把"
        "问题讲完，承认我们交付计划做得不好。回来后我作为项目负责人，协调交付和产品同事定了"
        "新的上线计划，每周五给客户发进度，并且每两周回访一次。上线后我又发现他们还需要工单"
        "统计报表，主动推荐了增值模块。最后客户不仅续约三年，还给我们转介绍了一家兄弟公司，"
        "满意度评分从 6 分升到 9 分。"
    ),
    "sales-new-buyer": (
        "我会先去拜访新的采购负责人，了解他这一年的考核目标。然后把三年合作的数据整理出来，"
        "比如客服人力节省了多少、投诉下降了多少，请使用部门的主管一起来证明价值。价格上我会"
        "准备一个有条件的方案，比如签两年可以给一定优惠，而不是直接降价。"
    ),
    "sales-explain-value": (
        "老板您好，我用一分钟说清楚。您的门店在晚上和饭点，顾客在外卖平台和小程序上问的问题，"
        "八成是“几点关门”“能不能开发票”“外卖多久到”这几类。智能客服就像一个不下班的店员，"
        "这些问题几秒钟就能回，复杂的再转给您的店长。一家 30 家门店的火锅连锁用了两个月，"
        "差评少了三成，每家店每月省下一个兼职的人工。您不用懂技术，我们帮您配好，先免费试用"
        "一个月，看到效果再决定。"
    ),
    "sales-price-pressure": (
        "有个客户在签约前一周突然要求再降 20%。我的底线是最多让 8%，所以我没有马上答应，而是先"
        "提问、认真倾听，弄清楚压价的真实原因：他们今年预算被砍了，决策人是新来的财务总监。"
        "我单独约了这位决策人，讲清楚系统一年帮他们省下的人力成本。每一次让步我都换回条件："
        "价格让了 6%，换回了两年合同、按季度付款和一个转介绍，最后达成双赢。"
    ),
    "sales-cross-team-deal": (
        "我们一起做过一个比较大的项目，我主要负责和客户沟通，售前和交付同事负责方案和实施。"
        "中间大家对工期有些不同意见，后来领导开会定了一个时间，项目最后顺利上线了。"
    ),
    "sales-coach-newcomer": (
        "我会多鼓励他，告诉他销售都会经历这样的阶段，把我自己的经验分享给他，让他多打电话、"
        "多跑客户，坚持下去总会开单的。"
    ),
    "sales-cold-call": (
        "您好，请问是客服部的负责人吗？我是云帆科技的客户经理，只占用您一分钟。我看到贵公司"
        "下周有大促，想请教一下：咨询量翻几倍的时候，您是临时加人，还是让顾客排队？我们服务的"
        "一家同规模电商，用智能客服接住了七成重复问题，大促期间首次响应从 5 分钟降到 20 秒，"
        "客服一个人也没加。今天我不推销，只想约您下周二或周三抽 30 分钟，我带一份按贵公司咨询量"
        "测算的节省方案过来，您看哪天方便？"
    ),
}

BACKEND_ANSWERS = {
    "backend-traffic-growth": (
        "At my last company our order service got a lot more traffic after a marketing "
        "campaign. We added Redis caching for the product pages and moved to a bigger "
        "database instance. After that things were much faster and the errors went away."
    ),
    "backend-ticket-feed": (
        "I would use Django Channels with websockets so agents get pushed updates, and store "
        "tickets in PostgreSQL with an index on created_at. Each new ticket publishes an event "
        "and the consumers forward it to the agents' browsers. If it gets slow we could add a "
        "queue in between."
    ),
    "backend-friday-incident": (
        "First I acknowledge the alert so the team knows someone is on it, and open an "
        "incident channel with a short status update. Because a deploy went out at 21:10, the "
        "fastest mitigation is a rollback, so I roll back to the previous release right away "
        "instead of debugging live. Then I watch the monitoring dashboards: p99 latency and "
        "error rate should drop within 5 minutes; if they do not, the deploy was not the cause "
        "and I check the metrics for the database and downstream payment API and read the "
        "logs and traces of failing requests. I post an update every 15 minutes until it is "
        "resolved. On Monday we find the root cause, for example a missing index in a new "
        "migration, and write a blameless postmortem with action items: a load test in CI, "
        "an alert on slow queries, and a canary deploy step."
    ),
    "backend-hardest-bug": (
        "We had orders that were charged twice, about 3 times a week. I could not reproduce it "
        "locally, so I added logs with request ids and found two workers processing the same "
        "payment callback. The root cause was a retry in the payment provider combined with a "
        "task that was not idempotent. I fixed it with a unique constraint on the provider's "
        "transaction id, made the task idempotent, and added an integration test that sends "
        "the same callback twice. We have had zero double charges since."
    ),
    "backend-tests-worth-it": (
        "When we rewrote the discount calculation I wrote unit tests for every rule and some "
        "integration tests for the checkout flow. It took two extra days, but the tests caught "
        "a rounding bug with percentage discounts before it reached production, and CI now "
        "runs them on every pull request."
    ),
    "backend-large-pr": (
        "I would probably approve it because the release is tomorrow and it works, and ask "
        "them to add tests later."
    ),
    "backend-disagreement": (
        "Another team wanted us to use their new service for notifications. I did not think "
        "it was ready, so I said so in the meeting. In the end the manager decided we would "
        "use it and it was fine."
    ),
    "backend-owned-end-to-end": (
        "I noticed new engineers took about a week to get the project running locally, so I "
        "wrote a Docker Compose setup and a short README. Now it takes about an hour."
    ),
}

ANSWERS_BY_JOB = {"sales": SALES_ANSWERS, "backend": BACKEND_ANSWERS}

# Used only if a plan ever holds a question this file does not know (e.g. a template one).
FALLBACK_ANSWERS = {
    "zh-hans": "我会先了解清楚情况，再和同事一起想办法解决，并在事后总结经验。",
    "en": "I would first make sure I understand the situation, then work with my team on a "
    "fix and review what we learned afterwards.",
}

# Answers to the room's questions about a candidate's own resume claims (M12).
PROBE_ANSWERS = {
    "zh-hans": "那次我负责整体推进，关键决定是先把最重要的两项任务拆给最熟悉的同事，"
    "我自己盯进度和风险，最后比计划提前一周完成。",
    "en": "I coordinated the work; my key decision was to give the two riskiest tasks to the "
    "people who knew them best and track the risks myself, and we finished a week early.",
}
