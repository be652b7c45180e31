"""When a job's scores were recomputed, and why: the line under the ranking and the score."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.dateparse import parse_datetime

from hireloop.jobs.enums import JobChangeKind
from hireloop.jobs.models import Job, JobChange


@dataclass(frozen=True)
class Recomputation:
    """When a job's scores were last computed, and the requirements change that made them be
    computed again (who, when, why: JobChange)."""

    at: datetime
    change: JobChange


def recomputation_of(*, job: Job, explanations: Iterable[dict[str, Any]]) -> Recomputation | None:
    """The latest recomputation of the job's scores after its requirements changed, read from
    the given explanations' screened_at; None while any of them is older than the change (the
    pages then mark those scores as made against the earlier requirements) or when the
    requirements never changed. One query, and only for a job whose requirements changed."""
    if job.requirements_revision <= 1:
        return None
    stamps = [
        parse_datetime(explanation["screened_at"])
        for explanation in explanations
        if explanation and explanation.get("screened_at")
    ]
    known = [stamp for stamp in stamps if stamp is not None]
    if not known:
        return None
    change = job.changes.filter(kind=JobChangeKind.REQUIREMENTS).select_related("actor").first()
    if change is None or min(known) < change.at:
        return None
    return Recomputation(at=max(known), change=change)
