"""Human review: divergence resolution, calibration, annotations and candidates' requests."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from hireloop.candidates.enums import Stage
from hireloop.decisions.calibration import summarise_differences
from hireloop.decisions.enums import ReviewRequestStatus
from hireloop.decisions.models import HumanReviewRequest, InterviewerReview
from hireloop.decisions.reviews import (
    DivergenceUnconfirmed,
    ReviewInvalid,
    calibration_for,
    divergence_threshold,
    do_request_human_review,
    do_resolve_review_request,
    do_submit_review,
    may_resolve_review_request,
    resolve_divergences,
    review_requests_visible_to,
)
from hireloop.errors import ActionNotAllowed
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import ApplicationFactory, UserFactory
from hireloop.testing.interviews import take_interview
from hireloop.workflow.models import OutboxEvent

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = (
    "Our nightly batch failed, so I led the debugging with two colleagues. We measured each "
    "step, found the root cause in a missing index and cut the run time by 70%."
)


def test_threshold_is_twenty_percent_of_the_scale_by_default() -> None:
    assert divergence_threshold() == pytest.approx(2.0)


def test_threshold_follows_the_setting(settings) -> None:  # type: ignore[no-untyped-def]
    settings.REVIEW_DIVERGENCE_SHARE = 0.1
    assert divergence_threshold() == pytest.approx(1.0)


def test_resolutions_kept_adjusted_and_untouched() -> None:
    entries = resolve_divergences(
        ai={1: 5.0, 2: 5.0, 3: 5.0},
        first={1: 9.0, 2: 9.0, 3: 6.0},
        final={1: 9.0, 2: 6.5, 3: 6.0},
        threshold=2.0,
    )
    assert [(e["dimension_id"], e["resolution"]) for e in entries] == [
        (1, "kept"),
        (2, "adjusted"),
    ]
    assert entries[1]["first"] == 9.0 and entries[1]["final"] == 6.5


def test_without_a_first_attempt_a_divergent_score_counts_as_kept() -> None:
    entries = resolve_divergences(ai={1: 2.0}, first=None, final={1: 9.0}, threshold=2.0)
    assert entries == [
        {"dimension_id": 1, "ai": 2.0, "first": 9.0, "final": 9.0, "resolution": "kept"}
    ]


@given(st.lists(st.floats(-10, 10, allow_nan=False), max_size=50))
def test_difference_summary_invariants(differences: list[float]) -> None:
    stats = summarise_differences(differences, threshold=2.0)
    assert stats.count == len(differences) == sum(stats.histogram)
    assert 0 <= stats.share_beyond_threshold <= 1
    assert stats.mean_absolute >= abs(stats.mean) - 1e-9


def test_difference_summary_figures() -> None:
    stats = summarise_differences([3.0, -1.0, 0.0, 2.5], threshold=2.0)
    assert stats.mean == 1.12 and stats.mean_absolute == 1.62
    assert stats.share_beyond_threshold == 0.5
    assert stats.histogram[10] == 1 and stats.histogram[13] == 2 and stats.histogram[9] == 1


@pytest.fixture
def report(job, recruiter):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    return session.report


def _scores(report, offset: float) -> dict[int, float]:  # type: ignore[no-untyped-def]
    return {s.dimension_id: max(0.0, min(10.0, s.score + offset)) for s in report.scores.all()}


def test_divergent_review_needs_confirmation_and_a_reason(report, interviewer) -> None:  # type: ignore[no-untyped-def]
    far = {d: 0.0 for d in _scores(report, 0)}
    with pytest.raises(DivergenceUnconfirmed):
        do_submit_review(report=report, reviewer=interviewer, scores=far, comments="")
    with pytest.raises(DivergenceUnconfirmed):
        do_submit_review(
            report=report,
            reviewer=interviewer,
            scores=far,
            comments="",
            divergence_confirmed=True,
        )
    review = do_submit_review(
        report=report,
        reviewer=interviewer,
        scores=far,
        comments="",
        divergence_confirmed=True,
        divergence_note="No example of teamwork at all.",
        first_scores=far,
    )
    assert {e["resolution"] for e in review.divergences} == {"kept"}
    event = OutboxEvent.objects.filter(type="review.submitted").get()
    assert len(event.payload["divergences"]) == len(far)


def test_close_review_saves_without_prompt_and_records_no_divergence(report, interviewer) -> None:  # type: ignore[no-untyped-def]
    review = do_submit_review(
        report=report,
        reviewer=interviewer,
        scores=_scores(report, 0.5),
        comments="",
    )
    assert review.divergences == [] and review.divergence_note == ""
    assert report.session.application.stage == Stage.INTERVIEWED  # a review moves nothing


def test_scores_outside_the_scale_are_refused(report, interviewer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReviewInvalid):
        do_submit_review(
            report=report,
            reviewer=interviewer,
            scores=_scores(report, 20),
            comments="",
        )


def test_annotations_only_on_this_reports_answers(report, interviewer, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    other = take_interview(application=ApplicationFactory(job=job), actor=recruiter, answers="No.")
    own_answer = report.session.answers.first()
    review = do_submit_review(
        report=report,
        reviewer=interviewer,
        scores=_scores(report, 0),
        comments="",
        annotations={own_answer.pk: "Strong example", other.answers.first().pk: "not mine", 0: "x"},
    )
    assert [(a.answer_id, a.text) for a in review.annotations.all()] == [
        (own_answer.pk, "Strong example")
    ]


def test_calibration_per_interviewer_and_who_sees_whom(report, interviewer, recruiter, job) -> None:  # type: ignore[no-untyped-def]
    colleague = UserFactory(username="colleague", role="interviewer")
    job.interviewers.add(colleague)
    do_submit_review(
        report=report,
        reviewer=interviewer,
        scores=_scores(report, 1.0),
        comments="",
    )
    do_submit_review(
        report=report,
        reviewer=colleague,
        scores=_scores(report, -3.0),
        comments="",
        divergence_confirmed=True,
        divergence_note="Too vague for me.",
    )
    rows = {row.reviewer: row for row in calibration_for(recruiter)}
    assert set(rows) == {"interviewer", "colleague"}
    assert rows["interviewer"].stats.count == 2
    assert rows["colleague"].stats.share_beyond_threshold == 1.0
    assert rows["colleague"].resolutions == {"kept": 2}  # one per divergent dimension
    # An interviewer sees only their own differences; an outsider sees none.
    assert [row.reviewer for row in calibration_for(colleague)] == ["colleague"]
    assert calibration_for(UserFactory(username="outsider", role="interviewer")) == []


def test_candidate_requests_a_human_review_once(
    report, recruiter, interviewer, other_interviewer, auditor
) -> None:  # type: ignore[no-untyped-def]
    first = do_request_human_review(session=report.session, message="My second answer was cut.")
    # The message follows the active language; an earlier test may have left Chinese active.
    with translation.override("en"), pytest.raises(ReviewInvalid, match="already asked"):
        do_request_human_review(session=report.session, message="Please!")
    assert HumanReviewRequest.objects.count() == 1
    assert OutboxEvent.objects.filter(type="report.human_review_requested").count() == 1
    assert AuditEntry.objects.filter(object_type="human_review_request").exists()
    assert list(review_requests_visible_to(recruiter)) == [first]
    # The job's interviewer re-reviews; another job's interviewer and the auditor see nothing.
    assert list(review_requests_visible_to(interviewer)) == [first]
    assert list(review_requests_visible_to(other_interviewer)) == []
    assert list(review_requests_visible_to(auditor)) == []
    # The outcome goes to the candidate from the job's recruiters and HR only.
    assert may_resolve_review_request(recruiter, first)
    assert not may_resolve_review_request(interviewer, first)
    with pytest.raises(ActionNotAllowed):
        do_resolve_review_request(request=first, actor=interviewer, resolution="Looks fine.")
    with pytest.raises(ReviewInvalid):
        do_resolve_review_request(request=first, actor=recruiter, resolution=" ")
    do_resolve_review_request(request=first, actor=recruiter, resolution="Re-read; score stands.")
    first.refresh_from_db()
    assert first.status == ReviewRequestStatus.RESOLVED and first.resolved_by == recruiter
    # After an outcome the candidate may ask again.
    assert do_request_human_review(session=report.session, message="").pk != first.pk


def test_no_request_before_the_report_exists(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    from hireloop.interviews.services import do_invite

    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    with pytest.raises(ReviewInvalid):
        do_request_human_review(session=session, message="")
    assert not InterviewerReview.objects.exists()


def test_the_database_refuses_a_second_open_review_request(report) -> None:  # type: ignore[no-untyped-def]
    from django.db import IntegrityError, transaction

    HumanReviewRequest.objects.create(report=report)
    with pytest.raises(IntegrityError), transaction.atomic():
        HumanReviewRequest.objects.create(report=report)
    HumanReviewRequest.objects.update(status=ReviewRequestStatus.RESOLVED)
    HumanReviewRequest.objects.create(report=report)  # a new one after the outcome is fine
