from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.assessment.models import Report
from hireloop.interviews.models import Answer
from hireloop.privacy.fields import EncryptedTextField

from .enums import ReviewDecision, ReviewRequestStatus

# These tables were created by the assessment app; they keep their names so that moving
# the models into this app (migration 0001) changed no data.


class InterviewerReview(models.Model):
    """A person's own reading of the interview: scores, comments, notes (M14)."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("report")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("reviewer")
    )
    scores = models.JSONField(_("scores"), default=dict, help_text=_("dimension id → 0–10"))
    comments = EncryptedTextField(_("comments"), blank=True)
    # Reviews saved before decisions became their own confirmed step carry the decision that
    # was taken with them; a review saved since decides nothing and leaves this blank.
    decision = models.CharField(
        _("decision"), max_length=10, choices=ReviewDecision.choices, blank=True, default=""
    )
    # How each dimension where the person and the AI differed beyond the threshold was
    # resolved: [{dimension_id, ai, first, final, resolution: "kept" | "adjusted"}] (M14).
    divergences = models.JSONField(_("divergences"), default=list, blank=True)
    divergence_note = EncryptedTextField(_("why the scores differ"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "assessment_interviewerreview"
        ordering = ["-created_at"]
        verbose_name = _("interviewer review")
        verbose_name_plural = _("interviewer reviews")

    def __str__(self) -> str:
        return _("Review by %(reviewer)s") % {"reviewer": self.reviewer}


class AnswerAnnotation(models.Model):
    """An interviewer's note on one answer, saved with their review."""

    review = models.ForeignKey(
        InterviewerReview,
        on_delete=models.CASCADE,
        related_name="annotations",
        verbose_name=_("review"),
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="annotations", verbose_name=_("answer")
    )
    text = EncryptedTextField(_("annotation"))

    class Meta:
        db_table = "assessment_answerannotation"
        ordering = ["answer_id", "id"]
        verbose_name = _("answer annotation")
        verbose_name_plural = _("answer annotations")

    def __str__(self) -> str:
        return _("Annotation on answer #%(id)s") % {"id": self.answer_id}


class HumanReviewRequest(models.Model):
    """A candidate's request that a person review their assessment (M15; PIPL Art. 24)."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="review_requests", verbose_name=_("report")
    )
    message = EncryptedTextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReviewRequestStatus.choices,
        default=ReviewRequestStatus.OPEN,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = EncryptedTextField(_("outcome"), blank=True)

    class Meta:
        db_table = "assessment_humanreviewrequest"
        ordering = ["-created_at"]
        verbose_name = _("human review request")
        verbose_name_plural = _("human review requests")
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=models.Q(status=ReviewRequestStatus.OPEN),
                name="one_open_review_request_per_report",
            )
        ]

    def __str__(self) -> str:
        return _("Review request #%(id)s (%(status)s)") % {
            "id": self.pk,
            "status": self.get_status_display(),
        }
