"""The media analysis on the report: transcripts, observations, their stills, progress."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hireloop.assessment.models import Report
from hireloop.assessment.services import access_report, access_still
from hireloop.media.enums import AnalysisStatus, SkipReason
from hireloop.media.labels import GROUP_LABELS, ObservationRow, rows
from hireloop.media.models import MediaAnalysis, ObservationThumbnail
from hireloop.media.observations import Observation
from hireloop.media.services import analyses_of
from hireloop.privacy.services import reveal


@dataclass
class AnswerMedia:
    analysis: MediaAnalysis
    groups: list[tuple[str, list[ObservationRow]]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # group label, reason
    stills: list[ObservationThumbnail] = field(default_factory=list)


def media_by_answer(report: Report) -> dict[int, AnswerMedia]:
    """answer id -> what its recording's analysis found, grouped for the report page."""
    analyses = analyses_of(report.session).select_related("recording__answer")
    found: dict[int, AnswerMedia] = {}
    for analysis in analyses.prefetch_related("thumbnails"):
        answer = getattr(analysis.recording, "answer", None)
        if answer is None:
            continue
        found[answer.pk] = _answer_media(analysis)
    return found


def _answer_media(analysis: MediaAnalysis) -> AnswerMedia:
    observations = [Observation.from_json(o) for o in analysis.observations]
    media = AnswerMedia(analysis=analysis, stills=list(analysis.thumbnails.all()))
    for group, label in GROUP_LABELS.items():
        in_group = [o for o in observations if o.group == group]
        if in_group:
            media.groups.append((str(label), rows(in_group)))
    for group, reason in sorted(analysis.skipped.items()):
        if reason != SkipReason.NO_VIDEO:
            media.skipped.append(
                (str(GROUP_LABELS.get(group, group)), str(SkipReason(reason).label))
            )
    return media


def media_progress_context(report: Report) -> dict[str, Any]:
    analyses = list(analyses_of(report.session))
    waiting = [a for a in analyses if not a.is_finished]
    percent = round(sum(a.progress for a in analyses) / len(analyses)) if analyses else 100
    return {
        "report": report,
        "media_total": len(analyses),
        "media_waiting": len(waiting),
        "media_percent": percent,
        "media_failed": sum(a.status == AnalysisStatus.FAILED for a in analyses),
    }


@login_required
@require_safe
def media_progress(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    context = media_progress_context(report)
    return render(request, "web/_media_progress.html", {**context, "polled": True})


@login_required
@require_safe
def observation_still(request: HttpRequest, report_id: int, still_id: int) -> HttpResponse:
    """A still that backs a face observation: read like the video itself, and audited."""
    still = access_still(request.user, report_id, still_id)
    reveal(actor=request.user, object_type="observation_still", object_id=still.pk, fields=["face"])
    with default_storage.open(still.file.name, "rb") as stored:
        response = HttpResponse(stored.read(), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
