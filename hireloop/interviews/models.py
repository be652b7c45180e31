import uuid

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.models import Application
from hireloop.jobs.enums import Language
from hireloop.jobs.models import Dimension, Job
from hireloop.privacy.fields import EncryptedTextField

from .enums import AnswerMode, ConsentScope, QuestionKind, SessionStatus


class Question(models.Model):
    """A question in the bank; ``job`` is empty for questions shared by all jobs."""

    job = models.ForeignKey(
        Job,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("job"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.ZH
    )
    dimensions = models.ManyToManyField(
        Dimension, related_name="questions", blank=True, verbose_name=_("dimensions")
    )
    anchor_low = models.TextField(_("weak answer shows"), blank=True)
    anchor_mid = models.TextField(_("middling answer shows"), blank=True)
    anchor_high = models.TextField(_("strong answer shows"), blank=True)
    difficulty = models.PositiveSmallIntegerField(_("difficulty"), default=2)
    answer_mode = models.CharField(
        _("answer mode"), max_length=10, choices=AnswerMode.choices, default="text"
    )
    prep_seconds = models.PositiveIntegerField(_("preparation seconds"), default=0)
    answer_seconds = models.PositiveIntegerField(
        _("answer seconds"), default=0, help_text=_("0 means no limit")
    )
    # For coding questions: the key of the problem whose hidden tests the answer runs against
    # (interviews.code_problems).
    code_problem = models.CharField(_("coding problem"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return Truncator(self.text).chars(60)


class InterviewPlan(models.Model):
    """The questions of a job's interview and its pacing, which HR may edit (M7, M9)."""

    job = models.OneToOneField(
        Job, on_delete=models.CASCADE, related_name="interview_plan", verbose_name=_("job")
    )
    questions = models.ManyToManyField(Question, through="PlanItem", verbose_name=_("questions"))  # type: ignore[var-annotated]
    # Pacing for the whole interview; a question's own limits apply where these are 0.
    prep_seconds = models.PositiveIntegerField(_("preparation time (s)"), default=0)
    answer_seconds = models.PositiveIntegerField(_("answer time (s)"), default=0)
    pause_seconds = models.PositiveIntegerField(_("pause between questions (s)"), default=5)
    stall_seconds = models.PositiveIntegerField(
        _("reassure after (s) without typing or sound"), default=45
    )
    allow_extension = models.BooleanField(_("one extension per question on request"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("interview plan")
        verbose_name_plural = _("interview plans")

    def __str__(self) -> str:
        return _("Plan for %(job)s") % {"job": self.job}


class PlanItem(models.Model):
    plan = models.ForeignKey(
        InterviewPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan")
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, verbose_name=_("question"))
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["position"]
        unique_together = [("plan", "position")]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.question}"


class InterviewSession(models.Model):
    """One candidate's interview. The link carries a signed form of ``public_id``."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="interview_sessions",
        verbose_name=_("application"),
    )
    plan = models.ForeignKey(InterviewPlan, on_delete=models.PROTECT, verbose_name=_("plan"))
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.INVITED
    )
    deadline = models.DateTimeField(_("deadline"))
    notes = EncryptedTextField(_("notes for the candidate"), blank=True)
    current_index = models.PositiveSmallIntegerField(_("current index"), default=0)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # The room's steps before the questions, and the clock of the current question: all in
    # the database, so a closed browser or a restarted server resumes at the same point.
    consent_decided_at = models.DateTimeField(_("consent decided at"), null=True, blank=True)
    practiced_at = models.DateTimeField(_("practiced at"), null=True, blank=True)
    question_started_at = models.DateTimeField(_("question started at"), null=True, blank=True)
    extended_question = models.ForeignKey(
        Question,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("extended question"),
    )
    # Runs of a coding question's examples before it is submitted (interviews.coding): how
    # many for the current question, and when the latest began, so the sandbox is not flooded.
    example_runs = models.PositiveSmallIntegerField(_("example runs"), default=0)
    example_run_at = models.DateTimeField(_("example run at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interview session")
        verbose_name_plural = _("interview sessions")

    def __str__(self) -> str:
        return _("Session #%(id)s (%(status)s)") % {
            "id": self.pk,
            "status": self.get_status_display(),
        }


class Answer(models.Model):
    session = models.ForeignKey(
        InterviewSession,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("session"),
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, verbose_name=_("question"))
    text = EncryptedTextField(_("text"))
    mode = models.CharField(
        _("mode"), max_length=10, choices=AnswerMode.choices, default=AnswerMode.TEXT
    )
    # Sent after the answer time ran out (kept: an answer is never thrown away).
    is_late = models.BooleanField(_("late"), default=False)
    # The short remark shown to the candidate after this answer (M8).
    remark = models.TextField(_("remark"), blank=True)
    # What the sandbox reported for a coding answer: tests_passed, tests_total, seconds,
    # error, language (scored by assessment.code_scoring; the code is the answer text).
    code_result = models.JSONField(_("code result"), null=True, blank=True)
    # A voice or video answer's recording; ``text`` stays empty until speech-to-text fills it.
    recording = models.OneToOneField(
        "Recording",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answer",
        verbose_name=_("recording"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        unique_together = [("session", "question")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return _("Answer #%(id)s") % {"id": self.pk}


class FollowUp(models.Model):
    """At most one follow-up question per answer, asked when the answer lacked an example,
    a result, or the point (M8); its answer counts together with the first one."""

    answer = models.OneToOneField(
        Answer, on_delete=models.CASCADE, related_name="follow_up", verbose_name=_("answer")
    )
    question_text = models.TextField(_("question text"))
    reason = models.CharField(_("reason"), max_length=20)
    text = EncryptedTextField(_("text"), blank=True)
    # The remark on the answer together with this follow-up's, shown above the next question
    # instead of the first answer's (which asked for what the follow-up may have supplied).
    remark = models.TextField(_("remark"), blank=True)
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")

    def __str__(self) -> str:
        return _("Follow-up on answer #%(id)s") % {"id": self.answer_id}


class RecordingConsent(models.Model):
    """A candidate's separate decision on recording and analysing voice or video
    (PIPL Art. 29: sensitive personal information needs separate consent)."""

    session = models.ForeignKey(
        InterviewSession,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("session"),
    )
    scope = models.CharField(_("scope"), max_length=10, choices=ConsentScope.choices)
    granted = models.BooleanField(_("granted"))
    text_version = models.CharField(_("text version"), max_length=40)
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "id"]
        unique_together = [("session", "scope")]
        verbose_name = _("recording consent")
        verbose_name_plural = _("recording consents")

    def __str__(self) -> str:
        decision = _("granted") if self.granted else _("declined")
        return f"{self.get_scope_display()}: {decision}"


class Recording(models.Model):
    """One voice or video answer as the browser recorded it, uploaded in numbered chunks.

    The chunks stay separate files (``RecordingChunk``) instead of being appended to one:
    the encrypted storage seals each file as a single AES-GCM token, so appending would mean
    decrypting and re-encrypting the whole recording on every chunk. Separate chunks are
    written once, a repeated chunk is recognised by its number and digest, and playback
    decrypts one chunk at a time, so a video is never held in memory as a whole.
    """

    session = models.ForeignKey(
        InterviewSession,
        on_delete=models.CASCADE,
        related_name="recordings",
        verbose_name=_("session"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=AnswerMode.choices)
    mime_type = models.CharField(_("MIME type"), max_length=100)
    # The browser's attempt: "Re-record" starts a new take, which discards the old chunks,
    # and a late chunk of an old take cannot mix into the new one.
    take = models.UUIDField(_("take number"))
    chunk_count = models.PositiveIntegerField(_("chunk count"), default=0)
    bytes_received = models.PositiveBigIntegerField(_("bytes received"), default=0)
    is_complete = models.BooleanField(_("complete"), default=False)
    duration_seconds = models.FloatField(_("duration seconds"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        unique_together = [("session", "question")]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self) -> str:
        return _("Recording #%(id)s (%(mode)s, %(chunks)s chunks)") % {
            "id": self.pk,
            "mode": self.get_mode_display(),
            "chunks": self.chunk_count,
        }


class RecordingChunk(models.Model):
    """One uploaded piece of a recording, encrypted at rest by the default storage."""

    recording = models.ForeignKey(
        Recording, on_delete=models.CASCADE, related_name="chunks", verbose_name=_("recording")
    )
    seq = models.PositiveIntegerField(_("sequence number"))
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    file = models.FileField(_("file"), max_length=200)

    class Meta:
        ordering = ["seq"]
        unique_together = [("recording", "seq")]
        verbose_name = _("recording chunk")
        verbose_name_plural = _("recording chunks")

    def __str__(self) -> str:
        return _("Chunk %(seq)s of recording #%(id)s") % {"seq": self.seq, "id": self.recording_id}


class ClaimProbe(models.Model):
    """A question asked of this candidate only, about a claim in their resume (M12): e.g.
    "Your resume mentions leading a team of 8 — tell us about one decision you made"."""

    session = models.ForeignKey(
        InterviewSession, on_delete=models.CASCADE, related_name="probes", verbose_name=_("session")
    )
    kind = models.CharField(_("claim kind"), max_length=20)  # "leadership" | "achievement"
    claim = EncryptedTextField(_("claim"))  # the resume line, quoted
    question_text = EncryptedTextField(
        _("question text")
    )  # quotes the claim, so it is personal data too
    text = EncryptedTextField(_("text"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["position"]
        unique_together = [("session", "position")]
        verbose_name = _("resume claim question")
        verbose_name_plural = _("resume claim questions")

    def __str__(self) -> str:
        return _("Claim question %(n)s of session #%(id)s") % {
            "n": self.position + 1,
            "id": self.session_id,
        }
