"""Behavioural questions written from a dimension when a job has no questions of its own.

They follow the STAR pattern (situation, task, action, result) that structured interviews
use, so an answer can be scored against the dimension's anchors.
"""

TEMPLATES = {
    "zh-hans": [
        "请讲一个最能体现你「{name}」的真实经历：当时是什么情况，你具体做了什么，结果如何？",
        "在「{name}」方面，你遇到过最难的一次挑战是什么？你是怎么处理的，学到了什么？",
        "请讲一次你在「{name}」上做得不够好的经历：发生了什么，你后来做了哪些改变？",
        "如果入职后的第一个月就需要你发挥「{name}」，你会从哪几件事做起？为什么？",
    ],
    "en": [
        "Tell us about a real situation that best shows your {name}: what was going on, what "
        "exactly did you do, and what was the result?",
        "What is the hardest challenge you have faced that called for {name}? How did you "
        "handle it, and what did you learn?",
        "Tell us about a time your {name} fell short: what happened, and what did you change "
        "afterwards?",
        "If your first month in this role called for {name}, which things would you start "
        "with, and why?",
    ],
}


def questions_for(dimension_name: str, language: str) -> list[str]:
    return [t.format(name=dimension_name) for t in TEMPLATES.get(language, TEMPLATES["en"])]
