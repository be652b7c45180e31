"""A parsed resume laid out as structure for the candidate page: schools, jobs with dates and
durations, the total, projects and skills (M1). Plain data for the template."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import ngettext, pgettext

from hireloop.resumes.fields import ParsedResume

from .explain import degree_label


@dataclass(frozen=True)
class Period:
    start: str
    end: str

    def __str__(self) -> str:
        end = pgettext("end of a date range", "present") if self.end == "present" else self.end
        if self.start and end:
            return f"{self.start} – {end}"
        return self.start or end


@dataclass(frozen=True)
class Job:
    employer: str
    title: str
    period: Period
    duration: str


@dataclass(frozen=True)
class School:
    school: str
    degree: str
    major: str
    period: Period


@dataclass(frozen=True)
class ResumeLayout:
    schools: list[School]
    jobs: list[Job]
    total_years: float
    projects: list[tuple[str, str]]
    skills: list[str]

    @property
    def is_empty(self) -> bool:
        return not (self.schools or self.jobs or self.projects or self.skills)


def duration_text(months: int) -> str:
    """26 → "2 yr 2 mo" in the reader's language; "" when unknown."""
    if months <= 0:
        return ""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(ngettext("%(n)d yr", "%(n)d yrs", years) % {"n": years})
    if rest:
        parts.append(ngettext("%(n)d mo", "%(n)d mos", rest) % {"n": rest})
    return " ".join(parts)


def resume_layout(parsed: dict[str, Any] | None) -> ResumeLayout | None:
    """The structure of a stored parse (ResumeFile.parsed), newest job first; None if unread."""
    if not parsed:
        return None
    try:
        resume = ParsedResume.from_dict({"lines": [], **parsed})
    except (TypeError, KeyError, ValueError):  # a parse stored in an older shape
        return None
    jobs = [
        Job(
            employer=entry.employer,
            title=entry.title,
            period=Period(entry.start, entry.end),
            duration=duration_text(entry.months),
        )
        for entry in sorted(resume.experience, key=lambda e: e.start, reverse=True)
    ]
    schools = [
        School(
            school=entry.school,
            degree=degree_label(entry.degree),
            major=entry.major,
            period=Period(entry.start, entry.end),
        )
        for entry in resume.education
    ]
    return ResumeLayout(
        schools=schools,
        jobs=jobs,
        total_years=resume.years_experience,
        projects=[(p.name, p.line) for p in resume.projects],
        skills=list(resume.skills),
    )
