from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hireloop.jobs.models import Job
from hireloop.org.models import Organisation
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField
from hireloop.privacy.labels import actor_name
from hireloop.privacy.storage import delete_files_with_rows
from hireloop.resumes.reasons import reason_text

from .enums import DuplicateReason, ResumeStatus, Stage, StageReason, TermKind

PERSONAL_FIELDS = ("name", "email", "phone", "id_number")
SENSITIVE_FIELDS = ("gender", "birth_date", "ethnicity", "region")


class Candidate(models.Model):
    """A person who applied. Personal and sensitive data are encrypted at rest.

    Sensitive attributes exist only for the fairness audit and never feed a score.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("organisation"),
    )
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    id_number = EncryptedTextField(_("ID number"), blank=True)
    gender = EncryptedTextField(_("gender"), blank=True)
    birth_date = EncryptedTextField(_("birth date"), blank=True)
    ethnicity = EncryptedTextField(_("ethnicity"), blank=True)
    region = EncryptedTextField(_("region of origin"), blank=True)
    # Keyed hashes (privacy.crypto.blind_index) of the encrypted contact details, so the same
    # person applying again is found without decrypting every candidate.
    email_index = models.CharField(
        _("e-mail blind index"), max_length=64, blank=True, db_index=True, editable=False
    )
    phone_index = models.CharField(
        _("phone blind index"), max_length=64, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return _("Candidate #%(id)s") % {"id": self.pk}


class Application(models.Model):
    """A candidate's application to one job, moving through the pipeline stages."""

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="applications", verbose_name=_("job")
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("candidate"),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.APPLIED, db_index=True
    )
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    match_explanation = EncryptedJSONField(_("match explanation"), blank=True)
    # Written by screening beside the score, in plain columns because the explanation is
    # encrypted and the job's list filters and sorts on them: whether the resume meets every
    # hard requirement, whether it has an integrity finding, and the job's requirements
    # revision the score was made against (older than the job's: made against earlier ones).
    meets_requirements = models.BooleanField(_("meets the hard requirements"), null=True)
    has_integrity_finding = models.BooleanField(_("integrity finding"), default=False)
    screened_revision = models.PositiveIntegerField(
        _("screened revision"), null=True, editable=False
    )
    # Set when the resume came from a candidate already known to the organisation: the
    # application then belongs to that candidate, or, when the candidate had already applied
    # to this job, points to that earlier application.
    duplicate_reason = models.CharField(
        _("duplicate"), max_length=12, choices=DuplicateReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("duplicate of"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        unique_together = [("job", "candidate")]

    def __str__(self) -> str:
        return _("Application #%(id)s · %(job)s") % {"id": self.pk, "job": self.job}


class StageChange(models.Model):
    """One move of an application, kept forever with who, when and why."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="stage_changes",
        verbose_name=_("application"),
    )
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("user"),
    )
    actor_label = models.CharField(_("by"), max_length=150)
    reason = EncryptedTextField(_("reason"), blank=True)  # a person's words
    reason_code = models.CharField(
        _("reason code"), max_length=40, blank=True, choices=StageReason.choices
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.get_from_stage_display()} → {self.get_to_stage_display()}"

    @property
    def actor_name(self) -> str:
        """Who moved it: a user's name, or the candidate or the system in the reader's
        language."""
        return actor_name(self.actor_label, is_person=self.actor_id is not None)

    @property
    def reason_text(self) -> str:
        """The system's reason in the reader's language, or the person's words."""
        return str(self.get_reason_code_display()) if self.reason_code else self.reason


def resume_upload_path(instance: "ResumeFile", filename: str) -> str:
    # The stored name never reuses the uploaded one: it may hold a name or be hostile.
    return f"resumes/{instance.sha256[:2]}/{instance.sha256}"


class ResumeFile(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="resumes", verbose_name=_("application")
    )
    file = models.FileField(_("file"), upload_to=resume_upload_path)
    original_name = EncryptedTextField(_("original name"))
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ResumeStatus.choices, default=ResumeStatus.PENDING
    )
    # Why the file could not be read: a code of hireloop.resumes.reasons and its parameters
    # (they name the file: encrypted), shown in each reader's language by error_text.
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error_params = EncryptedJSONField(_("error parameters"), blank=True)
    text = EncryptedTextField(_("text"), blank=True)
    parsed = EncryptedJSONField(_("parsed"), blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resume")
        verbose_name_plural = _("resumes")

    def __str__(self) -> str:
        return _("Resume #%(id)s (%(status)s)") % {
            "id": self.pk,
            "status": self.get_status_display(),
        }

    def error_text(self) -> str:
        """Why the file could not be read, in the reader's language ("" if it was read)."""
        if not self.error_code:
            return ""
        return reason_text(self.error_code, self.error_params or {}, gettext)

    error_text.short_description = _("why it could not be read")  # type: ignore[attr-defined]


class ResumeEmbedding(models.Model):
    """Passage vectors of one resume text for one embedding engine: screening's cache.

    Keyed by engine, passage version and the sha256 of the text (screening/semantic.py), so a
    job is re-screened without embedding a resume twice. The vectors are derived from the
    resume, so they are encrypted like it and deleted with it.
    """

    resume = models.ForeignKey(
        ResumeFile, on_delete=models.CASCADE, related_name="embeddings", verbose_name=_("resume")
    )
    key = models.CharField(_("engine key"), max_length=150)
    vectors = EncryptedTextField(_("vectors"))  # base64 of float16 rows, one per passage
    dimensions = models.PositiveSmallIntegerField(_("dimensions"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resume embedding")
        verbose_name_plural = _("resume embeddings")
        constraints = [
            models.UniqueConstraint(fields=["resume", "key"], name="unique_resume_embedding")
        ]

    def __str__(self) -> str:
        return _("Embedding of resume #%(id)s (%(engine)s)") % {
            "id": self.resume_id,
            "engine": self.key.split("/")[0],
        }


class CandidateSearchTerm(models.Model):
    """One keyed hash of a term a candidate is found by (candidates.search, docs/search.md).

    The term itself (a name, a word of it, its pinyin, the e-mail, the phone) is never stored:
    only HMAC-SHA256 under a key outside the database, so the table answers "who holds this
    term" and nothing else. Rebuilt from the encrypted fields whenever they change.
    """

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="search_terms",
        verbose_name=_("candidate"),
    )
    kind = models.CharField(_("term kind"), max_length=5, choices=TermKind.choices)
    digest = models.CharField(_("search digest"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("candidate search term")
        verbose_name_plural = _("candidate search terms")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "digest"], name="unique_candidate_term")
        ]

    def __str__(self) -> str:
        return _("%(kind)s term of candidate #%(id)s") % {
            "kind": self.get_kind_display(),
            "id": self.candidate_id,
        }


# An erased candidate's resume file goes with its row.
delete_files_with_rows(ResumeFile)
