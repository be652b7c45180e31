"""English identity tokens: person names, schools, employers and regions (see neutralise.py).

Names come from Faker's person lists of 22 Latin-script locales (less common English words and
technology names), plus the shape of a name: a title before it, a role word or "named" before
it, a possessive or a verb of speech after it, or a list it stands in with another name.
"""

import functools
import importlib
import re
from collections.abc import Iterator

from hireloop.resumes.fields_names import FIRST_NAME_LISTS, faker_names

from .identity_spans import Span, alternation, finditer, words

# Faker's Latin-script person locales: English-speaking countries, India, Pakistan, Nigeria,
# Ghana, Kenya, Europe and Latin America, Vietnam.
_NAME_LOCALES = words(
    "en_US en_GB en_IE en_IN en_KE en_NG en_NZ en_PK yo_NG ig_NG ha_NG tw_GH de_DE fr_FR es_ES"
    " es_MX it_IT pt_BR nl_NL pl_PL vi_VN id_ID"
)
# Capitalised words that read as names in those lists but begin ordinary sentences, or name
# technologies an answer is about (Ruby, Julia, Jenkins). Faker's own list of common English
# words (its lorem word list) removes most others (Will, May, Young, Price, Best, Green…).
_NOT_NAMES = frozenset(
    words(
        """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mark Grace Joy Faith Chase Ruby
    Julia Jenkins Max Frank Guy Ray Dawn Crystal Amber Jade Drew Brown Gray Grey Rose Mason
    Hunter Carter Cook Baker Turner Porter Fisher Walker Cooper Page Lane Hill Wood Stone Bell
    Ward Fox Long Young King Lee Summer Hope Will Bill Art Angel Christian Sky River Storm Sunny
    Golden Love Ask Said Just Ever Else Major General Van Del Della Don Sales Case Pat Ace Eve
    Hazel Ivy Iris Lily Daisy Holly Violet Cash Price Rich Best Strong Power Little Short Black
    White Green Sharp Swift Noble Free Ready Bright Chance Day Hall March Miles Lowe Moody Nice
    Can Read Cloud Go Dart Elm Flask Spring Kafka Angular React Vue Node Django Rails Spark
    Redis Docker Linux Excel Word Teams Slack Jira Tableau Oracle Unity Lambda Delta Alpha Beta
    Omega Sigma Agile Scrum Kanban Lean Six Data Team Project Client Customer Manager Director
    """
    )
)


@functools.cache
def _common_english_words() -> frozenset[str]:
    from faker.providers.lorem.en_US import Provider

    return frozenset(word.capitalize() for word in Provider.word_list)


@functools.cache
def _not_names() -> frozenset[str]:
    """Capitalised words never taken as names: the short list and Faker's common words."""
    return _NOT_NAMES | _common_english_words()


@functools.cache
def _english_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames usable as name evidence: one capitalised word each."""
    first = faker_names(_NAME_LOCALES, FIRST_NAME_LISTS) | set(_PINYIN_GIVEN)
    last = faker_names(_NAME_LOCALES, ("last_names",)) | set(_PINYIN_SURNAMES)

    def usable(names: set[str]) -> frozenset[str]:
        return frozenset(
            n for n in names if re.fullmatch(r"[A-Z][a-z'-]{1,}", n) and n not in _not_names()
        )

    return usable(first), usable(last)


_PINYIN_SURNAMES = words(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng"
    " Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du"
    " Ouyang Situ Zhuge Shangguan Lu Qian Shen Ye Wei Fang Jin Qin Shi Kong Mao Xiong Hou Meng"
)
_PINYIN_GIVEN = words(
    "Wei Na Fang Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Juan Tao Ming Chao Xiuying Xia Ping"
    " Gang Ying Hua Yu Lan Hong Hui Bin Peng Hao Kai Jun Fan Xu Ting Xue Lin Chen Qian Xin Jian"
    " Jianguo Xiaoming Xiaohong Guoqiang Haiyan Lili Tingting Jiahao Zihan Yuxuan Haoran Yichen"
    " Mei Ling Xiu Hong Qing Yun Zhen Hai Feng Long Chun Xiao Ying Jia"
)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|'[A-Z][a-z]+)?"  # Jean-Luc, O'Brien; never 's
_TITLE_NAME = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.? ({_NAME_WORD}(?: {_NAME_WORD})?)"
)
# Names the lists do not hold are still names when the sentence treats them as one: a
# possessive, "X and I", a verb of speech after, or a role word or "named" before.
_SPEECH = r"said|says|told|asked|suggested|explained|agreed|noticed|replied|insisted|mentioned"
_ROLE = (
    r"manager|colleague|teammate|team lead|lead|boss|mentor|supervisor|classmate|friend|"
    r"director|intern|engineer|analyst"
)
_CUE_BEFORE = re.compile(
    rf"\b(?:(?i:my|our|a|the) (?:{_ROLE}),?|named|called) ({_NAME_WORD}(?: {_NAME_WORD})?)\b"
)
_CUE_AFTER = re.compile(
    rf"\b({_NAME_WORD}(?: {_NAME_WORD})?)(?:'s\b|(?=,? and I\b)|(?= (?:{_SPEECH})\b))"
)
_CAPITALISED_RUN = re.compile(rf"\b{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}\b")

_SCHOOL_WORD = r"(?:University|College|Polytechnic|Academy|Institute(?: of Technology)?)"
_PROPER = r"(?:(?!I\b)[A-Z][\w&.'-]*)"  # never the pronoun I
_EN_SCHOOLS_KNOWN = words(
    "Tsinghua Peking Fudan Zhejiang Jiaotong Harvard Stanford Oxford Cambridge MIT Princeton Yale"
    " Caltech UCLA Berkeley Columbia Cornell Wharton INSEAD NUS NTU HKU HKUST CUHK ETH EPFL LSE"
    " Sorbonne Carnegie Mellon CMU Georgia Tech IIT IIM Imperial"
)
_EN_SCHOOL = re.compile(
    rf"\b(?:(?:[Tt]he )?{_SCHOOL_WORD} of {_PROPER}(?: {_PROPER}){{0,2}}"
    rf"|(?:{_PROPER} ){{1,4}}(?:State |Community |Technical |Normal )?{_SCHOOL_WORD}"
    rf"(?: of {_PROPER}(?: {_PROPER})?)?"
    rf"|(?:{alternation(_EN_SCHOOLS_KNOWN)})(?: (?:{alternation(_EN_SCHOOLS_KNOWN)}|University"
    rf"|Business School|Law School|Medical School))*)\b"
)
_EN_EMPLOYERS_KNOWN = words(
    "Google Alphabet Microsoft Amazon Apple Meta Facebook Netflix Tesla IBM Oracle Intel Nvidia"
    " Salesforce Uber Airbnb Alibaba Tencent ByteDance TikTok Huawei Baidu Xiaomi Meituan JD.com"
    " NetEase Pinduoduo Didi Lenovo ZTE McKinsey BCG Bain Deloitte PwC KPMG EY Accenture"
    " Goldman Sachs Morgan Stanley JPMorgan Citi Citibank HSBC Barclays Walmart Infosys Wipro"
    " TCS Siemens Samsung Sony Shopee"
)
# Words that end a company's name. Not "Systems", "Software" or "Solutions": they end too many
# subject names ("Operating Systems").
_COMPANY_SUFFIX = (
    r"(?:Inc|Ltd|LLC|LLP|PLC|Corp|Corporation|Company|Co|Group|Bank|Technologies|Consulting|"
    r"Logistics|Holdings|Partners|Trading|Labs|Motors|Foods|Bakery|Restaurant|Hotel|Hospital|"
    r"Clinic|Stores|Store|Shop|Enterprises|Industries|Services|Airlines|Insurance|Pharma|"
    r"Pharmaceuticals|Manufacturing|Electronics|Agency|Associates)"
)
_EN_EMPLOYER = re.compile(
    rf"\b(?:(?:{_PROPER} ){{1,4}}{_COMPANY_SUFFIX}\b|(?:{alternation(_EN_EMPLOYERS_KNOWN)})"
    rf"(?: (?:{alternation(_EN_EMPLOYERS_KNOWN)}|{_COMPANY_SUFFIX}))*\b)"
)
_EN_REGIONS_EXTRA = words(
    "Beijing Tianjin Shanghai Chongqing Hebei Shanxi Liaoning Jilin Heilongjiang Jiangsu Zhejiang"
    " Anhui Fujian Jiangxi Shandong Henan Hubei Hunan Guangdong Hainan Sichuan Guizhou Yunnan"
    " Shaanxi Gansu Qinghai Taiwan Guangxi Tibet Ningxia Xinjiang Shenzhen Guangzhou Hangzhou"
    " Nanjing Chengdu Wuhan Suzhou Guiyang Kunming Bijie Lanzhou Harbin Xiamen Qingdao Dalian"
    " London Manchester Birmingham Mumbai Delhi Bangalore Bengaluru Chennai Lagos Nairobi Accra"
    " Paris Berlin Madrid Tokyo Seoul Singapore Sydney Toronto Dubai Cairo Karachi Lahore Dhaka"
    " Manila Jakarta Hanoi Bangkok Boston Chicago Seattle Houston Atlanta Detroit"
)


# Countries, and the states, provinces and counties of the English-speaking locales.
_REGION_LOCALES = words("en_US en_GB en_IE en_IN en_CA en_AU en_NZ en_PH")


@functools.cache
def _english_regions() -> re.Pattern[str]:
    names = list(_EN_REGIONS_EXTRA)
    for locale in _REGION_LOCALES:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for attribute in ("countries", "states", "provinces", "counties", "regions"):
            names += [n for n in getattr(provider, attribute, ()) if isinstance(n, str)]
    plain = [n for n in names if re.fullmatch(r"[A-Z][\w' .-]+", n)]
    return re.compile(rf"\b(?:{alternation(plain)})(?: (?:Province|City|County|State))?\b")


def english_spans(text: str) -> list[Span]:
    """Every stretch of the text that names a person, school, employer or region."""
    organisations = [
        *finditer(_EN_SCHOOL, text, "school"),
        *finditer(_EN_EMPLOYER, text, "employer"),
    ]
    spans = [
        *filter(None, (_without_leading_words(text, s) for s in organisations)),
        *finditer(_english_regions(), text, "region"),
        *finditer(_TITLE_NAME, text, "person"),
        *finditer(_CUE_BEFORE, text, "person", group=1),
        *_cued_names_after(text),
        *_listed_names(text),
        *_rare_proper_nouns(text),
    ]
    return spans


# A capitalised word that English seldom uses (Zipf frequency below 3: under
# one use in a million words, in wordfreq's counts) is a proper noun: Tunde, Enugu, Okonkwo.
# Products and tools are proper nouns too (Grafana); replacing them costs the judge little,
# since the question and the anchors are neutralised the same way, and it treats everyone alike.
_RARE_ZIPF = 3.0
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|from|near|across|around|to)\s)$")
_EMPLOYER_BEFORE = re.compile(r"(?:\b(?:at|for|joined|of)\s)$")


def _rare_proper_nouns(text: str) -> Iterator[Span]:
    for match in _CAPITALISED_RUN.finditer(text):
        if not any(_is_rare(word) for word in match.group(0).split()):
            continue
        trimmed = _without_leading_words(text, Span(match.start(), match.end(), "person"))
        if trimmed is None:
            continue
        before = text[: match.start()]
        kind = (
            "region"
            if _PLACE_BEFORE.search(before)
            else "employer"
            if _EMPLOYER_BEFORE.search(before)
            else "person"
        )
        yield Span(trimmed.start, trimmed.end, kind)


# Rare words that are made like common nouns (Elaboration, Polymorphism, Maintainability,
# Constructors) are terms, however they are capitalised in a list or a heading.
_WORD_ENDING = re.compile(
    r"(?:tion|sion|ity|ism|ment|ness|ance|ence|ing|able|ible|ive|ics|ogy|ure|ally|ary|ory|ise|"
    r"ize|ised|ized|ship|hood|ware|less|ful)s?$|^\w{6,}(?:or|er)s?$"
)


def _is_rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    if _WORD_ENDING.search(word) or word.isupper() or re.search(r"-[a-z]", word):
        return False  # a term, an acronym, or a hyphenated term (Recursion-based)
    if word in _NOT_NAMES or word.lower() in _known_skill_words():
        return False
    return zipf_frequency(word.lower(), "en") < _RARE_ZIPF


@functools.cache
def _known_skill_words() -> frozenset[str]:
    """Words of the bilingual skills taxonomy (Kubernetes, PostgreSQL, Figma…): tools, not
    names."""
    from hireloop.resumes.fields import SKILL_SYNONYMS

    spellings = [*SKILL_SYNONYMS, *(s for group in SKILL_SYNONYMS.values() for s in group)]
    return frozenset(word.lower() for spelling in spellings for word in spelling.split())


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:;\"'(\n"


# Capitalised words that open a sentence before a name: "At Acme Logistics Ltd", "After MIT".
_SCHOOL_OPENING = re.compile(r"University|College|Institute|Polytechnic|Academy")
_LEADING_WORDS = frozenset(
    words(
        "A An The At In On Of For From To With By After Before During When While Since Until"
        " As My Our Their His Her I We Then Later Now Last Next First"
    )
)


@functools.cache
def _opening_or_common_words() -> frozenset[str]:
    return _LEADING_WORDS | _common_english_words()


def _without_leading_words(text: str, span: Span) -> Span | None:
    excluded = _opening_or_common_words()
    start = span.start
    words = text[span.start : span.end].split(" ")
    for word, following in zip(words, words[1:], strict=False):
        if word not in excluded or _SCHOOL_OPENING.fullmatch(following):  # The University of…
            break
        start += len(word) + 1
    return Span(start, span.end, span.kind) if start < span.end else None


_LIST_JOINT = re.compile(r"(?:,| and|, and)\s?")
_NEXT_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})?")


def names_listed_after(text: str, person: Span) -> Iterator[Span]:
    """A capitalised word listed right after a person is a person too ("Priya, Rahul and I",
    "with Maria and Lucia"), though no list holds it."""
    excluded = _not_names() | _opening_or_common_words()
    end = person.end
    while joint := _LIST_JOINT.match(text, end):
        name = _NEXT_NAME.match(text, joint.end())
        if not name or name.group(0).split()[0] in excluded:
            break
        yield Span(name.start(), name.end(), "person")
        end = name.end()


def _cued_names_after(text: str) -> Iterator[Span]:
    excluded = _not_names()
    for match in _CUE_AFTER.finditer(text):
        words = match.group(1).split()
        if words[-1] not in excluded and not words[-1].isupper():
            yield Span(match.start(1), match.end(1), "person")


def _listed_names(text: str) -> Iterator[Span]:
    """Runs of capitalised words holding a known first name, or a known surname after another
    name word or inside a sentence ("I asked Okafor"). A lone surname opening a sentence is
    left alone: too many are also words ("Stack", "Bush", "Rivers")."""
    first, last = _english_names()
    excluded = _not_names()
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0] in excluded:  # "When Emily Johnson…": not "When"
            words.pop(0)
        if not words:
            continue
        opens_sentence = _opens_sentence(text, match.start())
        is_name = any(w in first for w in words) or (
            any(w in last for w in words) and (len(words) > 1 or not opens_sentence)
        )
        if is_name:
            start = match.end() - len(" ".join(words))
            yield Span(start, match.end(), "person")
