"""Work history: one entry per dated job (employer, title, dates) and the years it adds up to.

A job is a date range in the work section (or, in a resume without headings, any dated line
that names no school). Its employer and title come from the same line or, when that line
holds only the dates, from the short lines just above or below it. Overlapping jobs count
once toward the total, and "至今" / "present" is read as the month of `present`.
"""

import re
from dataclasses import dataclass
from typing import Any

from .fields_dates import DateRange, clipped_span, date_ranges, merged_months, without_dates
from .fields_sections import (
    CJK,
    FIELD_EDGES,
    SectionLine,
    has_section,
    is_label_word,
    labelled,
    neighbours,
    sectioned,
    split_fields,
)
from .ner.roles import Roles, first_role

# Chinese statements may spell numbers out: "三年工作经验", "十五年以上经验".
_CN_NUMBER = "[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
_NUMBER = rf"(?<![\d.一二两三四五六七八九十])(\d{{1,2}}(?:\.\d)?|{_CN_NUMBER})"
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
EXPLICIT_YEARS = [
    re.compile(rf"{_NUMBER}\s*\+?\s*年(?:以上|多)?[{CJK}]{{0,8}}?经[验历]"),
    re.compile(rf"(?:工作经验|工作年限|从业经验|工作经历)\s*[:：]?\s*{_NUMBER}\s*\+?\s*年"),
    re.compile(rf"{_NUMBER}\s*\+?\s*years?'?\s+(?:of\s+)?(?:[a-z-]+\s+){{0,3}}?experience", re.I),
    re.compile(rf"experience\s*[:：]\s*{_NUMBER}\s*\+?\s*years?", re.I),
]
SCHOOL = re.compile(r"大学|学院|中学|university|college|school|institute", re.I)

# What an employer's name ends with. Chinese short names often end in the trade
# ("星辰科技", "云帆网络") rather than in "有限公司".
ORG_SUFFIX = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团|公司|银行|分行|支行|研究院|研究所|事务所|"
    r"医院|出版社|工作室|中心|协会|委员会|报社|电视台|[局厂]|科技|网络|信息|软件|技术|传媒|"
    r"咨询|电子|通信|制药|地产|物流|证券|保险|基金|控股|实业|贸易)(?:[（(][^）)]*[）)])?$"
    r"|\b(?:inc|incorporated|ltd|limited|llc|llp|plc|corp|corporation|company|co|gmbh|ag|"
    r"group|bank|technologies|technology|solutions|systems|services|labs?|consulting|"
    r"partners|holdings|industries|enterprises|hospital|agency|studio|foundation|pvt|"
    r"software|networks|media|motors|pharma|capital|ventures)\b\.?",
    re.I,
)
TITLE_WORD = re.compile(
    r"(?:工程师|经理|总监|主管|专员|助理|实习生|设计师|顾问|分析师|会计|出纳|教师|老师|讲师|教授|"
    r"架构师|负责人|组长|主任|总裁|董事长|董事|总经理|秘书|律师|医生|护士|销售|运营|开发|研发|"
    r"测试|产品|编辑|记者|文员|行政|客服|店长|科长|处长|研究员|技术员|翻译|专家|部长|厂长|监事|"
    r"审计|会计师|所长|院长|书记)"
    r"|\b(?:engineer|developer|programmer|manager|director|analyst|consultant|intern|"
    r"assistant|specialist|lead|head|officer|executive|coordinator|associate|architect|"
    r"designer|scientist|accountant|teacher|nurse|administrator|representative|supervisor|"
    r"technician|clerk|editor|writer|advis[oe]r|president|founder|co-founder|cto|ceo|cfo|"
    r"vp|trainee|instructor|lecturer|professor|researcher|tester|auditor|attorney|lawyer|"
    r"paralegal|agent|recruiter|planner|strategist|owner|partner|chef|cashier|operator|"
    r"receptionist|secretary|controller|bookkeeper|therapist|pharmacist|counsel(?:l)?or|"
    r"mechanic|electrician|sales|marketing)s?\b",
    re.I,
)
# Fields that describe work rather than name an employer or a title.
DESCRIPTION = re.compile(
    r"^(?:负责|熟悉|使用|参与|完成|主导|精通|掌握|协助|实现|搭建|优化|提升|降低|带领|"
    r"responsible|developed|managed|built|worked|using|designed|implemented|led|created|"
    r"handled|maintained|assisted)",
    re.I,
)
# Verbs in front of an employer in Chinese prose: "2010年至今任深圳市某某有限公司财务总监".
_ZH_LEAD_VERBS = re.compile(
    r"^(?:期间)?(?:先后|曾|现|历|兼|曾先后)?(?:任职于|就职于|供职于|工作于|受聘于|受聘为|就读于|"
    r"毕业于|服务于|加入|进入|担任|出任|任|为|在|于)"
)
# "从事会计工作": the title is the work named.
_ZH_WORK_AS = re.compile(r"^从事(.{1,10}?)工作$")
_ZH_ORG_IN_TEXT = re.compile(
    rf"[{CJK}A-Za-z0-9（）()]{{2,30}}?(?:股份有限公司|有限责任公司|有限公司|集团|公司|银行|研究院|"
    r"研究所|事务所|医院)"
)


@dataclass(frozen=True)
class Experience:
    """One job: employer and title as written ("" when unsure), dates and its line(s)."""

    employer: str
    title: str
    start: str  # "2019-07", "2019"
    end: str  # "2022-12", "2022" or "present"
    months: int  # end - start, the end capped at the month the resume was read
    evidence: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Experience":
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


def find_years(lines: list[str], *, present: int) -> tuple[float, str]:
    """Years of work experience: an explicit statement wins, else merged date ranges."""
    stated = [
        (_to_number(match.group(1)), line)
        for line in lines
        for pattern in EXPLICIT_YEARS
        if (match := pattern.search(line))
    ]
    if stated:
        return max(stated, key=lambda item: item[0])
    spans, evidence = [], []
    for line in work_lines(sectioned(lines)):
        for found in date_ranges(line.text, present=present):
            if span := clipped_span(found.start_month, found.end_month, present):
                spans.append(span)
                evidence.append(line.text)
    return round(merged_months(spans) / 12, 1), "; ".join(dict.fromkeys(evidence))


def work_lines(lines: list[SectionLine]) -> list[SectionLine]:
    """Lines whose dates are jobs: the work section if the resume has one, else any
    line outside education and projects that names no school."""
    if has_section(lines, "work"):
        return [line for line in lines if line.section == "work" and not line.is_heading]
    return [
        line
        for line in lines
        if line.section not in {"education", "projects"}
        and not line.is_heading
        and not SCHOOL.search(line.text)
    ]


def find_experience(
    lines: list[SectionLine],
    *,
    present: int,
    roles: Roles,
    tagger_first: frozenset[str] = frozenset(),
) -> list[Experience]:
    """One Experience per dated job, in the resume's order.

    roles are the tagger's entities per line: for the roles in tagger_first ("org",
    "title") they win over the rules, for the others they fill what the rules leave empty
    (docs/resume-ner.md, "In field extraction", measures both).
    """
    candidates = work_lines(lines)
    position = {line.index: i for i, line in enumerate(lines)}
    dated = {
        line.index: found
        for line in candidates
        if (found := date_ranges(line.text, present=present))
    }
    anchors = {position[index] for index in dated}
    entries, claimed = [], set(anchors)
    for index, found in dated.items():
        at = position[index]
        employer, title, used = _employer_and_title(
            lines, at, found, anchors | claimed, roles, tagger_first
        )
        claimed.update(used)
        first = found[0]
        span = clipped_span(first.start_month, first.end_month, present)
        evidence = "\n".join(lines[i].text for i in sorted({at, *used}))
        entries.append(
            Experience(
                employer=employer,
                title=title,
                start=first.start,
                end=first.end,
                months=span[1] - span[0] if span else 0,
                evidence=evidence,
            )
        )
    return entries


def _employer_and_title(
    lines: list[SectionLine],
    at: int,
    found: list[DateRange],
    stop: set[int],
    roles: Roles,
    tagger_first: frozenset[str],
) -> tuple[str, str, list[int]]:
    """Employer and title for the job dated on lines[at], and the neighbour lines used."""
    fields = split_fields(without_dates(lines[at].text, found))
    employer, title = classify(fields)
    used: list[int] = []
    if not (employer and title):
        before = neighbours(lines, at, stop=stop - {at}, before=True)
        after = neighbours(lines, at, stop=stop - {at}, before=False)
        # Lines above the date are the usual place ("Title / Company / dates"); below it
        # only when nothing fits above (the "dates / Company | Title / bullets" layout).
        used = before[::-1] or after
        fields += [field for i in used for field in split_fields(lines[i].text)]
        extra_employer, extra_title = classify(fields)
        employer, title = employer or extra_employer, title or extra_title
    indexes = [lines[at].index, *(lines[i].index for i in used)]
    tagged_employer = first_role(roles, indexes, "org")
    if employer in fields and employer.endswith(tagged_employer):
        # The tagger cut the front off a name the rules read as a whole field
        # ("华为技术有限公司" -> "技术有限公司", seen on a "公司 | 职位" line).
        tagged_employer = employer
    employer = pick(employer, tagged_employer, "org" in tagger_first)
    title = pick(title, first_role(roles, indexes, "title"), "title" in tagger_first)
    return employer, title, used


def pick(by_rules: str, by_tagger: str, tagger_wins: bool) -> str:
    """The rules' value or the tagger's, whichever is preferred and not empty."""
    first, second = (by_tagger, by_rules) if tagger_wins else (by_rules, by_tagger)
    return first or second


def classify(fields: list[str]) -> tuple[str, str]:
    """(employer, title) among a line's fields; "" for what is not recognised.

    Labelled fields ("公司名称：美团", "Position: Analyst") say what they are; otherwise an
    employer is recognised by how its name ends and a title by its words.
    """
    labels = [found for field in fields if (found := labelled(field))]
    labelled_employer = next((value for kind, value in labels if kind == "employer"), "")
    labelled_title = next((value for kind, value in labels if kind == "title"), "")
    fields = [field for field in fields if not labelled(field) and not is_label_word(field)]
    employer, title = _recognised(fields)
    return labelled_employer or employer, labelled_title or title


def _recognised(fields: list[str]) -> tuple[str, str]:
    employer = next((org for field in fields if (org := _organisation(field))), "")
    title = next(
        (
            _title_part(field, employer)
            for field in fields
            if TITLE_WORD.search(field) and field != employer and not DESCRIPTION.match(field)
        ),
        "",
    )
    if title and not employer:
        # "Sales Associate, Acme" / "Deloitte - Pune": the plain field next to a title.
        employer = next(
            (
                _ZH_LEAD_VERBS.sub("", field)
                for field in fields[:3]
                if field != title
                and not TITLE_WORD.search(field)
                and not DESCRIPTION.match(field)
                and len(field) <= 40
                and re.search(rf"[A-Za-z{CJK}]", field)
            ),
            "",
        )
    return employer, title


def _organisation(field: str) -> str:
    """The organisation a field names, or ""; cuts a name out of Chinese prose."""
    if DESCRIPTION.match(field) or len(field) > 60:
        return ""
    if re.search(f"[{CJK}]", field) and (match := _ZH_ORG_IN_TEXT.search(field)):
        return _ZH_LEAD_VERBS.sub("", match.group())
    if ORG_SUFFIX.search(field) and not SCHOOL.search(field):
        return _ZH_LEAD_VERBS.sub("", field)
    return ""


def _title_part(field: str, employer: str) -> str:
    """The title in a field; in Chinese prose what follows the employer's name."""
    if employer and employer in field:
        field = field.split(employer, 1)[1]
    field = _ZH_LEAD_VERBS.sub("", field.strip(FIELD_EDGES))
    if work := _ZH_WORK_AS.match(field):
        return work.group(1)
    return field


def _to_number(text: str) -> float:
    if text[0].isdigit():
        return float(text)
    tens, has_ten, ones = text.partition("十")
    if not has_ten:
        return float(_CN_DIGITS[text])
    return float(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))
