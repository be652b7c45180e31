"""Helpers of the judge's "a stronger answer would have…" hint (judge._counterfactual).

A hint must never ask for what the answer already shows, and must read as one complete
sentence. Two defects were seen: a hint asked for keywords the answer had matched (spelt
"roll back" where the keyword said "rollback", or "Redis" where it said "redis"), and a hint
asked for "measurable results" under an answer that gave them. So a term counts as present
when it appears after normalisation (NFKC, case, spaces and hyphens), and a rubric clause that
asks for a result, an example or figures is skipped when the answer shows one
(answer_cues.read_answer).
"""

import re
import unicodedata
from dataclasses import replace

from . import judge_features as tf
from .answer_cues import MIN_EXAMPLE_SCORE, AnswerCues, example_score, read_answer, result_cues

# A rubric clause asking for one of these is already answered when the answer shows it.
_ASKS_RESULT = re.compile(
    r"\b(?:results?|outcomes?|measur\w*|figures?|numbers?|metrics?|impact|effect|before and "
    r"after|improv\w*)\b|结果|效果|衡量|数字|数据|前后|指标|对比|成效",
    re.IGNORECASE,
)
_ASKS_EXAMPLE = re.compile(
    r"\b(?:examples?|instances?|specific (?:case|situation|time)|real (?:case|situation)|"
    r"experience|story)\b|例子|实例|案例|经历|具体的事",
    re.IGNORECASE,
)
# Words that cannot end a clause: the sentence would dangle ("mitigates first and").
_DANGLING_END = re.compile(
    r"(?:\b(?:and|or|but|with|to|of|for|the|a|an|by|from|than|then|as|in|on|at|that|which|"
    r"including|such as|e\.g\.?|i\.e\.?)|[和与及或并而且、：:—–-]|以及|并且|例如|比如|包括|"
    r"然后)\s*$",
    re.IGNORECASE,
)
# Connectives that only join the clause to the one before it: dropped from its start.
_JOINING_START = re.compile(
    r"^(?:(?:and|but|or|then|also|so)\b|并且|并|以及|而且|然后|同时|再)\s*", re.I
)
# A clause opening on one of these leans on another ("if it cannot be solved"): not quoted.
_SUBORDINATE_START = re.compile(
    r"^(?:(?:if|when|whenever|because|since|although|though|unless|which|that|while|whereas|"
    r"where|until|before|after|as)\b|如果|假如|因为|由于|虽然|尽管|除非|直到|当)",
    re.IGNORECASE,
)
_OPENING, _CLOSING = "([{（【“「", ")]}）】”」"


def normalised(text: str) -> str:
    """Lower case, full-width folded (NFKC), without spaces, hyphens and underscores."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s\-_‐–—/.·]+", "", folded)


def is_mentioned(term: str, answer: str) -> bool:
    """Whether the answer uses the term: verbatim after normalisation, or all its content
    words (stemmed English, Chinese bigrams)."""
    if normalised(term) and normalised(term) in normalised(answer):
        return True
    tokens = tf.content_tokens(term)
    return bool(tokens) and tf.coverage(answer, tokens) == 1.0


def what_it_shows(answer: str) -> AnswerCues:
    """What the answer may show, read generously: asking for a result the answer gave is worse
    than not asking for one it lacks, so any outcome word or figure counts as a result, and half
    a story as an example (the room's trigger reads them strictly)."""
    shown = read_answer(question="", answer=answer)
    return replace(
        shown,
        has_result=shown.has_result or tf.figures(answer) > 0 or bool(result_cues(answer)),
        has_example=shown.has_example or example_score(answer) >= MIN_EXAMPLE_SCORE - 1,
    )


def asks_for_what_is_shown(clause: str, shown: AnswerCues, answer: str) -> bool:
    """A rubric clause asking for a result or figures under an answer that has them, or for an
    example under an answer that tells one."""
    if _ASKS_RESULT.search(clause) and shown.has_result:
        return True
    return bool(_ASKS_EXAMPLE.search(clause)) and shown.has_example


def complete_clause(clause: str) -> str:
    """The clause without a dangling end or unbalanced brackets, or "" when nothing is left."""
    text = clause.strip(" ,，、.。;；:：")
    while text and _DANGLING_END.search(text):
        text = _DANGLING_END.sub("", text).strip(" ,，、.。;；:：")
    text = _JOINING_START.sub("", text).strip()
    if not is_balanced(text) or _SUBORDINATE_START.search(text):
        return ""
    return text if tf.content_tokens(text) else ""


def is_balanced(text: str) -> bool:
    depth: list[str] = []
    for char in text:
        if char in _OPENING:
            depth.append(_CLOSING[_OPENING.index(char)])
        elif char in _CLOSING and (not depth or depth.pop() != char):
            return False
    return not depth


def missing_part(shown: AnswerCues, chinese: bool) -> str:
    """The general gap when the rubric names none the answer lacks: an example or a result the
    answer does not show, never one it does."""
    if chinese:
        if not shown.has_example:
            return "补充一个亲身经历的具体实例"
        if not shown.has_result:
            return "说明这件事最后的结果"
        return "把每一步和问题的要点联系得更紧"
    if not shown.has_example:
        return "given a concrete example from the candidate's own experience"
    if not shown.has_result:
        return "said what came of it in the end"
    return "tied each step more closely to the point of the question"
