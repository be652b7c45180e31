"""Identity swaps move no score: a generated test over many phrasings in both languages (B4).

Each phrasing is an interview answer with slots for a person (full name and first name, at
the start of a sentence, in a possessive, in a list), a school, an employer, a region and a
pronoun; each identity pair fills it twice, once with a well-known school, employer, big
city and a man, once with an unknown college, a small firm, a poor region and a woman. The
judge must score the two twins alike.
"""

from dataclasses import dataclass

import pytest

from hireloop.assessment.judge import JudgeInput, OfflineJudge
from hireloop.assessment.neutralise import neutralise

from .test_judge import EN_ANCHORS, ZH_ANCHORS  # the incident rubric of the judge's tests

MAX_MOVE = 0.05  # issue 14: no dimension may move by more than 0.05 on a swap


@dataclass(frozen=True)
class Identity:
    name: str
    first: str
    other: str  # a second person, for lists
    school: str
    employer: str
    region: str
    he: str
    his: str


EN_PAIRS = [
    (
        Identity(
            "Emily Johnson", "Emily", "Tom", "Harvard University", "Google", "London", "he", "his"
        ),
        Identity(
            "Oluwaseun Adeyemi",
            "Chinedu",
            "Aisha",
            "Hocking College",
            "Acme Logistics Ltd",
            "Lagos",
            "she",
            "her",
        ),
    ),
    (
        Identity(
            "James Smith", "James", "Sarah", "Stanford", "Microsoft", "California", "he", "his"
        ),
        Identity(
            "Priya Sharma",
            "Priya",
            "Rahul",
            "Mesa Community College",
            "Brightway Trading Co",
            "Bihar",
            "she",
            "her",
        ),
    ),
    (
        Identity(
            "Zhang Wei", "Wei", "Jun", "Tsinghua University", "Tencent", "Beijing", "he", "his"
        ),
        Identity(
            "Maria Garcia",
            "Maria",
            "Lucia",
            "the University of Guam",
            "Rivera Cleaning Services LLC",
            "Guizhou",
            "she",
            "her",
        ),
    ),
    (
        Identity(
            "Michael Brown", "Michael", "David", "MIT", "Goldman Sachs", "New York", "he", "his"
        ),
        Identity(
            "Siobhan Murphy",
            "Siobhan",
            "Fatima",
            "Dundalk Institute of Technology",
            "Northside Plumbing Ltd",
            "Ireland",
            "she",
            "her",
        ),
    ),
]
EN_PHRASINGS = [
    "{name} and I were asked to fix the failing payment service during a sale.",
    "{first}'s idea was to roll back first, and it cut the downtime to 15 minutes.",
    "I worked with {name}, who studied at {school}; {he} checked the monitoring dashboards.",
    "{first}, {other} and I traced the errors to a bad database migration.",
    "My manager, {name}, asked me to lead the incident review.",
    "When I was at {employer}, our checkout went down on a Friday night.",
    "At {employer} in {region}, I owned the release pipeline for two years.",
    "I graduated from {school} in 2019 and joined {employer} as a junior engineer.",
    "{school} taught me to write tests before I fix anything.",
    "I am from {region}, and I moved to the city for my first job.",
    "{name} said the root cause was a missing index, and {he} was right.",
    "I asked {first} to review my rollback plan before we ran it.",
    "Our team lead {first} and I agreed to freeze deployments for a week.",
    "{first} told me {his} dashboard showed the error rate rising after the release.",
    "During my internship at {employer}, I reduced the build time by 40%.",
    "My classmate from {school}, {name}, helped me design the load test.",
    "The client in {region} was unhappy, so {first} and I called them every day.",
    "I learned this at {school}: measure first, then change one thing at a time.",
    "After {school}, I spent three years at {employer} running on-call rotations.",
    "{name}'s team owned the database, so I asked {his} team to add monitoring.",
    "We were a team of four: {first}, {other}, a tester and me.",
    "I grew up in {region} and studied at {school}.",
    "The outage hit customers of {employer}; {first} wrote the status updates.",
    "Later {name} became {his} manager, and {he} still uses our checklist.",
    "At {school} I led a group project with {first} and {other}.",
    "I joined {employer} in {region} and worked with {name} on the migration.",
]

ZH_PAIRS = [
    (
        Identity("张伟", "张伟", "王强", "清华大学", "腾讯", "北京", "他", "他的"),
        Identity(
            "马建国",
            "马建国",
            "李娜",
            "黄冈职业技术学院",
            "贵阳顺达物流有限公司",
            "贵州",
            "她",
            "她的",
        ),
    ),
    (
        Identity("刘洋", "刘洋", "陈杰", "北京大学", "阿里巴巴", "上海", "他", "他的"),
        Identity(
            "欧阳娜娜",
            "欧阳娜娜",
            "赵敏",
            "毕节职业技术学院",
            "凯里宏达商贸公司",
            "毕节市",
            "她",
            "她的",
        ),
    ),
    (
        Identity("王磊", "王磊", "周涛", "复旦大学", "字节跳动", "深圳", "他", "他的"),
        Identity(
            "杨秀英", "杨秀英", "黄丽", "铜仁学院", "遵义市红星建材厂有限公司", "甘肃", "她", "她的"
        ),
    ),
    (
        Identity("陈明", "陈明", "徐刚", "浙江大学", "华为", "杭州", "他", "他的"),
        Identity(
            "孙桂兰", "孙桂兰", "朱婷", "安顺学院", "六盘水市顺丰快运有限公司", "云南", "她", "她的"
        ),
    ),
]
ZH_PHRASINGS = [
    "{name}和我负责在促销期间修复支付服务的故障。",
    "{name}的想法是先回滚，结果停机时间缩短到15分钟。",
    "我和毕业于{school}的同事{name}一起处理，{he}查看监控数据。",
    "{name}、{other}和我一起把错误定位到一次数据库迁移。",
    "我的经理{name}让我牵头做这次故障复盘。",
    "我在{employer}的时候，结算系统在周五晚上宕机了。",
    "在{region}的{employer}，我负责发布流程两年。",
    "我2019年毕业于{school}，之后加入{employer}做初级工程师。",
    "{school}毕业后，我加入了{employer}，负责监控系统。",
    "我来自{region}，毕业后去大城市找了第一份工作。",
    "{name}说根本原因是缺少索引，{he}说得对。",
    "我请{name}在执行之前审核我的回滚方案。",
    "组长{name}和我决定冻结发布一周。",
    "{name}告诉我，{his}监控面板显示发布后错误率上升。",
    "在{employer}实习期间，我把构建时间减少了40%。",
    "我在{school}的同学{name}帮我设计了压力测试。",
    "{region}的客户很不满意，所以{name}和我每天给他们打电话。",
    "就读{school}期间，我学会了先测量再改动。",
    "母校{school}给了我很多实践机会，后来我在{employer}做了三年值班。",
    "{name}的团队负责数据库，所以我请{his}团队增加了监控。",
    "我们团队有四个人：{name}、{other}、一名测试和我。",
    "我在{region}长大，本科在{school}读的计算机。",
    "故障影响了{employer}的客户，{name}负责写进展通报。",
    "后来{name}成了我的经理，{he}现在还在用我们的检查清单。",
    "本科就读{school}时，我和{name}、{other}一起做过课程项目。",
    "我加入了{region}的{employer}，和{name}一起做数据迁移。",
]

QUESTIONS = {
    "en": "Tell me about a production incident you handled.",
    "zh": "请讲一次您处理线上故障的经历。",
}


def fill(phrasing: str, who: Identity) -> str:
    text = phrasing.format(**who.__dict__)
    return text[0].upper() + text[1:]  # "the University of Guam…" opening a sentence


def twins(language: str) -> list[tuple[str, str]]:
    phrasings, pairs = (EN_PHRASINGS, EN_PAIRS) if language == "en" else (ZH_PHRASINGS, ZH_PAIRS)
    return [(fill(p, a), fill(p, b)) for a, b in pairs for p in phrasings]


@pytest.fixture(scope="module")
def judge() -> OfflineJudge:
    return OfflineJudge()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_at_least_a_hundred_generated_phrasings_per_language(language):
    pairs = twins(language)
    assert len(pairs) >= 100
    assert all(a != b for a, b in pairs)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_an_identity_swap_moves_no_score(judge, language):
    """Both twins of every phrasing are judged; no score moves by more than 0.05."""
    anchors = EN_ANCHORS if language == "en" else ZH_ANCHORS
    pairs = twins(language)
    items = [JudgeInput(QUESTIONS[language], text, anchors) for pair in pairs for text in pair]
    scores = [j.score for j in judge.score_many(items)]
    moved = [
        (abs(scores[2 * i] - scores[2 * i + 1]), neutralise(a), neutralise(b))
        for i, (a, b) in enumerate(pairs)
    ]
    worst = [m for m in moved if m[0] > MAX_MOVE]
    assert not worst, f"{len(worst)} of {len(pairs)} twins moved; e.g. {worst[:3]}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_both_twins_read_the_same_once_neutralised(language):
    """The stronger property behind the score test: the judge sees one text for both."""
    different = [(neutralise(a), neutralise(b)) for a, b in twins(language)]
    different = [d for d in different if d[0] != d[1]]
    assert not different, f"{len(different)} differ; e.g. {different[:3]}"


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Stack and Queue are data structures; a linked list uses pointers.", "Stack"),
        ("Will this scale? May the best design win.", "Will this scale? May"),
        ("Ruby and Julia are languages I use with Docker and Kafka.", "Ruby and Julia"),
        (
            "我们公司在做数据迁移，这个大城市的超市也用我们的系统。",
            "我们公司在做数据迁移，这个大城市的超市",
        ),
        ("他们学院的老师很好，我和大学生志愿者一起做过调研。", "学院的老师很好，我和大学生志愿者"),
        ("我们用支付宝和微信支付收款。", "支付宝"),
    ],
)
def test_ordinary_words_are_not_taken_for_identities(text, kept):
    assert kept in neutralise(text), neutralise(text)


@pytest.mark.parametrize(
    "text, placeholder",
    [
        ("I asked Okafor for help.", "the person"),
        ("Adebayo's plan worked.", "the person's"),
        ("Thandiwe said it was the cache.", "the person said"),
        ("My mentor, Kwabena Mensah, reviewed it.", "the person"),
        ("I studied at Nanyang Technological University.", "a college"),
        ("I worked at Shenzhen Yitian Electronics Co for two years.", "a company"),
        ("某人来自云南。", "某地"),
        ("我在仁怀县长大。", "某地"),
        ("诸葛亮亮负责测试。", "某人"),
    ],
)
def test_identities_the_lists_do_not_hold_are_found_by_their_shape(text, placeholder):
    assert placeholder in neutralise(text), neutralise(text)


def test_the_candidates_own_name_is_replaced_wherever_it_stands():
    text = "Xiuying Qian here. Qian Xiuying's team shipped it."
    assert "Xiuying" not in neutralise(text, ("Xiuying Qian", "Qian Xiuying"))
