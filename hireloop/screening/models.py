from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.models import ResumeFile
from hireloop.jobs.models import Job
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField
from hireloop.privacy.storage import delete_files_with_rows

from .enums import BatchStatus
from .reasons import rejection_text, stored_rejection_text


def archive_upload_path(instance: "UploadBatch", filename: str) -> str:
    # The stored name never reuses the uploaded one: it may hold a name or be hostile.
    return f"uploads/{instance.job_id}/{instance.token}"


class UploadBatch(models.Model):
    """One upload of many resumes (several files or one zip), with its progress.

    A zip is stored encrypted, expanded by the worker into one application per resume, and
    deleted once expanded: afterwards only the resumes themselves hold personal data.
    """

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="upload_batches", verbose_name=_("job")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    token = models.CharField(_("token"), max_length=32, unique=True)
    archive = models.FileField(_("archive"), upload_to=archive_upload_path, blank=True)
    archive_name = EncryptedTextField(_("archive name"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.RECEIVED
    )
    # Why the whole archive failed: a code of reasons.REJECTIONS and its parameters (they
    # name the archive: encrypted), shown in each reader's language by error_text.
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error_params = EncryptedJSONField(_("error parameters"), blank=True)
    # Files the batch refused (empty, too large, a bomb): {"code", "params"} each, as above.
    rejected = EncryptedJSONField(_("refused files"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("upload batch")
        verbose_name_plural = _("upload batches")

    def __str__(self) -> str:
        return _("Upload #%(id)s for %(job)s") % {"id": self.pk, "job": self.job}

    def error_text(self) -> str:
        """Why the archive failed, in the reader's language ("" if it did not)."""
        if not self.error_code:
            return ""
        return rejection_text(self.error_code, self.error_params or {})

    error_text.short_description = _("why the upload failed")  # type: ignore[attr-defined]

    def rejected_texts(self) -> list[str]:
        """Why each refused file was refused, in the reader's language."""
        return [stored_rejection_text(item) for item in self.rejected]

    rejected_texts.short_description = _("refused files")  # type: ignore[attr-defined]


class UploadBatchItem(models.Model):
    """One resume of a batch; ``position`` is its index in the zip, so re-expansion after a
    crash skips what was already stored."""

    batch = models.ForeignKey(
        UploadBatch, on_delete=models.CASCADE, related_name="items", verbose_name=_("batch")
    )
    resume = models.OneToOneField(
        ResumeFile, on_delete=models.CASCADE, related_name="batch_item", verbose_name=_("resume")
    )
    position = models.PositiveIntegerField(_("position"))

    class Meta:
        ordering = ["position"]
        unique_together = [("batch", "position")]
        verbose_name = _("uploaded resume")
        verbose_name_plural = _("uploaded resumes")

    def __str__(self) -> str:
        return _("Item %(n)s of batch #%(id)s") % {"n": self.position, "id": self.batch_id}


# A batch deleted before it was unpacked leaves no archive of resumes behind.
delete_files_with_rows(UploadBatch, "archive")
