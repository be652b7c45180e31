"""Character features for the Chinese resume CRF: pure functions of the sentence text.

Each character becomes a list of "name=value" strings (python-crfsuite's item format).
The lexicons here are short suffix/prefix lists that signal where an ORG, TITLE or EDU span
ends; lexicon.py adds the words of jieba's dictionary over each character (a word lattice,
as in the Lattice LSTM), switched by FeatureSet.
"""

import unicodedata
from dataclasses import dataclass

from hireloop.resumes.ner import lexicon

WINDOW = 2
# How far to the right a lexicon match can lie and still be reported to a character.
LOOKAHEAD = 12

ORG_SUFFIXES = (
    "大学", "学院", "学校", "中学", "党校", "公司", "集团", "银行", "研究所", "研究院",
    "研究中心", "中心", "医院", "事务所", "委员会", "协会", "学会", "基金会", "交易所",
    "证券", "保险", "信托", "厂", "局", "部", "处", "所", "院", "会", "社", "行", "办",
    "分行", "支行", "分公司", "子公司", "有限公司", "股份有限公司", "控股", "实业", "科技",
    "投资", "政府", "法院", "检察院", "总署", "厅", "署",
)  # fmt: skip
TITLE_SUFFIXES = (
    "经理", "总监", "工程师", "教授", "主任", "董事", "董事长", "总裁", "副总裁", "总经理",
    "主席", "秘书", "会计师", "律师", "经济师", "审计师", "顾问", "委员", "书记", "部长",
    "处长", "局长", "科长", "厂长", "院长", "校长", "所长", "行长", "社长", "组长", "主管",
    "负责人", "代表", "监事", "独立董事", "研究员", "讲师", "助理", "专员", "总工程师",
    "首席执行官", "会长", "理事", "合伙人", "总会计师", "财务总监", "CEO", "CFO", "CTO",
)  # fmt: skip
EDU_WORDS = (
    "本科", "硕士", "博士", "学士", "研究生", "大专", "专科", "中专", "高中", "博士后",
    "MBA", "EMBA", "学历", "学位", "在职",
)  # fmt: skip
LOC_WORDS = ("省", "市", "县", "区", "籍", "国籍", "中国", "北京", "上海", "广东", "深圳")
CONT_WORDS = ("中国国籍", "国籍", "永久居留权", "境外")
RACE_WORDS = ("汉族", "族")
# The commonest Chinese surnames: a NAME nearly always starts with one of these.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫"
    "米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
LEXICONS = {
    "org": ORG_SUFFIXES,
    "title": TITLE_SUFFIXES,
    "edu": EDU_WORDS,
    "loc": LOC_WORDS,
    "cont": CONT_WORDS,
    "race": RACE_WORDS,
}


def char_type(char: str) -> str:
    """Coarse class of a character: cjk, digit, latin, punct, space or other."""
    if char.isspace():
        return "space"
    if char.isdigit():
        return "digit"
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        return "cjk"
    if char.isascii() and char.isalpha() or unicodedata.category(char) == "Lu":
        return "latin"
    if unicodedata.category(char).startswith(("P", "S")):
        return "punct"
    return "other"


def _lexicon_matches(text: str) -> list[list[tuple[str, int, int]]]:
    """For each position, the lexicon words (kind, start, end) that end at that position."""
    ends: list[list[tuple[str, int, int]]] = [[] for _ in text]
    for kind, words in LEXICONS.items():
        for word in words:
            start = text.find(word)
            while start != -1:
                ends[start + len(word) - 1].append((kind, start, start + len(word)))
                start = text.find(word, start + 1)
    return ends


def _lexicon_features(text: str) -> list[list[str]]:
    """Per character: which lexicon words end here, cover it, and how far ahead the next is.

    "Distance to the next ORG suffix" lets the CRF grow an ORG span leftwards from 公司
    further than the ±2 character window reaches.
    """
    ends = _lexicon_matches(text)
    features: list[list[str]] = [[] for _ in text]
    for end_index, matches in enumerate(ends):
        for kind, start, end in matches:
            length = min(end - start, 4)
            features[end_index].append(f"lex_end={kind}{length}")
            if end - start > 1:
                features[start].append(f"lex_begin={kind}{length}")
            for inner in range(start + 1, end - 1):
                features[inner].append(f"lex_in={kind}")
    for index in range(len(text)):
        seen: set[str] = set()
        for ahead in range(1, LOOKAHEAD + 1):
            position = index + ahead
            if position >= len(text) or text[position] in "，。；、,;":
                break
            for kind, _, _ in ends[position]:
                if kind not in seen:
                    seen.add(kind)
                    bucket = ahead if ahead <= 4 else ("near" if ahead <= 8 else "far")
                    features[index].append(f"next_{kind}={bucket}")
    return features


@dataclass(frozen=True)
class FeatureSet:
    """Switches for the jieba features (lexicon.py); all off gives the 2026-12 model's features."""

    segmentation: bool = False  # B/M/E/S of the jieba word, its length and dictionary tag
    lattice: bool = False  # every nt/ns word of jieba's dictionary over the character
    words: bool = False  # the jieba word itself


# The shipped model's features, chosen by 3-fold cross-validation on ResumeNER train
# (scripts/train_resume_ner.py, docs/resume-ner.md).
SHIPPED_FEATURES = FeatureSet(segmentation=True, lattice=True, words=True)


def sentence_features(text: str, feature_set: FeatureSet = SHIPPED_FEATURES) -> list[list[str]]:
    """CRF feature lists for every character of one sentence.

    The characters and their types are padded by WINDOW on each side ("<s>", "</s>", "pad")
    once, so that each feature is a list lookup: this runs for every character the taggers
    read, and a helper call per feature was most of tagging a resume.
    """
    chars = list(text)
    padded = ["<s>"] * WINDOW + chars + ["</s>"] * WINDOW
    types = ["pad"] * WINDOW + [char_type(char) for char in chars] + ["pad"] * WINDOW
    lexicon = _lexicon_features(text)
    extra = _jieba_features(text, feature_set)
    items: list[list[str]] = []
    for index, char in enumerate(chars):
        at = index + WINDOW
        features = ["bias", f"c0={char}", f"t0={types[at]}"]
        for offset in _OFFSETS:
            features.append(f"c{offset}={padded[at + offset]}")
            features.append(f"t{offset}={types[at + offset]}")
        for offset in range(-WINDOW, WINDOW):
            features.append(f"b{offset}={padded[at + offset]}{padded[at + offset + 1]}")
        features.append(f"tri={padded[at - 1]}{char}{padded[at + 1]}")
        features.append(f"types={types[at - 1]}{types[at]}{types[at + 1]}")
        if char in SURNAMES:
            features.append("surname")
        if index == 0:
            features.append("first")
        features.extend(lexicon[index])
        features.extend(extra[index])
        items.append(features)
    return items


def _jieba_features(text: str, feature_set: FeatureSet) -> list[list[str]]:
    extra: list[list[str]] = [[] for _ in text]
    if feature_set.segmentation or feature_set.words:
        segmentation = lexicon.segmentation_features(text, with_words=feature_set.words)
        for item, features in zip(extra, segmentation, strict=True):
            if not feature_set.segmentation:
                features = [feature for feature in features if feature.startswith("word=")]
            item.extend(features)
    if feature_set.lattice:
        for item, features in zip(extra, lexicon.lattice_features(text), strict=True):
            item.extend(features)
    return extra


_OFFSETS = [offset for offset in range(-WINDOW, WINDOW + 1) if offset]
