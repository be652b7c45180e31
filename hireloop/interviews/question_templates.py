"""Behavioural questions written from a dimension when a job has no questions of its own.

They follow the STAR pattern (situation, task, action, result) that structured interviews
use, so an answer can be scored against the dimension's anchors.
"""

TEMPLATES = {
    # Dimension names are fields ("系统设计", "同理心与情绪安抚"), not abilities: "在「…」方面"
    # reads naturally with any of them, where "发挥「系统设计」" or "体现您「沟通表达」" does not.
    "zh-hans": [
        "请讲一段最能体现您在「{name}」方面能力的真实经历：当时是什么情况，您具体做了什么，"
        "结果如何？",
        "在「{name}」方面，您遇到过的最难的一次挑战是什么？您是怎么处理的，从中学到了什么？",
        "请讲一次您在「{name}」方面做得不够好的经历：发生了什么，您后来做了哪些改进？",
        "假设入职后的第一个月，您就需要在「{name}」方面拿出成果，您会先从哪几件事做起？为什么？",
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


# Capitalised words that stay capitalised inside a sentence, at the start of a dimension's
# name: languages and common tools (acronyms, "SQL", and names like "JavaScript" keep their
# capitals anyway).
PROPER_NOUNS = frozenset({
    "English", "Chinese", "Mandarin", "Cantonese", "Japanese", "Korean", "German", "French",
    "Spanish", "Python", "Java", "Excel", "Linux", "Docker", "Kubernetes", "Rust", "Ruby",
    "Swift", "Kotlin", "Scala",
})  # fmt: skip


def mid_sentence(name: str) -> str:
    """A dimension's name as it reads inside an English sentence: "System design" → "system
    design"; "SQL tuning", "JavaScript" and "Python programming" keep their capitals."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first not in PROPER_NOUNS:
        return name[0].lower() + name[1:]
    return name


def questions_for(dimension_name: str, language: str) -> list[str]:
    """The template questions about a dimension, in the job's language."""
    templates = TEMPLATES.get(language, TEMPLATES["en"])
    name = dimension_name if language.startswith("zh") else mid_sentence(dimension_name)
    return [t.format(name=name) for t in templates]
