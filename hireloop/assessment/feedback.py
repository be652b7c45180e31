"""The remark and follow-up after each answer in the interview room (M8).

It runs inside the candidate's request, so it uses only the judge's cue features (STAR parts,
figures, word overlap with the question) — plain string work, no embedding — and is the same
for the same answer. The remark names one strength and the one thing that would help most; a
follow-up is asked only when the answer lacks what an interviewer would ask for next: the
point of the question, an example from the candidate's own experience, or its result.
"""

from dataclasses import replace

from hireloop.interviews.enums import FollowUpReason
from hireloop.interviews.feedback import Feedback
from hireloop.interviews.question_templates import TEMPLATES as QUESTION_TEMPLATES

from . import judge_features as tf
from .answer_cues import AnswerCues, read_answer
from .follow_up_engines import configured_follow_ups

MIN_TOPIC_WORDS = 2
# Words of how interview questions are asked, not of what they are about (tokens as
# judge_features.content_tokens makes them: stemmed English, Chinese bigrams).
GENERIC_QUESTION_WORDS = frozenset(
    tf.content_tokens(
        "tell us about real situation best shows show your what was going on exactly did you do "
        "and the result example concrete specific time describe share experience how handle "
        "learn hardest challenge faced called measured measurable results outcome strong answer "
        "请讲一个 最能体现 真实经历 当时是 什么情况 具体做了 什么 结果如何 "
        "请分享 一次 经历 你是 怎么 处理 学到了 具体的例子 可衡量的结果 "
        # The generated questions' own wording, around the dimension's name.
        + " ".join(
            template.replace("{name}", " ")
            for templates in QUESTION_TEMPLATES.values()
            for template in templates
        )
    )
)
# Shorter answers get no follow-up: "I don't know" is better met by the next question.
MIN_TOKENS_FOR_FOLLOW_UP = 6

TEXTS = {
    "en": {
        "structure": "clear structure",
        "figures": "concrete figures",
        "example": "a real example",
        "brief": "thank you",
        "need_example": "a concrete example from your own experience would make it stronger",
        "need_result": "saying what came of it would make it stronger",
        "need_figures": "a figure or a measurable outcome would make it stronger",
        "need_focus": "tying it more closely to the question would make it stronger",
        "good": "nothing essential is missing",
        "ask_example": "Could you give one concrete example from your own experience: what was "
        "the situation, and what exactly did you do?",
        "ask_result": "What was the result in the end? Is there anything you could measure?",
        # The follow-up page shows the question above it: no need to repeat it here.
        "ask_focus": "Could you answer the question above more directly: what did you do, or "
        "what would you do?",
    },
    "zh-hans": {
        "structure": "结构清晰",
        "figures": "有具体数据",
        "example": "有真实的例子",
        "brief": "感谢您的回答",
        "need_example": "如果能举一个您亲身经历的具体例子会更好",
        "need_result": "如果能说明最后的结果会更好",
        "need_figures": "如果能给出数据或可衡量的结果会更好",
        "need_focus": "如果能更紧扣问题本身会更好",
        "good": "要点都已讲到",
        "ask_example": "能举一个您亲身经历的具体例子吗？当时是什么情况，您具体做了什么？",
        "ask_result": "这件事最后的结果如何？有没有可以衡量的数据？",
        "ask_focus": "能否更直接地回答上面的问题：您做过什么，或者会怎么做？",
    },
}


class QuickFeedback:
    """Deterministic, fast feedback from the answer's wording (English and Chinese)."""

    def feedback(self, *, question: str, answer: str, anchor_high: str, language: str) -> Feedback:
        words = TEXTS["zh-hans" if language.startswith("zh") else "en"]
        shown = what_the_answer_shows(question=question, answer=answer, anchor_high=anchor_high)
        strength = _strength(answer, shown, words)
        reason = follow_up_reason(answer, shown)
        if not reason:
            gap = words["need_figures"] if tf.figures(answer) == 0 else words["good"]
            return Feedback(_remark(strength, gap))
        need = {"off_topic": "need_focus", "no_example": "need_example", "no_result": "need_result"}
        writer = configured_follow_ups()
        worded = writer.write(question=question, answer=answer, reason=reason, language=language)
        ask = worded or words[_FIXED_QUESTION[reason]]
        return Feedback(_remark(strength, words[need[reason]]), ask, reason)


def what_the_answer_shows(*, question: str, answer: str, anchor_high: str) -> AnswerCues:
    """The answer's cues (answer_cues.read_answer), and off topic as well when a vague answer
    shares no word with what the question is about (a concrete plan or a story may use words of
    its own). The follow-up trigger's
    precision and recall are measured on this (bench/remarks.py)."""
    shown = read_answer(question=question, answer=answer, anchor_high=anchor_high)
    if shown.is_off_topic or not shown.is_vague:
        return shown
    if _misses_the_point(answer, question, anchor_high):
        return replace(shown, is_vague=False, has_result=False, is_off_topic=True)
    return shown


_FIXED_QUESTION = {"off_topic": "ask_focus", "no_example": "ask_example", "no_result": "ask_result"}


def follow_up_reason(answer: str, shown: AnswerCues) -> str:
    """The one thing to ask for next ("" for nothing): the point of the question, an example
    of the candidate's own, or what came of the example told. Short answers get no follow-up:
    "I don't know" is better met by the next question."""
    if len(tf.content_tokens(answer)) < MIN_TOKENS_FOR_FOLLOW_UP:
        return ""
    if shown.is_off_topic:
        return FollowUpReason.OFF_TOPIC
    if shown.is_vague:
        return FollowUpReason.NO_EXAMPLE
    if shown.has_example and not shown.has_result:
        return FollowUpReason.NO_RESULT
    return ""


def _strength(answer: str, shown: AnswerCues, words: dict[str, str]) -> str:
    """The one strength the answer really has: praise for "a real example" only when it tells
    one (a vague answer was once praised for it in Chinese)."""
    if shown.is_off_topic or shown.is_vague:
        return words["brief"]
    if shown.has_example and shown.has_result and len(tf.star_parts(answer)) >= 3:
        return words["structure"]
    if tf.figures(answer) >= 2:
        return words["figures"]
    return words["example"] if shown.has_example else words["brief"]


def _misses_the_point(answer: str, question: str, anchor_high: str) -> bool:
    """No word in common with what the question is about (its words minus the vocabulary
    every interview question shares). A good story may share no word with a general question,
    so this is asked only of answers that tell no story."""
    topic = [
        token
        for token in tf.content_tokens(f"{question} {anchor_high}")
        if len(token) > 1 and token not in GENERIC_QUESTION_WORDS
    ]
    return len(topic) >= MIN_TOPIC_WORDS and tf.coverage(answer, topic) == 0


def _remark(strength: str, gap: str) -> str:
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in strength + gap)
    text = f"{strength}；{gap}。" if chinese else f"{strength}; {gap}."
    return text[0].upper() + text[1:]
