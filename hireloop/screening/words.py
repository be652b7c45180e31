"""Words of resumes and jobs for matching: stemmed English words and Chinese bigrams."""

import functools
import re

LATIN_WORD = re.compile(r"[a-z][a-z0-9+#.'-]*[a-z0-9+#]|[a-z]")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# fmt: off
_STOP_TEXT = """
a about above across after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each etc few for
from further had has have having he her here hers him his how i if in into is it its itself
just me more most my no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them then there these they this those through to
too under until up very was we were what when where which while who whom why will with within
without would you your yours
ability able candidate candidates company duties excellent experience experienced good great
help including job looking must new plus position preferred proven required requirement
requirements responsibilities responsible role seeking skill skills strong team teams us various
well work working year years
"""
CJK_STOP = frozenset({
    "负责", "工作", "经验", "具有", "具备", "熟悉", "能力", "以上", "相关", "优先", "要求",
    "岗位", "职位", "公司", "我们", "良好", "以及", "进行", "能够", "一定", "年以", "任职",
})
# fmt: on
STOPWORDS = frozenset(_STOP_TEXT.split())
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def tokenize(text: str) -> list[str]:
    """Lower-case stemmed words (stop words dropped) and Chinese character bigrams."""
    return [token for token, _ in labelled_tokens(text)]


def labelled_tokens(text: str) -> list[tuple[str, str]]:
    """(token, the word as written) for each token of text, in reading order."""
    tokens = latin_tokens(text)
    for run in CJK_RUN.findall(text):
        grams = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        tokens += [(gram, gram) for gram in grams if gram not in CJK_STOP]
    return tokens


def latin_tokens(text: str) -> list[tuple[str, str]]:
    """(stem, the word as written, lower case) of each English word of text, stop words out."""
    return [(stem(w), w) for w in LATIN_WORD.findall(text.lower()) if w not in STOPWORDS]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer (plural, -ing, -ed, final e), so that "reconciled",
    "reconciles" and "reconcile" meet, and "nursing" meets "nurses". Deliberately
    conservative: every hit is quoted to the recruiter, who must recognise the word."""
    word = word.strip(".'-")
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 6:
        word = word[:-3]
    elif (word.endswith("ed") and len(word) >= 5) or (word.endswith("es") and len(word) > 5):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "is", "us")):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word
