"""What an interview answer shows, read from its wording: vague, an example, a result, off topic.

The room's remark and follow-up (feedback.py) and the "stronger answer" hint (judge.py) ask for
what an answer lacks, so both need to know what it already has. Everything here is plain string
work on the answer's clauses (English and Chinese), so it runs inside the candidate's request.
Rules and constants were chosen on the development part of the labelled set
(tests/data/remark_answers.json) and measured on its held-out part (docs/interview-room.md).
"""

import re
from dataclasses import dataclass

from . import judge_features as tf

# --- clauses and their mood -------------------------------------------------------------------
_CLAUSE = re.compile(r"[^。！？!?；;，,：:\n]+")
# A clause about what one would, will or should do describes a plan or an opinion, not an event.
_HYPOTHETICAL = re.compile(
    # Not reported speech: "said he would", "told them I'd".
    r"(?<!said )(?<!told )(?<!promised )(?<!thought )(?<!hoped )(?<!knew )(?<!said he )"
    r"(?<!said she )(?<!said they )\b(?:would|will|shall|should|could|can|must|might|may|"
    r"I'?d|we'?d|I'll|we'll|let's|if|need to|needs to|has to|have to|going to|want to|try to)\b"
    r"|会|如果|假设|假如|可以|应该|应当|需要|要|打算|准备|争取|尽量|希望|建议|必须|能否|得先",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|me|us)\b|我", re.IGNORECASE)
_EN_PAST = re.compile(
    r"\b(?:[a-z]{2,}ed|took|made|found|led|ran|built|did|went|got|gave|saw|wrote|told|kept|met|won|"
    r"sold|began|chose|brought|spent|set|put|thought|was|were|had|came|left|sent|caught|held|"
    r"heard|knew|lost|paid|said|shut|split|stood|swapped|taught|understood|fell|rose|grew|cut|"
    r"became|broke|drew|drove|felt|forgot|hung|hit|let|meant|read|rang|sat|slept|spoke|stuck|"
    r"struck|thrown|threw|wore|woke)\b",
    re.IGNORECASE,
)
# "I've always believed", "I have opened plenty": a claim of experience, not one event.
_EN_PERFECT = re.compile(r"\b(?:I|we)(?:'ve| have)\b", re.IGNORECASE)
# 了 after a verb, 过 before a specific object ("接过一个", "踩过这个坑"); not 了解, 为了, 除了.
_ZH_PAST = re.compile(
    r"(?<![为除])了(?![解])|过(?=[一两几这那类])|当时|那时|那次|那天|后来|事后|曾经|之后"
)
# Words that place an account at one time: a story starts with one of them.
_TIME_ANCHOR = re.compile(
    r"\b(?:last (?:year|month|week|winter|summer|spring|autumn|quarter)|once|one (?:day|time|"
    r"morning|afternoon|evening|night|week|month|year)|at my (?:last|previous)|at my old|"
    r"early in my|when I (?:was|joined|worked)|a few (?:years|months|weeks) ago|"
    r"(?:years|months|weeks|days) ago|in \d{4}|yesterday|that (?:day|week|night|time))\b"
    r"|去年|前年|上个?月|上周|有一次|一次|那次|那天|当时|之前|以前|上家公司|上一家|刚工作|刚入职|"
    r"那年|有一天|有个|有位|有一位|有家|有一家",
    re.IGNORECASE,
)

# --- results -----------------------------------------------------------------------------------
_RESULT = re.compile(
    r"\b(?:fell|dropped|rose|grew|doubled|halved|went (?:from|down|up)|came down|down to|up to|"
    r"from [\d.,]+\s?\w* to|reduced|increased|improved|saved|cut|signed|renewed|won|closed|"
    r"shipped|launched|went live|held|succeeded|stopped|disappeared|recovered|resolved|fixed|"
    r"restored|caught|agreed|accepted|dropped|chose|arrived|returned|rated|satisf\w*|thank\w*|"
    r"praised|awards?|five stars|went with|signed|"
    r"(?:has|have|had)n'?t (?:happened|failed|hung|come back)|(?:has )?not (?:happened|hung|"
    r"failed) since|never (?:\w+ )?again|since then|after that|in the end|eventually|finally|"
    r"as a result|zero|no (?:longer|more)|far fewer|fewer|none)\b"
    r"|降到|降了|降低了|减少了|少了|提升了|提高了|涨了|增长了|翻了|缩短|从[^，。]{0,12}到|"
    r"没有再|没再|再也没|不再|就没有了|签了|签下|续了|续约了|拿下|成交|上线后|改完|之后|以后|"
    r"从那以后|最后(?!发现|查到|才)|最终(?!发现)|结果|后来|终于|解决了|找到了|恢复|挽回|收到了|"
    r"送到|发出|给了|接受了|同意了|选了|撑住|卖完|满意|感谢|表扬",
    re.IGNORECASE,
)


# Chosen on the development part: 3 = an event opening ("有一次", "Last year") and one clause of
# what happened, or three such clauses.
MIN_EXAMPLE_SCORE = 3


@dataclass(frozen=True)
class AnswerCues:
    """What the answer shows (each a question a reader of the answer could check)."""

    is_vague: bool
    has_example: bool
    has_result: bool
    is_off_topic: bool
    story_clauses: int = 0  # clauses telling what the candidate (or team) did
    concrete_details: int = 0


def clauses(text: str) -> list[str]:
    return [c.strip() for s in tf.sentences(text) for c in _CLAUSE.findall(s) if c.strip()]


def is_hypothetical(clause: str) -> bool:
    return bool(_HYPOTHETICAL.search(clause))


def is_story_clause(clause: str) -> bool:
    """A clause telling something the speaker (or their team) did or went through."""
    if is_hypothetical(clause):
        return False
    if tf.is_mostly_chinese(clause):
        return bool(_ZH_PAST.search(clause))
    return bool(_EN_PAST.search(clause)) and not _EN_PERFECT.search(clause)


# --- concreteness ----------------------------------------------------------------------------
# Details a listener could check: figures, named tools, quoted words, ordered steps.
_TOOL_WORD = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][A-Za-z0-9+#./-]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}|[a-z]+[._][a-z_.()]+"
    r"|[A-Z][a-z]+(?=[\u4e00-\u9fff]))"
)
_QUOTE = re.compile(r"[“\"「‘'][^”\"」’']{2,}[”\"」’']")
_STEP = re.compile(
    r"\b(?:first(?:ly)?|then|next|after(?:wards| that)?|finally|once|until|before|week one|"
    r"month one|step)\b|先|再|然后|接着|之后|最后|第[一二三四五六七八九十]",
    re.IGNORECASE,
)
# Words of opinion and good intentions, the matter of a vague answer.
_VAGUE = re.compile(
    r"\b(?:I think|I believe|I feel|in my view|to my mind|I'?d say|the key|the most important|"
    r"most importantly|important|essential|always|usually|generally|in general|normally|overall|"
    r"in short|of course|sincere(?:ly)?|patient(?:ly)?|seriously|properly|positive|actively|"
    r"do my (?:best|utmost)|as far as possible|make sure|ensure|guarantee|"
    r"communicat\w*|attitude|mindset|principles?|responsib\w*|efficien\w*|quality|"
    r"appropriate|reasonabl[ey]|sensibl[ey]|in time|promptly|thorough(?:ly)?|carefully|"
    r"experience|lessons?|relationship|trust|value|balance|depends?|situation|"
    r"it'?s about|there are|plenty|many|lots of|a lot)\b"
    r"|我觉得|我认为|我相信|在我看来|关键|最重要|重要|必不可少|一定|总之|总的来说|一般|通常|"
    r"平时|始终|一直|尽量|尽力|尽最大|积极|认真|耐心|真诚|用心|诚意|及时|合理|做好|保证|确保|"
    r"沟通|态度|心态|原则|责任|效率|质量|经验|教训|关系|信任|价值|平衡|取舍|具体要看|"
    r"根据实际|结合|相关|适当|充分|严格|谨慎|万无一失|很多|不少|各种",
    re.IGNORECASE,
)


def concrete_details(text: str) -> int:
    return (
        tf.figures(text)
        + len(_TOOL_WORD.findall(text))
        + len(_QUOTE.findall(text))
        + len(_STEP.findall(text))
    )


def vague_words(text: str) -> int:
    return len(_VAGUE.findall(text))


# An answer that opens on an event: "有一次…", "去年…", "Last year…", "A merchant said…".
_EVENT_OPENING = re.compile(
    r"^(?:[^。！？.!?]{0,12}?(?:有一次|去年|前年|上个?月|上周|有一天|有一周|那次|那年|刚工作|刚入职|"
    r"之前|以前|上家公司|在上一家|最难的一次|这个场景我|我遇到过|我碰到过|我做过|我接过|我开拓过|"
    r"我跟了|我们组之前|我们之前|有[一]?[个位家次]))"
    r"|^(?:[^.!?]{0,30}?\b(?:last (?:year|month|week|winter|summer)|once|one (?:day|time|morning|"
    r"week|evening)|at my (?:last|previous) (?:job|company)|early in my career|I had (?:a|exactly)|"
    r"I've had|I got bitten|we had|I ran into|I did a|I worked on|I opened|I took|I was|I spent|"
    r"I got|I turned|I had|a (?:customer|merchant|client|colleague|senior)\b[^.!?]{0,40}?\b(?:was|"
    r"were|said|believed|shouted|had|demanded|asked|called|threatened|thought|wanted)))",
    re.IGNORECASE,
)
_EN_I_PAST = re.compile(
    r"\b(?:I|we|my team)\b(?:(?!\b(?:would|will|'d|should|can|could)\b)[^,.;:!?]){0,40}?"
    + _EN_PAST.pattern[2:-2].join(["\\b(?:", ")\\b"]),
    re.IGNORECASE,
)


def example_score(answer: str) -> int:
    """How strongly the answer reads as an account of one past event."""
    parts = clauses(answer)
    story = sum(is_story_clause(c) for c in parts)
    chinese = tf.is_mostly_chinese(answer)
    first_person = bool(_FIRST_PERSON.search(answer))
    if not chinese:
        story = len(_EN_I_PAST.findall(answer)) + story // 2
    opening = 2 if _EVENT_OPENING.search(answer.strip()) else 0
    anchored = 1 if _TIME_ANCHOR.search(answer) else 0
    return (story + opening + anchored) if first_person else 0


def result_cues(answer: str) -> list[str]:
    """The outcome words of the clauses that tell what happened (not what would happen)."""
    found = (_RESULT.search(c) for c in clauses(answer) if not is_hypothetical(c))
    return [match.group().lower() for match in found if match]


def hypothetical_clauses(answer: str) -> int:
    return sum(is_hypothetical(c) for c in clauses(answer))


# --- off topic ---------------------------------------------------------------------------------
# Turning the question's word to another subject: "说到测试…", "Speaking of tests…".
_DEFLECTION = re.compile(
    r"让我想起|说到|提到这个|这个词|这件事我|\b(?:reminds? me|speaking of|talking of|by the way)\b",
    re.IGNORECASE,
)
# Life outside the job asked about: hobbies, family, exams, reading, social media, induction.
_ELSEWHERE = re.compile(
    r"家里人|买房|租房|公众号|自媒体|朋友圈|小红书|抖音|考试|认证|刷题|读书|看过很多|书|旅行|攻略|"
    r"入职的时候|团建|公司文化|"
    r"\b(?:my (?:partner|wife|husband|family|parents)|a flat|blog|social media|exams?|"
    r"certification|books on|read (?:many|lots of) books|travel|induction|team-building|"
    r"company culture|hobby)\b",
    re.IGNORECASE,
)
# What the company or others should do, instead of what the candidate did or would do.
_PRESCRIBING = re.compile(
    r"公司(?:应该|可以|也可以|需要|要)|应该多"
    r"|\b(?:the company|management) (?:should|could|needs? to)\b"
    r"|\bshould (?:have|be|get|pay) (?:more|extra)\b",
    re.IGNORECASE,
)
# Reciting what a tool offers, not how one used it.
_RECITAL = re.compile(r"它支持|它的优点|\bit (?:supports|offers|provides|has)\b", re.IGNORECASE)


# Judging the premise or other people instead of answering: "说实话政策本身需要调整",
# "Management ought to understand that", "Procurement staff changing is very common".
_OTHERS_SHOULD = re.compile(
    r"(?:公司|产品|管理层|领导|政策|流程|系统|财务|银行|平台|销售|研发|渠道|机制|功能)"
    r"[^，。！？]{0,10}?"
    r"(?:应该|需要调整|需要加强|本身|太死|太慢|缺少|意义不大|不太可靠)"
    r"|\b(?:company|product|management|policy|process|finance|bank|platform|salespeople|channel|"
    r"engineering|feature|team)\b[^,.;!?]{0,30}?\b(?:should|ought|needs? (?:changing|strengthening|"
    r"work)|too (?:rigid|slow)|lacks?|itself|is worth)\b",
    re.IGNORECASE,
)
_COMMONPLACE = re.compile(
    r"很常见|一般都有|大部分公司|大多数公司|各有优缺点|我了解过|说实话|与其|希望公司"
    r"|\b(?:is (?:very )?common|most companies|pros and cons|I know (?:\w+ )?(?:architectures|"
    r"systems)|to be honest|honestly|in my opinion|I hope the company|we ought to|rather than "
    r"optimising)\b",
    re.IGNORECASE,
)
# The candidate's own doing, past or planned ("我会先…", "I'd ask…", "I rolled back…").
_OWN_PLAN = re.compile(
    r"我(?:会|先|就|把|们会|们先)"
    r"|\b(?:I'?d|I would|I will|I'll|we'?d|we would)\b(?! (?:rather|say that))",
    re.IGNORECASE,
)


def takes_no_part(answer: str) -> bool:
    """The answer neither tells what the candidate did nor says what they would do."""
    return (
        example_score(answer) < MIN_EXAMPLE_SCORE
        and not _OWN_PLAN.search(answer)
        and (concrete_details(answer) < 3)
    )


def off_topic_cues(answer: str) -> int:
    """Signs of another subject: a deflection, life outside the job, tool recital, or a verdict
    on the premise or on others from someone who takes no part in the answer."""
    cues = sum(bool(p.search(answer)) for p in (_DEFLECTION, _ELSEWHERE, _PRESCRIBING, _RECITAL))
    if takes_no_part(answer):
        cues += bool(_OTHERS_SHOULD.search(answer)) + bool(_COMMONPLACE.search(answer))
    return cues


def read_answer(*, question: str, answer: str, anchor_high: str = "") -> AnswerCues:
    """What the answer shows. An off-topic answer shows nothing else: its story or figures do
    not answer the question."""
    concrete = concrete_details(answer)
    story = example_score(answer)
    if off_topic_cues(answer) >= 1:
        return AnswerCues(False, False, False, True, story, concrete)
    has_example = story >= MIN_EXAMPLE_SCORE
    results = result_cues(answer)
    # A result told without a story ("the refactor shipped in the end; coverage went from 30% to
    # 75%") counts when it is not a plan: two outcome cues and at most one clause of intent.
    told_alone = len(set(results)) >= 2 and hypothetical_clauses(answer) <= 1
    has_result = bool(results) and (has_example or story >= 2 or told_alone)
    is_vague = not has_example and (concrete == 0 or vague_words(answer) >= concrete)
    return AnswerCues(is_vague, has_example, has_result, False, story, concrete)
