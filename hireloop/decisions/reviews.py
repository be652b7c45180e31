"""People's reviews of AI reports: divergence checks, annotations, calibration, and candidates'
requests for a human review (M14, M15). A review never moves a stage: offer and rejection are
decisions of their own, taken and confirmed through ``services.do_decide``."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.assessment.models import DimensionScore, Report
from hireloop.assessment.services import reports_visible_to
from hireloop.errors import ActionNotAllowed, HireLoopError, NotFoundOrForbidden
from hireloop.interviews.models import InterviewSession
from hireloop.jobs.services import may_manage_job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .calibration import DifferenceStats, summarise_differences
from .enums import Resolution, ReviewRequestStatus
from .models import AnswerAnnotation, HumanReviewRequest, InterviewerReview

SCALE_MAX = 10.0


class ReviewInvalid(HireLoopError):
    code = "review_invalid"


class DivergenceUnconfirmed(ReviewInvalid):
    code = "divergence_unconfirmed"


def divergence_threshold() -> float:
    """Points on the 0–10 scale beyond which a person's score counts as divergent (M14)."""
    return settings.REVIEW_DIVERGENCE_SHARE * SCALE_MAX


def divergent_dimensions(*, report: Report, scores: dict[int, float]) -> list[DimensionScore]:
    """Dimensions where the reviewer's score and the AI's differ by more than the threshold."""
    threshold = divergence_threshold()
    return [
        s
        for s in report.scores.select_related("dimension")
        if s.dimension_id in scores and abs(scores[s.dimension_id] - s.score) > threshold
    ]


def resolve_divergences(
    *,
    ai: dict[int, float],
    first: dict[int, float] | None,
    final: dict[int, float],
    threshold: float,
) -> list[dict[str, Any]]:
    """For each dimension that was or is divergent: kept (still apart) or adjusted (moved in)."""
    first = first or {}
    entries = []
    for dimension_id, ai_score in ai.items():
        if dimension_id not in final:
            continue
        was_apart = abs(first.get(dimension_id, final[dimension_id]) - ai_score) > threshold
        is_apart = abs(final[dimension_id] - ai_score) > threshold
        if was_apart or is_apart:
            entries.append(
                {
                    "dimension_id": dimension_id,
                    "ai": ai_score,
                    "first": first.get(dimension_id, final[dimension_id]),
                    "final": final[dimension_id],
                    "resolution": Resolution.KEPT if is_apart else Resolution.ADJUSTED,
                }
            )
    return entries


def check_review(
    *, report: Report, reviewer: Any, scores: dict[int, float], confirmed: bool, note: str
) -> list[DimensionScore]:
    """Raise if the review may not be saved yet; return the dimensions still divergent."""
    if not has_role(reviewer, Role.INTERVIEWER, Role.RECRUITER, Role.HR_ADMIN, Role.ADMIN):
        raise NotFoundOrForbidden("Report not found.")
    if any(not 0 <= v <= SCALE_MAX for v in scores.values()):
        raise ReviewInvalid(_("Scores run from 0 to 10."))
    divergent = divergent_dimensions(report=report, scores=scores)
    if divergent and not confirmed:
        raise DivergenceUnconfirmed(
            _("Your scores differ a lot from the AI's; please re-check them.")
        )
    if divergent and not note.strip():
        raise DivergenceUnconfirmed(
            _("Please say briefly why you keep a score that differs from the AI's.")
        )
    return divergent


def do_submit_review(
    *,
    report: Report,
    reviewer: Any,
    scores: dict[int, float],
    comments: str,
    divergence_confirmed: bool = False,
    divergence_note: str = "",
    first_scores: dict[int, float] | None = None,
    annotations: dict[int, str] | None = None,
) -> InterviewerReview:
    """Record a person's review: scores, comments and notes (M14). It decides nothing.

    The review form once carried the decision, preselected on "offer", so saving scores made
    an offer; the decision is now its own confirmed step (``services.do_decide``).
    ``first_scores`` are the scores the reviewer entered before being asked to re-check, so
    the review records how each divergence was resolved.
    """
    check_review(
        report=report,
        reviewer=reviewer,
        scores=scores,
        confirmed=divergence_confirmed,
        note=divergence_note,
    )
    ai = {s.dimension_id: s.score for s in report.scores.all()}
    divergences = resolve_divergences(
        ai=ai, first=first_scores, final=scores, threshold=divergence_threshold()
    )
    with transaction.atomic():
        review = InterviewerReview.objects.create(
            report=report,
            reviewer=reviewer,
            scores={str(k): v for k, v in scores.items()},
            comments=comments,
            divergences=divergences,
            divergence_note=divergence_note.strip() if divergences else "",
        )
        _store_annotations(review, annotations or {})
        record_event(
            type=EventType.REVIEW_SUBMITTED,
            payload={"review_id": review.pk, "divergences": divergences},
        )
        do_audit(
            actor=reviewer,
            action=AuditAction.CREATE,
            object_type="interviewer_review",
            object_id=review.pk,
            detail={"divergent_dimensions": len(divergences)},
        )
    return review


def _store_annotations(review: InterviewerReview, annotations: dict[int, str]) -> None:
    """Notes on answers of this report's session only; blank notes are dropped."""
    own = set(review.report.session.answers.values_list("pk", flat=True))
    AnswerAnnotation.objects.bulk_create(
        AnswerAnnotation(review=review, answer_id=answer_id, text=text.strip())
        for answer_id, text in annotations.items()
        if answer_id in own and text.strip()
    )


@dataclass(frozen=True)
class ReviewerCalibration:
    reviewer: str
    reviews: int
    stats: DifferenceStats
    resolutions: dict[str, int]  # kept / adjusted counts


def calibration_for(user: Any) -> list[ReviewerCalibration]:
    """Per interviewer, the distribution of (person − AI) differences over the reports the
    user may see; interviewers see only their own."""
    reviews = InterviewerReview.objects.filter(report__in=reports_visible_to(user))
    if not has_role(user, Role.RECRUITER, Role.HR_ADMIN, Role.ADMIN):
        reviews = reviews.filter(reviewer=user)
    ai = {
        (s.report_id, s.dimension_id): s.score
        for s in DimensionScore.objects.filter(report__reviews__in=reviews).distinct()
    }
    differences: dict[str, list[float]] = defaultdict(list)
    resolutions: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    for review in reviews.select_related("reviewer").order_by("reviewer__username", "id"):
        name = review.reviewer.get_username()
        counts[name] += 1
        for dimension_id, score in review.scores.items():
            key = (review.report_id, int(dimension_id))
            if key in ai:
                differences[name].append(float(score) - ai[key])
        resolutions[name].update(entry["resolution"] for entry in review.divergences)
    threshold = divergence_threshold()
    return [
        ReviewerCalibration(
            reviewer=name,
            reviews=counts[name],
            stats=summarise_differences(differences[name], threshold=threshold),
            resolutions=dict(resolutions[name]),
        )
        for name in sorted(counts)
    ]


def report_for_candidate(session: InterviewSession) -> Report | None:
    """The report a candidate's own link may explain: only once the interview is complete."""
    return Report.objects.filter(session=session).prefetch_related("scores__dimension").first()


def do_request_human_review(*, session: InterviewSession, message: str) -> HumanReviewRequest:
    """The candidate asks for a person to review their assessment (M15; PIPL Art. 24).

    At most one open request per report (also a database constraint): asking again while one
    is open is refused, so a link cannot fill HR's queue; after the outcome the candidate may
    ask again.
    """
    report = report_for_candidate(session)
    if report is None:
        raise ReviewInvalid(_("Your answers are still being assessed; please try again later."))
    already_open = ReviewInvalid(
        _("You have already asked for a human review; a person will reply here.")
    )
    with transaction.atomic():
        # Lock the report so two requests posted at once queue here, not at the constraint.
        Report.objects.select_for_update().filter(pk=report.pk).first()
        if HumanReviewRequest.objects.filter(
            report=report, status=ReviewRequestStatus.OPEN
        ).exists():
            raise already_open
        try:
            with transaction.atomic():
                request = HumanReviewRequest.objects.create(
                    report=report, message=message.strip()[:4000]
                )
        except IntegrityError as error:  # a concurrent request won the race
            raise already_open from error
        record_event(
            type=EventType.HUMAN_REVIEW_REQUESTED,
            payload={"request_id": request.pk, "report_id": report.pk},
        )
        do_audit(
            actor="candidate",
            action=AuditAction.CREATE,
            object_type="human_review_request",
            object_id=request.pk,
        )
    return request


# The permission the menu asks (``perms.decisions.view_humanreviewrequest``): the list, the
# menu entry and the route matrix all follow it.
VIEW_REQUESTS_PERMISSION = "decisions.view_humanreviewrequest"


def may_see_review_requests(user: Any) -> bool:
    """Recruiters, HR and interviewers work on candidates' requests; auditors do not."""
    is_person = getattr(user, "is_authenticated", False)
    return bool(is_person and user.has_perm(VIEW_REQUESTS_PERMISSION))


def review_requests_visible_to(user: Any) -> QuerySet[HumanReviewRequest]:
    """The requests on the reports the user may read: the job's recruiters and interviewers
    (the people who can re-review the assessment), HR admins and admins for every job."""
    if not may_see_review_requests(user):
        return HumanReviewRequest.objects.none()
    return HumanReviewRequest.objects.filter(report__in=reports_visible_to(user))


def may_resolve_review_request(user: Any, request: HumanReviewRequest) -> bool:
    """The outcome is written to the candidate by whoever manages the job: its recruiters and
    HR. Interviewers re-review the report; they do not answer the candidate."""
    return may_see_review_requests(user) and may_manage_job(
        user, request.report.session.application.job
    )


def check_may_resolve_review_request(user: Any, request: HumanReviewRequest) -> None:
    if not may_resolve_review_request(user, request):
        raise ActionNotAllowed(
            _("The job's recruiters and HR write the outcome of a human review.")
        )


def access_review_request(user: Any, request_id: int) -> HumanReviewRequest:
    found = (
        review_requests_visible_to(user)
        .select_related("report__session__application__job")
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise NotFoundOrForbidden("Request not found.")
    return found


def do_resolve_review_request(
    *, request: HumanReviewRequest, actor: Any, resolution: str
) -> HumanReviewRequest:
    """A person records the outcome of the human review; the candidate's page shows it."""
    check_may_resolve_review_request(actor, request)
    if not resolution.strip():
        raise ReviewInvalid(_("Please write what the human review found."))
    with transaction.atomic():
        request.status = ReviewRequestStatus.RESOLVED
        request.resolved_by = actor
        request.resolved_at = timezone.now()
        request.resolution = resolution.strip()
        request.save(update_fields=["status", "resolved_by", "resolved_at", "resolution"])
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="human_review_request",
            object_id=request.pk,
            detail={"status": request.status},
        )
    return request
