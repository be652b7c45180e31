"""Chinese words of a job's own text, cut by jieba's dictionary rather than into character pairs.

Character bigrams need no dictionary, but as a job's terms they read as nonsense to the recruiter
they are quoted to ("开拓和经营" gave "拓和" and "和经"). jieba's precise mode cuts the text into
dictionary words; the bilingual skills of the synonym table are added to its dictionary, and a
job's own listed Chinese skills are cut out before segmenting, so both stay whole ("数据分析").
"""

import functools
import logging
import re
from collections.abc import Iterable

import jieba

from hireloop.resumes.fields import SKILL_SYNONYMS

from .words import CJK_RUN, CJK_STOP

# Words of two or more characters that every job ad uses and that say nothing of the job:
# function words, connectives and the generic verbs of requirements.
# fmt: off
CJK_STOP_WORDS = CJK_STOP | frozenset({
    "一起", "通过", "需要", "可以", "并且", "或者", "等等", "其他", "其它", "一个", "你们",
    "他们", "及其", "为了", "对于", "关于", "根据", "如果", "因为", "所以", "但是", "而且",
    "同时", "之一", "没有", "不是", "已经", "还是", "这些", "那些", "这个", "那个", "哪些",
    "主要", "各种", "所有", "任何", "非常", "熟练", "掌握", "了解", "优秀", "欢迎", "加入",
    "提供", "完成", "持续", "参加", "参与", "包括", "按时", "至少", "以下", "之间", "方面",
})
# fmt: on


@functools.cache
def _segmenter() -> jieba.Tokenizer:
    """jieba's tokenizer with the known skills in its dictionary, built once per process.

    Its own tokenizer, not jieba's global one, so that no other user of jieba changes ours.
    Building it reads the dictionary shipped in the wheel (no network) and logs to stderr at
    debug level, hence the quieter logger.
    """
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    for canonical, spellings in SKILL_SYNONYMS.items():
        for spelling in (canonical, *spellings):
            if CJK_RUN.fullmatch(spelling):
                segmenter.add_word(spelling)
    return segmenter


def chinese_words(text: str, keep: Iterable[str] = ()) -> list[str]:
    """The Chinese words of text of two or more characters, stop words left out, in order.

    keep holds phrases that must come out whole, such as the job's listed Chinese skills;
    only phrases written wholly in Chinese are honoured.
    """
    kept = sorted({p for p in keep if CJK_RUN.fullmatch(p)}, key=len, reverse=True)
    pieces = re.split(f"({'|'.join(map(re.escape, kept))})", text) if kept else [text]
    words: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:  # re.split puts the kept phrases at the odd places
            words.append(piece)
            continue
        for run in CJK_RUN.findall(piece):
            cut = _segmenter().lcut(run)
            words += [word for word in cut if len(word) >= 2 and word not in CJK_STOP_WORDS]
    return words
