"""Text features of the offline judge: sentences, and cue counts (EN + ZH); neutralising
identity tokens lives in neutralise.py.

Everything here is plain string work; the embedding-based features live in judge.py.
"""

import math
import re

from .neutralise import neutralise
from .scoring import tokenise

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


def length(text: str) -> float:
    return min(1.0, math.log1p(len(tokenise(text))) / math.log1p(LENGTH_SATURATION))


def content_tokens(text: str) -> list[str]:
    """Content words (stemmed English, Chinese bigrams), first occurrence order, no repeats."""
    return list(dict.fromkeys(tokenise(text)))


def coverage(answer: str, reference: list[str]) -> float:
    """Share of the reference content tokens that the answer uses."""
    if not reference:
        return 0.0
    used = set(tokenise(answer))
    return sum(token in used for token in reference) / len(reference)
