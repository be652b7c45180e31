"""Text features of the offline judge: sentences, and cue counts (EN + ZH); neutralising
identity tokens lives in neutralise.py.

Everything here is plain string work; the embedding-based features live in judge.py.
"""

import math
import re
from typing import Any

from .identity_spans import words as split_words
from .neutralise import neutralise
from .scoring import CJK_STOP_BIGRAMS, tokenise

__all__ = ["neutralise"]  # the judge and the LLM judge call it through this module


# --- sentences and instructions aimed at the scorer -------------------------------------------
_SENTENCE = re.compile(r"[^。！？!?；;\n]+(?:[。！？!?；;]+|$)|[^\n]+")
_SENTENCE_BREAK = re.compile(r"(?<=[.])\s+(?=[A-Z0-9\"'(])")
# A sentence that talks to the grader is dropped before scoring, never rewarded (EN + ZH).
_INJECTION = re.compile(
    r"ignore (?:the |all |any |previous |your )*(?:rubric|instructions?|rules|criteria|prompt)"
    r"|disregard (?:the |all |previous )*(?:rubric|instructions?|rules)"
    r"|(?:give|award|assign|rate)(?: me| this(?: answer)?| it)? (?:a |the )?"
    r"(?:10|ten|full|maximum|max|perfect|top)(?: score| marks?| points?|/10)?"
    r"|you are (?:now )?(?:a|the) (?:grader|scorer|judge)|system prompt"
    r"|忽略|无视|不要管|给(?:我|这个回答)?(?:打)?(?:满分|10分|十分|最高分)|评分标准作废",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """Verbatim sentences of the text (Chinese and English punctuation, line breaks)."""
    found = []
    for part in _SENTENCE.findall(text):
        found += [s.strip() for s in _SENTENCE_BREAK.split(part) if s.strip()]
    return found


def is_instruction_to_scorer(sentence: str) -> bool:
    return bool(_INJECTION.search(sentence))


# --- cue features -----------------------------------------------------------------------------
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_STAR_CUES = {
    "situation": r"\bwhen\b|\bwhile\b|\bsituation\b|\bat my (?:last|previous)\b|\blast year\b"
    r"|\bbackground\b|背景|当时|那时|情况",
    "task": r"\bmy (?:task|job|role|goal)\b|\bresponsible\b|\bhad to\b|\bneeded to\b|\bgoal\b"
    r"|任务|负责|目标|需要",
    "action": r"\bI (?:decided|built|wrote|led|organi[sz]ed|implemented|created|designed|talked|"
    r"analy[sz]ed|set up|proposed|fixed|changed)\b|\bfirst(?:ly)?\b|\bthen\b"
    r"|我(?:决定|编写|设计|组织|带领|实现|分析|沟通|制定|提出|修复)|首先|然后|接着",
    "result": r"\bas a result\b|\bresult(?:ed|s)?\b|\boutcome\b|\bin the end\b|\bfinally\b"
    r"|\bled to\b|结果|最终|最后|因此|从而",
}
_STAR = {part: re.compile(pattern, re.IGNORECASE) for part, pattern in _STAR_CUES.items()}
_NUMBER = re.compile(
    r"\d+(?:\.\d+)?%?|[一二两三四五六七八九十百千万]+(?=[个次人天周月年倍家项名%])"
)
_TOOL = re.compile(
    r"\b(?:[A-Z]{2,6}s?|[A-Za-z]+\+\+|[A-Z][a-z]+[A-Z]\w*|python|java(?:script)?|sql|excel|jira"
    r"|git|docker|kubernetes|linux|react|tableau|salesforce)\b"
)
_OUTCOME = re.compile(
    r"\b(?:increas|reduc|improv|sav|grew|grow|cut|deliver|launch|shipp|doubl|halv)\w*\b"
    r"|提升|提高|降低|减少|增长|节省|完成|上线|翻倍",
    re.IGNORECASE,
)
# Length saturates at about 100 words / Chinese bigrams: longer answers earn nothing more.
LENGTH_SATURATION = 100
SPECIFICS_FOR_FULL_CREDIT = 3


def is_mostly_chinese(text: str) -> bool:
    return len(_CJK.findall(text)) > len(_LATIN_WORD.findall(text))


def structure(text: str) -> float:
    """Share of the four STAR parts (situation, task, action, result) with a cue."""
    return len(star_parts(text)) / len(_STAR)


def star_parts(text: str) -> set[str]:
    """Which STAR parts ("situation", "task", "action", "result") the text has a cue for."""
    return {part for part, cue in _STAR.items() if cue.search(text)}


def figures(text: str) -> int:
    """How many numbers and counted quantities the text gives."""
    return len(_NUMBER.findall(text))


def specificity(text: str) -> float:
    """Numbers, named tools and outcome verbs; three or more count as full."""
    found = len(_NUMBER.findall(text)) + len(_TOOL.findall(text)) + len(_OUTCOME.findall(text))
    return min(1.0, found / SPECIFICS_FOR_FULL_CREDIT)


# Generic talk with no case behind it: platitudes, hedges and "I would try my best" (EN + ZH).
# Measured as the share of sentences with such a cue, so a long vague answer is no less vague
# than a short one.
_VAGUE = re.compile(
    r"\bI (?:think|believe|feel|guess)\b|\b(?:very|really|so|most|extremely) important\b"
    r"|\bis (?:key|important|crucial|essential)\b|\balways\b|\bgenerally\b|\busually\b"
    r"|\btry (?:my|our) best\b|\btry to\b|\bbest practices?\b|\bit depends\b|\bvarious\b"
    r"|\bmany things\b|\ba lot\b|\bin general\b|\bprobably\b|\bsomething\b|\bsomehow\b"
    r"|\bas (?:needed|appropriate)\b|\bproperly\b|\bcarefully\b|\bwhatever\b"
    r"|我觉得|我认为|我相信|很重要|非常重要|最重要|一定要|尽量|尽力|努力|积极|总会|慢慢|"
    r"一般|各种|很多|比较|不错|心态|灵活|用心|态度|认真|好好|多(?:沟通|学习|交流|联系|关心)",
    re.IGNORECASE,
)
# Specifics (numbers, named tools, outcome verbs) per ten words: a short answer dense with
# facts earns as much as a long one, unlike specificity, which counts them.
SPECIFICS_PER_TEN_WORDS_FOR_FULL_CREDIT = 1.5


# A step the candidate took or would take, in the first person: "I rolled back", "we added",
# "I would ask", 我先约…, 我们把…. A concrete answer is made of such steps; a vague one of views.
_ACTION = re.compile(
    r"\b(?:I|we)(?: (?:would|will|then|first|also|immediately|quickly|personally))*"
    r" (?:\w+ed|built|wrote|led|made|found|took|ran|set|put|got|gave|sent|kept|met|told|saw"
    r"|chose|held|sold|won|brought|spent|caught|cut|split|ask|add|check|roll|open|write|use"
    r"|start|talk|review|propose|measure|run|estimate|call|move|fix|test)\b"
    r"|我们?(?:先|就|又|还|再|马上|当场|立刻|主动|亲自|单独|会先|会|一起)?"
    r"(?:把|给|带|找|约|发|查|做|写|建|用|拉|请|问|帮|和|跟|让|组织|协调|负责|整理|提交|安排"
    r"|申请|联系|拜访|复盘|登记|核实|承诺|说明|告诉|筛|算|列|加|改)",
    re.IGNORECASE,
)


def actions(sentences: tuple[str, ...] | list[str]) -> float:
    """Share of the sentences that state a first-person step."""
    if not sentences:
        return 0.0
    return sum(bool(_ACTION.search(s)) for s in sentences) / len(sentences)


def vagueness(sentences: tuple[str, ...] | list[str]) -> float:
    """Share of the sentences that carry a generic or hedging cue."""
    if not sentences:
        return 0.0
    return sum(bool(_VAGUE.search(s)) for s in sentences) / len(sentences)


def density(text: str) -> float:
    """Specifics per ten content words, 1.0 at SPECIFICS_PER_TEN_WORDS_FOR_FULL_CREDIT."""
    words = len(tokenise(text))
    if not words:
        return 0.0
    found = len(_NUMBER.findall(text)) + len(_TOOL.findall(text)) + len(_OUTCOME.findall(text))
    return min(1.0, 10 * found / words / SPECIFICS_PER_TEN_WORDS_FOR_FULL_CREDIT)


def length(text: str) -> float:
    return min(1.0, math.log1p(len(tokenise(text))) / math.log1p(LENGTH_SATURATION))


# Chinese words of one character (的, 了, 把, 会…) and these words say nothing of the topic.
_CJK_STOP_WORDS = CJK_STOP_BIGRAMS | frozenset(
    split_words(
        "觉得 非常 比较 一些 这样 那样 如果 但是 而且 还是 已经 或者 进行 通过 这次 那次 之后"
        " 之前 以后 时候 一下 一点 一定 当时 大家 您们 现在 这些 那些 其实 所有 怎么 怎样"
    )
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _chinese_segmenter() -> Any:
    """jieba's plain word cutter, shared with the resume entity tagger (no words added)."""
    from hireloop.resumes.ner.lexicon import tokenizer

    return tokenizer()


def words(text: str) -> list[str]:
    """Content words: stemmed English words (as scoring.tokenise makes them) and Chinese words
    of two or more characters cut by jieba's dictionary (not character pairs: "拓和" and "和经"
    are no words), function words left out."""
    found: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text.replace("她", "他")):
        found += tokenise(text[position : run.start()])
        cut = _chinese_segmenter().lcut(run.group(0), HMM=False)
        found += [word for word in cut if len(word) > 1 and word not in _CJK_STOP_WORDS]
        position = run.end()
    return found + tokenise(text[position:])


def content_tokens(text: str) -> list[str]:
    """Content words (stemmed English, Chinese words), first occurrence order, no repeats."""
    return list(dict.fromkeys(words(text)))


def coverage(answer: str, reference: list[str]) -> float:
    """Share of the reference content tokens that the answer uses."""
    if not reference:
        return 0.0
    used = set(words(answer))
    return sum(token in used for token in reference) / len(reference)


def topicality(answer: str, topic: str) -> float:
    """Share of the answer's content words that the question, anchors or keywords use: an
    answer about something else shares almost none, however long it is."""
    said = content_tokens(answer)
    if not said:
        return 0.0
    vocabulary = set(words(topic))
    return sum(word in vocabulary for word in said) / len(said)
