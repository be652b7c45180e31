"""The analysis of one voice or video answer: its transcript and its observations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.interviews.models import Recording
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField
from hireloop.privacy.storage import delete_files_with_rows

from .enums import AnalysisStatus
from .reasons import FAILURES, failure_text


class MediaAnalysis(models.Model):
    """Speech-to-text and observations of one recording, written once by the worker.

    What a voice says and what a face shows are sensitive personal information (PIPL Art. 28):
    the transcript, its timed segments and the observations are encrypted at rest, and the
    analysis goes with the recording when the recording is erased.
    """

    recording = models.OneToOneField(
        Recording, on_delete=models.CASCADE, related_name="analysis", verbose_name=_("recording")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0
    )  # percent, for the report page
    step = models.CharField(_("step"), max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Why it failed: a code of reasons.FAILURES and its parameters, shown in each reader's
    # language by error_text; error holds the words of any other error (and of failures
    # stored before codes, whose error_code is the error's class code).
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error_params = models.JSONField(_("error parameters"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    engine = models.CharField(_("engine"), max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    duration_seconds = models.FloatField(_("duration seconds"), null=True, blank=True)
    transcript = EncryptedTextField(_("transcript"), blank=True)
    segments = EncryptedJSONField(_("segments"), default=list, blank=True)
    observations = EncryptedJSONField(_("observations"), default=list, blank=True)
    # Observation group -> SkipReason: what did not run and why, so HR sees the gating.
    skipped = models.JSONField(_("skipped"), default=dict, blank=True)
    seconds_taken = models.FloatField(_("seconds taken"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("media analysis")
        verbose_name_plural = _("media analyses")

    def __str__(self) -> str:
        return _("Analysis of recording #%(id)s (%(status)s)") % {
            "id": self.recording_id,
            "status": self.get_status_display(),
        }

    @property
    def is_finished(self) -> bool:
        return self.status in (AnalysisStatus.DONE, AnalysisStatus.FAILED, AnalysisStatus.SKIPPED)

    def error_text(self) -> str:
        """Why the analysis failed, in the reader's language."""
        if self.error_code in FAILURES:
            return failure_text(self.error_code, self.error_params or {})
        return self.error

    error_text.short_description = _("why the analysis failed")  # type: ignore[attr-defined]


class ObservationThumbnail(models.Model):
    """A still from a video that backs an observation; encrypted like the video itself."""

    analysis = models.ForeignKey(
        MediaAnalysis,
        on_delete=models.CASCADE,
        related_name="thumbnails",
        verbose_name=_("analysis"),
    )
    observation_key = models.CharField(_("observation key"), max_length=40)
    at_seconds = models.FloatField(_("at (seconds)"))
    file = models.FileField(_("file"), max_length=200)

    class Meta:
        ordering = ["at_seconds", "id"]
        verbose_name = _("observation still")
        verbose_name_plural = _("observation stills")

    def __str__(self) -> str:
        return _("Still at %(at).1f s of analysis #%(id)s") % {
            "at": self.at_seconds,
            "id": self.analysis_id,
        }


# The still goes with its row (erasure, a re-recorded answer).
delete_files_with_rows(ObservationThumbnail)
