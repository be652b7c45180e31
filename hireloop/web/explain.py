"""Wording of explanations in the reader's language (the engines store plain data)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hireloop.jobs.enums import Degree
from hireloop.jobs.models import Job
from hireloop.screening.matching import Check

CHECK_KINDS = {
    "degree": gettext_lazy("education"),
    "years": gettext_lazy("experience"),
    "skill": gettext_lazy("skill"),
    "must_have": gettext_lazy("must-have"),
    "bonus": gettext_lazy("bonus"),
    # Screening's keyword and hidden-keyword checks (screening/lexical.py, indicators.py).
    "keyword": gettext_lazy("keyword"),
    "indicator": gettext_lazy("hidden keyword"),
}

# Resume integrity findings (B3), shown to HR with their evidence.
INTEGRITY_KINDS = {
    "hidden_text": gettext_lazy("Hidden text (a reader cannot see it)"),
    "tiny_text": gettext_lazy("Text too small to read"),
    "off_page_text": gettext_lazy("Text placed outside the page"),
    "keyword_stuffing": gettext_lazy("Keyword stuffing"),
    "prompt_injection": gettext_lazy("Instructions aimed at AI screeners"),
}


@dataclass(frozen=True)
class CheckLine:
    kind: str
    requirement: str
    met: bool
    evidence: str


def describe_check(check: Check, job: Job) -> CheckLine:
    requirement = check.requirement
    if check.kind == "degree":
        requirement = _("%(degree)s or higher") % {"degree": Degree(job.min_degree).label}
    elif check.kind == "years":
        requirement = _("at least %(years)d years of experience") % {"years": job.min_years}
    kind = str(CHECK_KINDS.get(check.kind, check.kind))
    return CheckLine(kind, requirement, check.met, check.evidence)


def degree_label(level: int | None) -> str:
    return str(Degree(level).label) if level else ""
