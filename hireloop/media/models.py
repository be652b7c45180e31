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

    recording = models.OneToOneField(Recording, on_delete=models.CASCADE, related_name="analysis")
    status = models.CharField(
        max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(default=0)  # percent, for the report page
    step = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Why it failed: a code of reasons.FAILURES and its parameters, shown in each reader's
    # language by error_text; error holds the words of any other error (and of failures
    # stored before codes, whose error_code is the error's class code).
    error_code = models.CharField(max_length=40, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    engine = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=10, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    transcript = EncryptedTextField(blank=True)
    segments = EncryptedJSONField(default=list, blank=True)
    observations = EncryptedJSONField(default=list, blank=True)
    # Observation group -> SkipReason: what did not run and why, so HR sees the gating.
    skipped = models.JSONField(default=dict, blank=True)
    seconds_taken = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("media analysis")
        verbose_name_plural = _("media analyses")

    def __str__(self) -> str:
        return f"Analysis of recording #{self.recording_id} ({self.status})"

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

    analysis = models.ForeignKey(MediaAnalysis, on_delete=models.CASCADE, related_name="thumbnails")
    observation_key = models.CharField(max_length=40)
    at_seconds = models.FloatField()
    file = models.FileField(max_length=200)

    class Meta:
        ordering = ["at_seconds", "id"]

    def __str__(self) -> str:
        return f"Still at {self.at_seconds:.1f} s of analysis #{self.analysis_id}"


# The still goes with its row (erasure, a re-recorded answer).
delete_files_with_rows(ObservationThumbnail)
