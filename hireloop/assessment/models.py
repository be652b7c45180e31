from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.interviews.models import InterviewSession
from hireloop.jobs.models import Dimension
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField

from .enums import Decision, Recommendation


class Report(models.Model):
    """The AI's assessment of one interview: a recommendation for humans, never a decision."""

    session = models.OneToOneField(
        InterviewSession, on_delete=models.CASCADE, related_name="report"
    )
    overall_score = models.FloatField()
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    scorer = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"Report #{self.pk} · {self.overall_score:.1f}"


class DimensionScore(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="scores")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE)
    score = models.FloatField(help_text=_("0 to 10"))
    evidence = EncryptedJSONField(default=list, help_text=_("Quoted answer spans"))
    matched_terms = models.JSONField(default=list)
    matched_anchor = models.CharField(max_length=10)
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["dimension__position", "dimension_id"]
        unique_together = [("report", "dimension")]
        verbose_name = _("dimension score")
        verbose_name_plural = _("dimension scores")

    def __str__(self) -> str:
        return f"{self.dimension.name}: {self.score:.1f}"


class InterviewerReview(models.Model):
    """A person's own reading of the interview, and their decision (M14, M16)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    scores = models.JSONField(_("scores"), default=dict, help_text=_("dimension id → 0–10"))
    comments = EncryptedTextField(_("comments"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("interviewer review")
        verbose_name_plural = _("interviewer reviews")

    def __str__(self) -> str:
        return f"Review by {self.reviewer} · {self.decision}"
