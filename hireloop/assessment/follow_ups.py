"""A follow-up question that names what the candidate said (M8).

"Could you give an example?" after an answer that told one is the worst follow-up there is; a
question that quotes the answer back ("您提到把通知改成了异步，后来结果怎么样？") shows it was read.
The quoted phrase is one clause of the answer itself: the most concrete one (figures, named
tools, nouns and verbs), or, when the result is missing, the last thing that happened. It is
masked as quotes are everywhere else (privacy.masking: e-mail, phone and ID numbers), turned
to the second person (我 → 您, I → you), and kept short; with no clause fit to quote, the
question is asked without one.
"""

import re
from typing import Any

from hireloop.interviews.enums import FollowUpReason
from hireloop.interviews.question_templates import PROPER_NOUNS
from hireloop.privacy.masking import Redactor

from . import answer_cues as cues
from . import judge_features as tf

# A quote longer than this is cut at a word boundary, or another clause is taken: a follow-up
# should be read at a glance, and one clause of about this length names the point.
MAX_QUOTE_CHARS_ZH = 24
MAX_QUOTE_WORDS_EN = 14
MIN_QUOTE_CHARS_ZH = 5
MIN_QUOTE_WORDS_EN = 3

TEMPLATES = {
    "zh-hans": {
        FollowUpReason.NO_RESULT: "您提到{phrase}，后来结果怎么样？有没有可以衡量的变化？",
        FollowUpReason.NO_EXAMPLE: "您提到{phrase}，能讲一次您亲身经历的具体例子吗？"
        "当时是什么情况，您具体做了什么？",
        FollowUpReason.OFF_TOPIC: "您提到{phrase}，这和上面的问题有什么关系？能否更直接地说说您做过"
        "什么，或者会怎么做？",
    },
    "en": {
        FollowUpReason.NO_RESULT: "You mentioned {phrase}. What was the result in the end, "
        "and did anything change that you could measure?",
        FollowUpReason.NO_EXAMPLE: "You mentioned {phrase}. Could you give one concrete "
        "example from your own experience: what was the situation, and what exactly did you do?",
        FollowUpReason.OFF_TOPIC: "You mentioned {phrase}. How does that connect to the "
        "question above? Could you say more directly what you did, or would do?",
    },
}

_LEADING_ZH = re.compile(
    r"^(?:然后|接着|之后|后来|于是|所以|但是|但|而且|并且|另外|同时|还|也|就|再|先|又|并)+"
)
_LEADING_EN = re.compile(
    r"^(?:and|then|so that|so|but|also|after that|afterwards|first|finally|next|once|because|"
    r"that|which|while|when|where|as|if)\b[\s,]*",
    re.IGNORECASE,
)
_EN_PERSON = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you",
    "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves", "am": "are",
    "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "we're": "you're",
    "we've": "you've", "we'd": "you'd",
}  # fmt: skip
# Long English sentences often have no comma: they are also cut before these words.
# ("and" only before a new subject: "caching, queues and read replicas" is one list).
_SUBCLAUSE = re.compile(
    r"\s+(?=\b(?:(?:and|but|so) (?:then )?(?:I|we|they|he|she|it|the|my|our|their)\b|because|"
    r"so that|which|while|whereas)\b)"
)
_EN_SUBJECTS = frozenset(
    [
        "you",
        "your",
        "the",
        "a",
        "an",
        "this",
        "that",
        "it",
        "its",
        "they",
        "their",
        "he",
        "his",
        "she",
        "her",
        "we",
        "every",
        "each",
        "some",
        "most",
        "all",
        "no",
        "nobody",
        "everyone",
        "everybody",
        "people",
        "customers",
        "there",
    ]
)
_QUOTE_MARKS = re.compile(r"[“”\"「」『』‘’]|(?<![A-Za-z])'|'(?![A-Za-z])")
_BRACKETS = re.compile(r"[()（）\[\]【】]")
_EN_WORD = re.compile(r"[A-Za-z']+")
# A cut quote must not end on a word that needs another after it.
_DANGLING_EN = frozenset(
    [
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "to",
        "of",
        "with",
        "for",
        "in",
        "on",
        "at",
        "by",
        "from",
        "that",
        "which",
        "who",
        "as",
        "than",
        "so",
        "against",
        "about",
        "into",
        "over",
        "under",
        "between",
        "through",
        "without",
        "after",
        "before",
        "per",
        "via",
        "like",
        "your",
        "my",
        "our",
        "their",
        "its",
    ]
)
_CONCRETE_TAGS = ("n", "nz", "vn", "eng", "m", "v")


def _tagger() -> Any:
    """jieba's part-of-speech tagger, shared with the resume entity tagger (no words added)."""
    from hireloop.resumes.ner.lexicon import pos_tokenizer

    return pos_tokenizer()


def quoted_phrase(answer: str, reason: str, language: str) -> str:
    """The answer's own words to quote in the follow-up, in the second person, or ""."""
    chinese = language.startswith("zh")
    masked = Redactor([])(answer)
    parts = [
        part
        for clause in cues.clauses(masked)
        if not tf.is_instruction_to_scorer(clause)
        for part in _SUBCLAUSE.split(clause)
    ]
    # Whole clauses that fit first; a long one is cut only when nothing else fits.
    candidates = [p for p in parts if _fits(p, chinese) and not _too_long(p, chinese)]
    candidates = candidates or [p for p in parts if _fits(p, chinese)]
    if not candidates:
        return ""
    if reason == FollowUpReason.NO_RESULT:
        told = [c for c in candidates if cues.is_story_clause(c)]
        clause = (told or candidates)[-1]  # the last thing that happened before the gap
    else:
        clause = max(candidates, key=lambda c: (_salience(c, chinese), -candidates.index(c)))
    return _second_person(_trim(clause, chinese), chinese)


def follow_up_question(answer: str, reason: str, language: str) -> str:
    """The follow-up for this reason, quoting the answer when it has a clause fit to quote."""
    key = "zh-hans" if language.startswith("zh") else "en"
    phrase = quoted_phrase(answer, reason, key)
    if not phrase:
        return ""
    return TEMPLATES[key][FollowUpReason(reason)].format(phrase=phrase)


def _too_long(clause: str, chinese: bool) -> bool:
    text = _trim_start(clause, chinese)
    if chinese:
        return len(text) > MAX_QUOTE_CHARS_ZH
    return len(text.split()) > MAX_QUOTE_WORDS_EN


def _fits(clause: str, chinese: bool) -> bool:
    text = _trim(clause, chinese)
    if chinese:
        return len(text) >= MIN_QUOTE_CHARS_ZH and tf.is_mostly_chinese(text)
    return len(_EN_WORD.findall(text)) >= MIN_QUOTE_WORDS_EN and not tf.is_mostly_chinese(text)


def _salience(clause: str, chinese: bool) -> float:
    """Figures and named things first, then content words; a clause of intent or opinion last."""
    score = 2.0 * tf.figures(clause) + cues.concrete_details(clause)
    if chinese:
        score += 0.5 * sum(w.flag.startswith(_CONCRETE_TAGS) for w in _tagger().cut(clause))
    else:
        score += 0.5 * len(tf.content_tokens(clause))
    score += 1.0 if cues.is_story_clause(clause) else 0.0
    return score - 2.0 * cues.vague_words(clause)


def _trim_start(clause: str, chinese: bool) -> str:
    """Without quote marks, end punctuation and leading connectives ("然后", "and then")."""
    text = _QUOTE_MARKS.sub("", clause).strip().rstrip(".!?。！？…")
    if _unbalanced(text):
        text = _BRACKETS.sub("", text)
    for _ in range(3):  # "and so then": several connectives in a row
        text = (_LEADING_ZH if chinese else _LEADING_EN).sub("", text).strip()
    return text


def _unbalanced(text: str) -> bool:
    return any(text.count(o) != text.count(c) for o, c in ("()", "（）", "[]", "【】"))


def _trim(clause: str, chinese: bool) -> str:
    """Without leading connectives, and cut at a word boundary when too long."""
    text = _trim_start(clause, chinese)
    if chinese:
        if len(text) > MAX_QUOTE_CHARS_ZH:
            words, kept = [w.word for w in _tagger().cut(text)], ""
            for word in words:
                if len(kept) + len(word) > MAX_QUOTE_CHARS_ZH:
                    break
                kept += word
            text = kept.rstrip("的了和与及或、等")
        return text.strip()
    words = text.split()
    if words and _is_capitalised_word(words[0]):
        words[0] = words[0][0].lower() + words[0][1:]
    if len(words) > MAX_QUOTE_WORDS_EN:
        words = words[:MAX_QUOTE_WORDS_EN]
        while words and words[-1].lower() in _DANGLING_EN:
            words.pop()
    return " ".join(words).rstrip(" ,;:-—")


def _is_capitalised_word(word: str) -> bool:
    """ "In", "Engineers": capitalised only because the clause began a sentence ("I", "SQL",
    "Redis"-like names in the middle of a word run are kept)."""
    return (
        len(word) > 1
        and word[0].isupper()
        and word[1:].islower()
        and word not in PROPER_NOUNS
        and word.lower() not in {"i", "i'm", "i've", "i'd", "i'll"}
    )


def _second_person(text: str, chinese: bool) -> str:
    if chinese:
        # 您 is how the room addresses the candidate; 你们 would not be, so "we" becomes
        # "your team" (我们组, 我们团队 and 我们的团队 alike).
        return re.sub(r"我们(?:组|团队|的团队)?", "您的团队", re.sub(r"我(?!们)", "您", text))
    swapped = _EN_WORD.sub(lambda m: _EN_PERSON.get(m.group().lower(), m.group()), text)
    swapped = re.sub(r"\byou was\b", "you were", swapped)
    words = swapped.lower().split()
    if words[0] in _EN_SUBJECTS or "you" in words[1:4]:  # "last month you reorganised…"
        return f"that {swapped}"  # "that you moved the job to a replica"
    if cues.is_story_clause(words[0]):
        return f"that you {swapped}"  # "added rate limiting" after "I …": the same speaker
    return f"“{swapped}”"  # no subject to report it with: quote it


class OfflineFollowUps:
    """The follow-up writer without a model (the default, and every LLM failure's fallback)."""

    def write(self, *, question: str, answer: str, reason: str, language: str) -> str:
        return follow_up_question(answer, reason, language)
