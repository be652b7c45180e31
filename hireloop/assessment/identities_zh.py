"""Chinese identity tokens: person names, schools, employers and regions (see neutralise.py).

Found with jieba's words and parts of speech, the resume entity tagger (NAME, ORG, LOC) and
lists (Faker's zh_CN surnames, given names, provinces, cities and countries; well-known schools
and employers); an organisation by its suffix word (大学, 学院, 有限公司…) with the name words
before it.
"""

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from .identity_spans import Span, alternation, finditer, words

Words = Sequence[tuple[str, str, int]]  # (word, part of speech, start), as jieba cut them

_ZH_SCHOOLS_KNOWN = words(
    "清华大学 北京大学 复旦大学 浙江大学 上海交通大学 南京大学 中国科学技术大学 武汉大学 清华 北大"
    " 复旦 浙大 交大 哈佛 斯坦福 牛津 剑桥 麻省理工"
)
_ZH_EMPLOYERS_KNOWN = words(
    "阿里巴巴 阿里 腾讯 字节跳动 字节 华为 百度 美团 京东 小米 网易 拼多多 滴滴 快手 蚂蚁集团"
    " 携程 中兴 联想 微软 谷歌 亚马逊 苹果公司 高盛 麦肯锡 德勤 普华永道 毕马威 安永 招商银行"
    " 工商银行 建设银行 中国银行 农业银行 平安 顺丰 比亚迪 宁德时代 大疆 海尔 格力 万科"
)
_ZH_KNOWN = re.compile(
    f"(?P<school>{alternation(_ZH_SCHOOLS_KNOWN)})|(?P<employer>{alternation(_ZH_EMPLOYERS_KNOWN)})"
)
# An organisation is a word ending in a school's or a company's suffix word, with the place and
# name words before it ("深圳/职业/技术/学院", "贵阳/顺达/物流/有限公司").
_ZH_SUFFIX = {
    "school": re.compile(r"(?:大学|学院|学校|中学|小学|职校|技校)$"),
    "employer": re.compile(
        r"(?:公司|集团|银行|证券|保险|事务所|工作室|研究院|研究所|商店|商行|超市|酒店|饭店|餐厅|医院"
        r"|诊所|工厂)$"
    ),
}
# Words before an organisation that are not part of its name although jieba tags them as nouns.
_ZH_LEAD_WORDS = frozenset(
    words(
        "母校 就读 就读于 毕业 毕业于 本科 硕士 博士 研究生 专科 大专 高中 初中 来自 我们 他们"
        " 入职 加入 任职 实习 工作 上家 一家 这家 那家 该 原 考入 进入 考上 读 去 到 就职 就职于"
        " 贵 本 我司 每家 各家 其他 别的"
    )
)
# Particles, prepositions, pronouns, conjunctions and adverbs never sit inside a name.
_FUNCTION_TAGS = ("u", "p", "r", "c", "d")
_NAME_PART_TAGS = ("n", "j", "vn", "b", "nz", "ns", "nt", "nr", "eng")
_MAX_NAME_WORDS = 5
_ZH_REGION_SUFFIX = re.compile(r"(?:省|市|县|区|州|镇|乡|村|自治区|特别行政区)$")
_COMPOUND_SURNAMES = frozenset(words("欧阳 司马 诸葛 上官 皇甫 慕容 令狐 夏侯 尉迟 司徒"))
_ZH_PERSON_TAGS = ("nr", "nrt", "nrfg")
_GLUED_WORDS = "和与跟同给被把让叫请"  # one-character words jieba sometimes joins to a name
# Faker lists 399 surnames by frequency; the rare ones (支, 付…) begin too many other words that
# jieba tags as names (支付宝), so only the common ones confirm a name.
_COMMON_SURNAMES = 150
_RARE_VERB_FREQUENCY = 500


def _chinese_tagger() -> Any:
    """jieba's part-of-speech tagger, shared with the resume entity tagger (no words added)."""
    from hireloop.resumes.ner.lexicon import pos_tokenizer

    return pos_tokenizer()


@functools.cache
def _chinese_lists() -> tuple[frozenset[str], re.Pattern[str]]:
    """Surnames, and the regions (countries, provinces, cities) as one pattern."""
    from faker.providers.address.zh_CN import Provider as Address
    from faker.providers.person.zh_CN import Provider as Person

    provinces = [_ZH_REGION_SUFFIX.sub("", p) for p in Address.provinces]
    provinces = [re.sub(r"(?:壮族|回族|维吾尔)$", "", p) for p in provinces]
    regions = [*Address.countries, *Address.cities, *Address.provinces, *provinces]
    pattern = re.compile(alternation(r for r in regions if len(r) >= 2))
    common_surnames = list(Person.last_names)[:_COMMON_SURNAMES]
    return frozenset(common_surnames) | _COMPOUND_SURNAMES, pattern


def chinese_spans(text: str) -> list[Span]:
    """Every stretch of the text that names a person, school, employer or region."""
    surnames, regions = _chinese_lists()
    words = _jieba_words(text)
    return [
        *(Span(m.start(), m.end(), m.lastgroup or "employer") for m in _ZH_KNOWN.finditer(text)),
        *finditer(regions, text, "region"),
        *_tagged_spans(text, words),
        *_word_spans(words, surnames),
    ]


@functools.lru_cache(maxsize=64)
def _jieba_words(text: str) -> Words:
    """(word, part of speech, start) for each of jieba's words; kept for the last texts, since
    the spans and the names listed after them both read the same sentence."""
    words = []
    position = 0
    for token in _chinese_tagger().cut(text):
        words.append((token.word, token.flag, position))
        position += len(token.word)
    return tuple(words)


def _tagged_spans(text: str, words: Words) -> Iterator[Span]:
    """The resume entity tagger's names, places and organisations (schools and employers by
    their last words; an ORG that is neither, such as a department, is left alone).

    A span is cut back to jieba's words: the tagger, trained on resume lines, sometimes runs a
    name into the next word (李娜来|自) or an organisation into the words before it (母校是|…)."""
    from hireloop.resumes.ner.model import tag_chinese

    for entity in tag_chinese(text):
        inside = [w for w in words if entity.start <= w[2] and w[2] + len(w[0]) <= entity.end]
        if entity.type == "NAME":
            yield from _tagged_name(entity.start, inside)
            continue
        function_words = [i for i, w in enumerate(inside) if _is_function_word(w[1])]
        if function_words:  # 故障影响了|贵阳顺达物流有限公司, 贵州的|贵阳…
            inside = inside[function_words[-1] + 1 :]
        while inside and _is_lead_word(*inside[0][:2]):
            inside.pop(0)
        if not inside:
            continue
        start, end = inside[0][2], inside[-1][2] + len(inside[-1][0])
        name = text[start:end]
        if entity.type == "LOC":
            yield Span(start, end, "region")
        elif entity.type == "ORG" and _names_something(inside):
            kind = _organisation_kind(name)
            if kind:
                yield Span(start, end, kind)


def _tagged_name(start: int, inside: Words) -> Iterator[Span]:
    """The tagger's name, cut back to jieba's words. The tagger, trained on resume lines, may
    run a name into the next word (李娜来|自, 陈明说|…): a verb or function word at its end is
    dropped, and when jieba cut the surname off (陈/明说), the name is the surname and one more
    character, the commonest length."""
    if not inside or inside[0][2] != start or inside[0][0] in _ZH_NOT_NAMES:
        return
    if inside[0][0][0] not in _chinese_lists()[0] and inside[0][0][:2] not in _COMPOUND_SURNAMES:
        return  # 决策人: the tagger's name must begin with a surname
    cut = next(
        (i for i, w in enumerate(inside) if i and _is_function_word(w[1], verbs=True)),
        len(inside),
    )
    if cut == 1 and len(inside[0][0]) == 1 and len(inside) > 1:
        yield Span(start, start + 2, "person")
        return
    end = inside[cut - 1][2] + len(inside[cut - 1][0])
    if end - start >= 2:
        yield Span(start, end, "person")


def _is_function_word(flag: str, *, verbs: bool = False) -> bool:
    """Particles, prepositions, pronouns, conjunctions, adverbs (and, when asked, verbs: jieba
    tags some place names as verbs, 遵义, so organisations are not cut at them)."""
    return (verbs and flag == "v") or flag.startswith(_FUNCTION_TAGS)


def _is_place_read_as_verb(words: Words, index: int) -> bool:
    """jieba reads some place names as verbs (遵义/v 医科大学): a rare two-character "verb" right
    after a lead word, a function word or the start is taken as part of the name."""
    word, flag, _ = words[index]
    before = words[index - 1] if index else None
    return (
        flag == "v"
        and _is_rare_verb(word)
        and (before is None or before[0] in _ZH_LEAD_WORDS or _is_function_word(before[1]))
    )


def _is_rare_verb(word: str) -> bool:
    """A two-character "verb" jieba's dictionary has seen rarely as one (遵义 179 times, against
    看到 13,411 and 负责 13,745): more likely a name than an action."""
    tokenizer = _chinese_tagger().tokenizer
    tokenizer.check_initialized()
    return len(word) == 2 and tokenizer.FREQ.get(word, 0) < _RARE_VERB_FREQUENCY


def _is_lead_word(word: str, flag: str) -> bool:
    """A word before an organisation's name: 母校, 毕业于, 是, 在… (a verb of one character;
    longer verbs may be jieba's reading of a place name, 遵义)."""
    if word in _ZH_LEAD_WORDS or _is_function_word(flag):
        return True
    return not _is_rare_verb(word) if flag == "v" else not _is_name_part(flag)


def _is_name_part(flag: str) -> bool:
    return flag.startswith(_NAME_PART_TAGS)


def _word_spans(words: Words, surnames: frozenset[str]) -> Iterator[Span]:
    """jieba's words: organisations grown leftwards from their suffix word, persons, places."""
    for index, (word, flag, start) in enumerate(words):
        end = start + len(word)
        kind = _organisation_kind(word) or ("employer" if flag == "nt" else "")
        if kind:
            first = _name_start(words, index)
            if _names_something(words[first : index + 1]):
                yield Span(words[first][2], end, kind)
        elif _is_name_tag(flag) and word[0] in _GLUED_WORDS and word[1] in surnames:
            yield Span(start + 1, end, "person")  # jieba glued 和 to the name: 和林浩
        elif _is_surname_then_given_name(words, index, surnames):  # 杨/秀英, 孙/桂兰
            yield Span(start, end + len(words[index + 1][0]), "person")
        elif _is_surname_glued_to_next_word(words, index, surnames):  # 陈/明说: 陈明
            yield Span(start, end + 1, "person")
        elif _is_name_tag(flag) and index + 1 < len(words) and _is_name_tag(words[index + 1][1]):
            yield Span(start, end + len(words[index + 1][0]), "person")  # 吉克/阿依, 两个人名词
        elif _is_place_after_its_preposition(words, index):  # 来自/威宁, 在/凉山
            yield Span(start, end, "region")
        elif _is_person(word, flag, surnames):
            following = words[index + 1] if index + 1 < len(words) else None
            if word in _COMPOUND_SURNAMES and following and len(following[0]) <= 2:
                end += len(following[0])
            yield Span(start, end, "person")
        elif _is_named_place(word, flag):
            yield Span(start, end, "region")
        elif _is_place_before_its_suffix(words, index):  # 毕节/市, 仁怀/县
            yield Span(start, end + 1, "region")


def _is_surname_then_given_name(words: Words, index: int, surnames: frozenset[str]) -> bool:
    """jieba often cuts a name after its surname: 杨/秀英 (both tagged as names), 孙/桂兰 (a
    morpheme and a place). A common surname standing alone before a one- or two-character
    given name, a name-tagged word or a listed given name, is a person."""
    word, flag, _ = words[index]
    if index + 1 >= len(words) or word[0] not in surnames:
        return False
    given, given_flag, _ = words[index + 1]
    if len(word) == 2:  # 韦小/红: the given name is 小红
        return len(given) == 1 and word[1] + given in _chinese_given_names()
    return (
        len(word) == 1
        and 1 <= len(given) <= 2
        and (
            given_flag.startswith(("nr", "ns", "zg"))
            or given in _chinese_given_names()
            or all(c in _given_name_characters() for c in given)  # 石/春花
        )
    )


def _is_surname_glued_to_next_word(words: Words, index: int, surnames: frozenset[str]) -> bool:
    """jieba tags a lone surname as a name but glues its given name to the next word (陈/明说):
    the name is the surname and the next word's first character, when that is a given-name
    character and the rest is not a name of its own."""
    word, flag, _ = words[index]
    if len(word) != 1 or word not in surnames or not _is_name_tag(flag) or index + 1 >= len(words):
        return False
    following, following_flag, _ = words[index + 1]
    return (
        len(following) == 2
        and following[0] in _given_name_characters()
        and not _is_name_tag(following_flag)
        and not _is_surname_then_given_name(words, index, surnames)
    )


@functools.cache
def _chinese_given_names() -> frozenset[str]:
    from faker.providers.person.zh_CN import Provider

    return frozenset(Provider.first_names)


@functools.cache
def _given_name_characters() -> frozenset[str]:
    return frozenset("".join(_chinese_given_names()))


_PLACE_PREPOSITIONS = frozenset(words("在 来自 从 到 于 去 回 回到 出生于 生于 老家"))


def _is_place_after_its_preposition(words: Words, index: int) -> bool:
    """A two-character word jieba takes for a place or a person's name, right after 在/来自/从…
    and before the end of the clause or 的: 来自威宁，在凉山的… (jieba's two-character places
    elsewhere are too often other words)."""
    word, flag, _ = words[index]
    before = words[index - 1][0] if index else ""
    after = words[index + 1][0] if index + 1 < len(words) else "。"
    return (
        len(word) == 2
        and flag in ("ns", "nrt")
        and before in _PLACE_PREPOSITIONS
        and (after in "，。；、！？的" or after in ("长大", "工作", "读书", "上学", "出生"))
    )


def _is_named_place(word: str, flag: str) -> bool:
    """毕节市, 仁怀县, 黔南州: a name and its administrative suffix in one word (城市, 超市 and
    such are two characters, or hold 城市); or a three-character word jieba knows as a place
    (黔东南, 六盘水: its two-character places are too often other words, 东西, 中断)."""
    if flag == "ns" and len(word) == 3:
        return "城市" not in word
    return (
        len(word) >= 3
        and flag.startswith(("ns", "n", "nz"))
        and bool(_ZH_REGION_SUFFIX.search(word))
        and "城市" not in word
    )


def _is_place_before_its_suffix(words: Words, index: int) -> bool:
    word, flag, _ = words[index]
    following = words[index + 1][0] if index + 1 < len(words) else ""
    return len(word) >= 2 and flag.startswith(_NAME_PART_TAGS) and following in ("省", "市", "县")


# Words that describe a company or school without naming it: "一家兄弟公司", "创业公司".
_ZH_GENERIC_ORG_WORDS = frozenset(
    words(
        "兄弟 创业 外包 科技 互联网 上市 国有 外资 合资 私营 民营 咨询 物流 电商 游戏 软件 贸易"
        " 投资 广告 金融 制造 建筑 运输 快递 餐饮 子 分 总 母 客户 合作 竞争 对方 目标 第三方"
        " 供应商 职业 技术 重点 名牌 普通 一般 公立 私立 民办 国外 海外 当地 本地 大型 中型 小型"
    )
)
# Common nouns jieba's dictionary tags as names because they begin with a surname.
_ZH_NOT_NAMES = frozenset(words("顾客 高管 王牌 常规 常态 温度 安全 文化 方案"))


def _names_something(organisation: Words) -> bool:
    """Whether the words of an organisation, its suffix word last, name one: 贵阳顺达物流有限公司
    or 北大 do; a bare 公司, 学院, 一家兄弟公司 or 创业公司 do not."""
    *name, (suffix, _, _) = organisation
    if not name:
        return len(suffix) > 2 and suffix not in _ZH_GENERIC_ORG_WORDS
    return any(word not in _ZH_GENERIC_ORG_WORDS for word, _, _ in name)


def _organisation_kind(word: str) -> str:
    return next((kind for kind, suffix in _ZH_SUFFIX.items() if suffix.search(word)), "")


def _name_start(words: Words, index: int) -> int:
    start = index
    while (
        start > 0
        and index - start < _MAX_NAME_WORDS - 1
        and words[start - 1][0] not in _ZH_LEAD_WORDS
        and (
            words[start - 1][1].startswith(_NAME_PART_TAGS)
            or _is_place_read_as_verb(words, start - 1)
        )
    ):
        start -= 1
    if start > 0 and words[start - 1][0] == "某":  # "a certain" college: part of the phrase
        start -= 1
    return start


def _is_name_tag(flag: str) -> bool:
    return flag.startswith(_ZH_PERSON_TAGS)


def _is_person(word: str, flag: str, surnames: frozenset[str]) -> bool:
    """A person by jieba's tag, or a place-tagged word that is a surname and a given name
    (jieba tags 马建国 as a place): never a listed region."""
    if word in _COMPOUND_SURNAMES:
        return True
    if word in _ZH_NOT_NAMES:
        return False
    if not 2 <= len(word) <= 4 or not (word[0] in surnames or word[:2] in surnames):
        return False
    if flag.startswith(_ZH_PERSON_TAGS):
        return True
    return flag == "ns" and len(word) == 3 and not _chinese_lists()[1].fullmatch(word)


_LIST_JOINT = re.compile(r"[、和与]")


def names_listed_after(text: str, person: Span) -> Iterator[Span]:
    """A word jieba tags as a name right after a person and 、/和/与 is a person too (罗丽、蒙芳:
    蒙 is a rare surname)."""
    joint = _LIST_JOINT.match(text, person.end)
    if not joint:
        return
    for word, flag, start in _jieba_words(text):
        if start == joint.end() and _is_name_tag(flag) and 2 <= len(word) <= 3:
            yield Span(start, start + len(word), "person")
