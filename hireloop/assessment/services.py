"""Scoring interviews and human review: the public API of the assessment app."""

from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hireloop.candidates.enums import ResumeStatus
from hireloop.candidates.models import ResumeFile
from hireloop.candidates.services import applications_visible_to
from hireloop.errors import NotFoundOrForbidden
from hireloop.interviews.enums import QuestionKind, SessionStatus
from hireloop.interviews.models import Answer, InterviewSession, Recording
from hireloop.jobs.enums import Language
from hireloop.jobs.models import Dimension, Job
from hireloop.media.enums import AnalysisStatus
from hireloop.media.models import ObservationThumbnail
from hireloop.media.observations import Observation
from hireloop.media.services import analyses_of, is_analysing
from hireloop.resumes.claims import unsupported_claims
from hireloop.resumes.integrity import prompt_injection_findings
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .code_scoring import CodeResult, CodeScore, score_code
from .delivery import SpokenAnswer, blend, delivery_score
from .engines import configured_judge
from .enums import Recommendation
from .judge import BatchJudge, judge_dimension
from .models import DimensionScore, Report
from .scoring import (
    HIGH_BAND,
    MID_BAND,
    AnswerText,
    DimensionResult,
    DimensionSpec,
    overall_score,
)

SCORER_NAME = "offline-judge-usem3-v1"
CODE_SCORER = "code-tests-v1"


# The judge is calibrated on lenient human raters (docs/scoring.md): a vague answer scores
# about 6, an off-topic one about 4.7, a strong one about 9.5. The bands sit between those.
ADVANCE_FROM = 7.5
CONSIDER_FROM = 5.5


def recommendation_for(score: float) -> str:
    """A recommendation for the people who decide; it never moves the application."""
    if score >= ADVANCE_FROM:
        return Recommendation.ADVANCE
    if score >= CONSIDER_FROM:
        return Recommendation.CONSIDER
    return Recommendation.NOT_RECOMMENDED


def judge_for(candidate_name: str) -> BatchJudge:
    """The configured judge, told the candidate's own name so that it is neutralised too."""
    return configured_judge(extra_terms=tuple(part for part in candidate_name.split() if part))


def scorer_label(results: list[DimensionResult]) -> str:
    """Which engines produced the scores, e.g. "offline-judge-usem3-v1" or "llm:qwen,…"."""
    names = sorted({name for r in results for name in r.scorer.split(",") if name})
    return (",".join(names) or SCORER_NAME)[:60]


def do_score_session(*, session_id: int) -> Report:
    """Score each dimension of the job from the session's answers; idempotent."""
    session = InterviewSession.objects.select_related(
        "application__job", "application__candidate"
    ).get(pk=session_id)
    existing = Report.objects.filter(session=session).first()
    if existing is not None:
        return existing
    dimensions = list(session.application.job.dimensions.all())
    results = score_dimensions(session=session, dimensions=dimensions)
    weights = normalised_weights(dimensions)
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            session=session, defaults=_report_fields(session, results, weights)
        )
        if created:
            _store_scores(report, results)
            record_event(type=EventType.REPORT_READY, payload={"report_id": report.pk})
    return report


def _report_fields(
    session: InterviewSession, results: list[DimensionResult], weights: dict[str, float]
) -> dict[str, Any]:
    """The overall figures of a report: content scores at their weights, then delivery at
    the share HR gave the job's observations (0 unless enabled)."""
    content = overall_score(results, {int(k): v for k, v in weights.items()})
    delivery = session_delivery(session)
    share = float(session.application.job.observation_weight)
    overall = blend(content, delivery, share)
    return {
        "overall_score": overall,
        "recommendation": recommendation_for(overall),
        "scorer": scorer_label(results),
        "weights": weights,
        "consistency_flags": consistency_flags(session),
        "injection_flags": injection_flags(session),
        "delivery_score": delivery,
        "observation_weight": share if delivery is not None else 0.0,
    }


def session_delivery(session: InterviewSession) -> float | None:
    """The delivery score of the session's analysed recorded answers (timing only)."""
    done = analyses_of(session).filter(status=AnalysisStatus.DONE)
    return delivery_score(
        SpokenAnswer(
            observations=[Observation.from_json(o) for o in analysis.observations],
            duration_seconds=analysis.duration_seconds or 0.0,
        )
        for analysis in done
    )


def do_rescore_session(*, session_id: int) -> Report:
    """Score the session again from its answers as they are now (transcripts arrived),
    updating the report in place; the reviews keep what their reviewers saw."""
    session = InterviewSession.objects.select_related(
        "application__job", "application__candidate"
    ).get(pk=session_id)
    dimensions = list(session.application.job.dimensions.all())
    results = score_dimensions(session=session, dimensions=dimensions)
    fields = _report_fields(session, results, normalised_weights(dimensions))
    with transaction.atomic():
        report, created = Report.objects.select_for_update().get_or_create(
            session=session, defaults=fields
        )
        if created:
            _store_scores(report, results)
            record_event(type=EventType.REPORT_READY, payload={"report_id": report.pk})
            return report
        for name, value in fields.items():
            setattr(report, name, value)
        report.recomputed_at = timezone.now()
        report.save()
        for result in results:
            DimensionScore.objects.update_or_create(
                report=report, dimension_id=result.dimension_id, defaults=_score_fields(result)
            )
    return report


def on_media_analysed(payload: dict[str, Any]) -> None:
    """Once the last recording of a completed interview is analysed, score it again."""
    from .tasks import rescore_session

    session = InterviewSession.objects.get(pk=payload["session_id"])
    if session.status != SessionStatus.COMPLETED or is_analysing(session):
        return  # the completion, or the last analysis, will trigger it
    session_id = session.pk
    transaction.on_commit(lambda: rescore_session.enqueue(session_id))


def consistency_flags(session: InterviewSession) -> list[dict[str, Any]]:
    """Claims of the candidate's latest readable resume that no answer supports (M12)."""
    resume = (
        ResumeFile.objects.filter(application=session.application, status=ResumeStatus.PARSED)
        .order_by("-uploaded_at", "-id")
        .first()
    )
    lines = (resume.parsed or {}).get("lines", []) if resume else []
    answers = [a.text for a in session.answers.all()]
    answers += [p.text for p in session.probes.all() if p.text]  # asked about the claims
    return [asdict(claim) for claim in unsupported_claims(lines, answers)]


def injection_flags(session: InterviewSession) -> list[dict[str, Any]]:
    """Sentences of the session's answers aimed at an AI scorer, with the answer they are in.

    The same patterns as for resumes (hireloop.resumes.integrity), over each answer with its
    follow-up, as the judge reads them.
    """
    answers = session.answers.select_related("question", "follow_up").order_by("submitted_at", "id")
    return [
        {
            "answer_id": answer.pk,
            "question": answer.question.text,
            "evidence": finding.evidence,
            "detail": finding.detail,
            "code": finding.code,
            "params": dict(finding.params),
        }
        for answer in answers
        for finding in prompt_injection_findings(_with_follow_up(answer))
    ]


def score_dimensions(
    *, session: InterviewSession, dimensions: list[Dimension]
) -> list[DimensionResult]:
    """Judge each dimension on the answers to its questions (on all answers if none maps to
    it, e.g. a custom dimension HR added later); coding answers are scored from their tests."""
    answers = list(
        session.answers.select_related("question", "follow_up").prefetch_related(
            "question__dimensions"
        )
    )
    judge = judge_for(session.application.candidate.name)
    chinese = session.application.job.language == Language.ZH
    results = []
    for dimension in dimensions:
        mapped = [a for a in answers if dimension in a.question.dimensions.all()]
        results.append(_score_dimension(judge, dimension, mapped or answers, chinese))
    return results


def _score_dimension(
    judge: BatchJudge, dimension: Dimension, answers: list[Answer], chinese: bool
) -> DimensionResult:
    coded = [a for a in answers if a.code_result and a.question.kind == QuestionKind.CODING]
    # A recorded answer whose text is still empty awaits speech-to-text: not answered yet,
    # so it is left out instead of counting as a skipped question (0).
    spoken = [
        AnswerText(question=a.question.text, text=_with_follow_up(a))
        for a in answers
        if a not in coded and (a.text.strip() or a.recording_id is None)
    ]
    spec = DimensionSpec(
        id=dimension.pk,
        name=dimension.name,
        anchor_low=dimension.anchor_low,
        anchor_mid=dimension.anchor_mid,
        anchor_high=dimension.anchor_high,
        keywords=list(dimension.keywords),
    )
    text_result = judge_dimension(judge, spec, spoken) if spoken or not coded else None
    code_scores = [
        score_code(CodeResult.from_dict(a.code_result or {}), a.text, chinese=chinese)
        for a in coded
    ]
    if not code_scores and text_result is not None:
        return text_result
    return combine_with_code(dimension.pk, text_result, len(spoken), code_scores)


def _with_follow_up(answer: Answer) -> str:
    """The answer and what the candidate added when asked to follow up, judged as one."""
    follow_up = getattr(answer, "follow_up", None)
    if follow_up is None or not follow_up.text:
        return answer.text
    return f"{answer.text}\n{follow_up.text}"


def combine_with_code(
    dimension_id: int, text: DimensionResult | None, text_answers: int, code: list[CodeScore]
) -> DimensionResult:
    """One dimension score from judged text answers and test-scored coding answers: the mean
    over all answers, each counting once; the weakest part gives the counterfactual."""
    total = (text.score * text_answers if text else 0.0) + sum(c.score for c in code)
    score = round(total / (text_answers + len(code)), 1)
    band = "high" if score >= HIGH_BAND else "mid" if score >= MID_BAND else "low"
    weakest = min(code, key=lambda c: c.score)
    rationale = weakest.counterfactual
    if text is not None and text.score < weakest.score:
        rationale = text.rationale
    return DimensionResult(
        dimension_id=dimension_id,
        score=score,
        evidence=[line for c in code for line in c.evidence] + (text.evidence if text else []),
        matched_terms=text.matched_terms if text else [],
        matched_anchor=band,
        rationale=rationale,
        scorer=",".join(filter(None, [CODE_SCORER, text.scorer if text else ""])),
    )


def normalised_weights(dimensions: list[Dimension]) -> dict[str, float]:
    """dimension id (as text, for JSON) -> share of the overall score; equal when all are 0."""
    total = sum(float(d.weight) for d in dimensions)
    if total <= 0:
        return {str(d.pk): round(1 / len(dimensions), 4) for d in dimensions} if dimensions else {}
    return {str(d.pk): round(float(d.weight) / total, 4) for d in dimensions}


def _score_fields(result: DimensionResult) -> dict[str, Any]:
    return {
        "score": result.score,
        "evidence": result.evidence,
        "matched_terms": result.matched_terms,
        "matched_anchor": result.matched_anchor,
        "rationale": result.rationale,
    }


def _store_scores(report: Report, results: list[DimensionResult]) -> None:
    DimensionScore.objects.bulk_create(
        DimensionScore(report=report, dimension_id=r.dimension_id, **_score_fields(r))
        for r in results
    )


def do_recompute_job_reports(*, job_id: int) -> int:
    """Bring every report of the job in line with its current profile (M11); idempotent.

    Dimensions added since a report was written are judged on the stored answers; the
    overall score and recommendation are recomputed with the current weights. Human reviews
    are left as they were: they record what a person saw at the time.
    """
    job = Job.objects.get(pk=job_id)
    dimensions = list(job.dimensions.all())
    weights = normalised_weights(dimensions)
    changed = 0
    reports = Report.objects.filter(session__application__job=job).select_related(
        "session__application__candidate", "session__application__job"
    )
    for report in reports:
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=report.pk)
            scored = set(report.scores.values_list("dimension_id", flat=True))
            missing = [d for d in dimensions if d.pk not in scored]
            if missing:
                session = InterviewSession.objects.select_related(
                    "application__job", "application__candidate"
                ).get(pk=report.session_id)
                _store_scores(report, score_dimensions(session=session, dimensions=missing))
            results = [
                DimensionResult(s.dimension_id, s.score, [], [], s.matched_anchor, "")
                for s in report.scores.all()
            ]
            content = overall_score(results, {int(k): v for k, v in weights.items()})
            share = float(job.observation_weight) if report.delivery_score is not None else 0.0
            overall = blend(content, report.delivery_score, share)
            if (
                missing
                or overall != report.overall_score
                or weights != report.weights
                or share != report.observation_weight
            ):
                report.overall_score = overall
                report.recommendation = recommendation_for(overall)
                report.weights, report.observation_weight = weights, share
                report.recomputed_at = timezone.now()
                report.save(
                    update_fields=[
                        "overall_score",
                        "recommendation",
                        "weights",
                        "observation_weight",
                        "recomputed_at",
                    ]
                )
                changed += 1
    return changed


def on_profile_changed(payload: dict[str, Any]) -> None:
    from .tasks import recompute_job_reports

    job_id = payload["job_id"]
    transaction.on_commit(lambda: recompute_job_reports.enqueue(job_id))


def on_interview_completed(payload: dict[str, Any]) -> None:
    from .tasks import score_session

    session_id = payload["session_id"]
    transaction.on_commit(lambda: score_session.enqueue(session_id))


def reports_visible_to(user: Any) -> QuerySet[Report]:
    return Report.objects.filter(session__application__in=applications_visible_to(user))


def access_report(user: Any, report_id: int) -> Report:
    report = (
        reports_visible_to(user)
        .select_related("session__application__job", "session__application__candidate")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise NotFoundOrForbidden("Report not found.")
    return report


def access_recording(user: Any, report_id: int, answer_id: int) -> Recording:
    """A finished recording of one of the report's answers, for the report's readers only."""
    report = access_report(user, report_id)
    recording = Recording.objects.filter(
        answer__pk=answer_id, answer__session_id=report.session_id, is_complete=True
    ).first()
    if recording is None:
        raise NotFoundOrForbidden("Recording not found.")
    return recording


def access_still(user: Any, report_id: int, still_id: int) -> ObservationThumbnail:
    """A still behind a face observation of the report's recordings, for its readers only."""
    report = access_report(user, report_id)
    still = ObservationThumbnail.objects.filter(
        pk=still_id, analysis__recording__session=report.session_id
    ).first()
    if still is None:
        raise NotFoundOrForbidden("Still not found.")
    return still
