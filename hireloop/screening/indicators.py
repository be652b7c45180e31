"""Hidden keywords: qualities HR looks for that resumes imply more often than they state.

A resume rarely says "leadership"; it says "led a team of 5" or 带领8人团队. Each indicator
below lists the words that name it (in the job or the resume, through the shared synonym table
of resumes/fields.py where it has an entry) and the phrases that imply it. A job asks for an
indicator when its text names or implies it; a resume meets it with a quoted line either way.
The table is screening's own: the synonym table stays a list of spellings of one skill.
"""

import re
from dataclasses import dataclass
from functools import cache

from hireloop.resumes.fields import SKILL_SYNONYMS, first_matching_line, mentions, term_pattern

from .matching import Check


@dataclass(frozen=True)
class Indicator:
    name: str  # canonical, English; shown in explanations
    names: tuple[str, ...]  # words that state it, beyond the synonym table's spellings
    implied: tuple[str, ...]  # regular expressions (case-insensitive) that imply it


_N = r"(?:\d+|[一二两三四五六七八九十]+|two|three|four|five|six|seven|eight|nine|ten|\d+\+)"
# fmt: off
INDICATORS = (
    Indicator(
        "leadership",
        ("team lead", "team leader", "people management", "团队管理", "管理团队", "带团队"),
        (
            rf"\b(?:led|lead|leading|managed|managing|supervised|supervising|headed|mentored)"
            rf"\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:team|group|staff|crew|squad)(?:\s+of\s+{_N})?",
            rf"\b(?:managed|supervised|led|mentored|coached|trained)\s+{_N}\s+"
            r"(?:people|engineers|developers|staff|employees|reports|members|associates|agents)",
            r"\b(?:team|shift|store|department)\s+(?:lead|leader|manager|supervisor)\b",
            r"带领[^，。；,;\n]{0,8}?(?:团队|小组)", rf"管理\s*{_N}\s*(?:人|名)",
            r"(?:团队|小组|部门)(?:负责人|主管|经理|组长)", r"组长",
        ),
    ),
    Indicator(
        "project ownership",
        ("project lead", "project owner", "项目负责人", "项目经理"),
        (
            r"\b(?:own|owned|owning|drove|spearheaded|led)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}"
            r"(?:project|initiative|launch|migration|rollout|implementation)",
            r"\bend[- ]to[- ]end\b", r"\bproject\s+(?:lead|manager|owner)\b",
            r"(?:主导|负责|牵头)(?:了)?[\u4e00-\u9fff]{0,8}项目", r"项目(?:负责人|经理|主管)",
        ),
    ),
    Indicator(
        "teamwork",
        ("collaboration", "协作", "合作"),
        (
            r"\bcollaborat\w*\s+(?:with|across)\b", r"\bcross[- ]functional\b",
            r"\bworked\s+closely\s+with\b", r"\btogether\s+with\b", r"\bpartnered\s+with\b",
            r"\bteam\s+player\b",
            r"跨部门", r"协同", r"配合(?:团队|同事|部门)",
        ),
    ),
    Indicator(
        "communication",
        ("interpersonal skills", "表达能力"),
        (
            r"\bpresent(?:ed|ing)?\s+(?:to|at)\b", r"\bstakeholders?\b", r"\bliais\w+",
            r"\b(?:wrote|authored|prepared)\s+(?:\w+\s+){0,2}(?:reports?|proposals?|documentation)",
            r"对接", r"汇报", r"演讲", r"培训(?:了)?(?:新人|员工|同事)",
        ),
    ),
    Indicator(
        "problem solving",
        ("analytical skills", "分析能力"),
        (
            r"\btroubleshoot\w*", r"\broot[- ]cause\b", r"\bdebug\w*", r"\bresolv(?:ed|ing)\b",
            r"\bdiagnos\w+", r"排查", r"定位(?:并解决)?问题", r"解决了", r"优化",
        ),
    ),
    Indicator(
        "measurable results",
        ("results-driven", "track record", "业绩"),
        (
            r"\b(?:increased|reduced|improved|grew|cut|boosted|raised|saved|exceeded|decreased)"
            r"\b[^.\n]{0,60}?(?:\d+(?:\.\d+)?\s*%|\$\s?\d|\d+\s*(?:k|m|million|percent))",
            r"\b(?:ranked|top)\s+\d+\b", r"\bquota\b",
            r"(?:提升|提高|增长|降低|减少|节省|完成)(?:了)?[^。\n]{0,12}?\d+(?:\.\d+)?\s*(?:%|万|倍)",
            r"超额完成", r"销冠", r"排名(?:第|前)",
        ),
    ),
    Indicator(
        "customer focus",
        ("client relationship", "客户导向"),
        (
            r"\bclient(?:s|-facing)?\b", r"\bcustomer\s+(?:satisfaction|retention|experience)",
            r"\bnps\b", r"客户满意度", r"客户(?:维护|开发|关系)", r"大客户",
        ),
    ),
    Indicator(
        "continuous learning",
        ("self-motivated", "学习能力"),
        (
            r"\bcertif(?:ied|icate|ication)\b", r"\blicen[cs]ed?\b",
            r"\bcompleted\s+(?:a\s+)?course",
            r"证书", r"认证", r"资格证", r"自学",
        ),
    ),
)
# fmt: on


def job_indicators(job_text: str, extra: list[str]) -> list[Indicator]:
    """Indicators the job asks for: those its text names or implies, then extra phrases.

    extra holds HR's own indicator phrases (a job's competency keywords): each one that is not
    part of the table becomes an indicator met by mentioning it.
    """
    asked = [ind for ind in INDICATORS if _pattern(ind).search(job_text)]
    known = {ind.name for ind in asked}
    for phrase in dict.fromkeys(p.strip() for p in extra if p.strip()):
        found = _indicator_for(phrase)
        if found is None:
            asked.append(Indicator(phrase, (), ()))
        elif found.name not in known:
            asked.append(found)
        known.add(found.name if found else phrase)
    return asked


def indicator_checks(indicators: list[Indicator], lines: list[str]) -> list[Check]:
    """One check per indicator: met with the first line that states or implies it."""
    return [_check(indicator, lines) for indicator in indicators]


def _check(indicator: Indicator, lines: list[str]) -> Check:
    hit = first_matching_line(_pattern(indicator), lines)
    return Check("indicator", indicator.name, hit is not None, hit[1] if hit else "")


@cache
def _pattern(indicator: Indicator) -> re.Pattern[str]:
    """What states or implies the indicator, as one pattern (the case rules kept per part)."""
    names = [term_pattern(name).pattern for name in (indicator.name, *indicator.names)]
    implied = [f"(?i:{p})" for p in indicator.implied]
    return re.compile("|".join(f"(?:{part})" for part in [*names, *implied]))


def _indicator_for(phrase: str) -> Indicator | None:
    for indicator in INDICATORS:
        spellings = (indicator.name, *indicator.names, *SKILL_SYNONYMS.get(indicator.name, ()))
        if any(mentions(phrase, spelling) for spelling in spellings):
            return indicator
    return None
