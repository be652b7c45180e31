import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.models import Application
from hireloop.jobs.enums import Language
from hireloop.jobs.models import Dimension, Job
from hireloop.privacy.fields import EncryptedTextField

from .enums import AnswerMode, QuestionKind, SessionStatus


class Question(models.Model):
    """A question in the bank; ``job`` is empty for questions shared by all jobs."""

    job = models.ForeignKey(
        Job, null=True, blank=True, on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    language = models.CharField(max_length=10, choices=Language.choices, default=Language.ZH)
    dimensions = models.ManyToManyField(Dimension, related_name="questions", blank=True)
    anchor_low = models.TextField(_("weak answer shows"), blank=True)
    anchor_mid = models.TextField(_("middling answer shows"), blank=True)
    anchor_high = models.TextField(_("strong answer shows"), blank=True)
    difficulty = models.PositiveSmallIntegerField(default=2)
    answer_mode = models.CharField(max_length=10, choices=AnswerMode.choices, default="text")
    prep_seconds = models.PositiveIntegerField(default=0)
    answer_seconds = models.PositiveIntegerField(default=0, help_text=_("0 means no limit"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:60]


class InterviewPlan(models.Model):
    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="interview_plan")
    questions = models.ManyToManyField(Question, through="PlanItem")  # type: ignore[var-annotated]
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interview plan")
        verbose_name_plural = _("interview plans")

    def __str__(self) -> str:
        return f"Plan for {self.job}"


class PlanItem(models.Model):
    plan = models.ForeignKey(InterviewPlan, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        unique_together = [("plan", "position")]

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.question}"


class InterviewSession(models.Model):
    """One candidate's interview. The link carries a signed form of ``public_id``."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interview_sessions"
    )
    plan = models.ForeignKey(InterviewPlan, on_delete=models.PROTECT)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=20, choices=SessionStatus.choices, default=SessionStatus.INVITED
    )
    deadline = models.DateTimeField(_("deadline"))
    notes = EncryptedTextField(_("notes for the candidate"), blank=True)
    current_index = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interview session")
        verbose_name_plural = _("interview sessions")

    def __str__(self) -> str:
        return f"Session #{self.pk} ({self.status})"


class Answer(models.Model):
    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    text = EncryptedTextField()
    # What the sandbox reported for a coding answer: tests_passed, tests_total, seconds,
    # error, language (scored by assessment.code_scoring; the code is the answer text).
    code_result = models.JSONField(null=True, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        unique_together = [("session", "question")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"Answer #{self.pk}"
