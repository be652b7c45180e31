from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.org.models import Department, Organisation, Team

from .enums import Degree, JobChangeKind, JobStatus, Language


class Job(models.Model):
    """A job opening with its requirements and competency profile (M1)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("organisation")
    )
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("department")
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("team")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("interview language"), max_length=10, choices=Language.choices, default=Language.ZH
    )
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.OPEN
    )
    min_degree = models.IntegerField(_("minimum degree"), choices=Degree.choices, default=0)
    min_years = models.PositiveSmallIntegerField(_("minimum years of experience"), default=0)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    must_have_keywords = models.JSONField(_("must-have keywords"), default=list, blank=True)
    bonus_keywords = models.JSONField(_("bonus keywords"), default=list, blank=True)
    recruiters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="recruiting_jobs",
        verbose_name=_("recruiters"),
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="interviewing_jobs",
        verbose_name=_("interviewers"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Share of the overall score given to the delivery of recorded answers (timing
    # observations: pace, pauses, fillers). Zero unless HR enables it, and every change is
    # recorded and audited (compliance.md: observations carry no weight by default).
    observation_weight = models.DecimalField(
        _("weight of delivery observations"),
        max_digits=3,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.3"))],
    )
    # Counts the changes of what screening compares resumes with (title, description, degree,
    # years, skills, keywords). Screening stamps each score with the revision it was made
    # against, so a score made against earlier requirements is marked as such until the
    # job's resumes are screened again.
    requirements_revision = models.PositiveIntegerField(
        _("requirements revision"), default=1, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return self.title

    def total_weight(self) -> Decimal:
        return sum((d.weight for d in self.dimensions.all()), Decimal(0))


class Dimension(models.Model):
    """One competency of a job's profile, with its weight and behavioural anchors."""

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="dimensions", verbose_name=_("job")
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Relative weight; weights are normalised when scores are combined."),
    )
    anchor_low = models.TextField(_("low anchor"), help_text=_("What a weak answer shows."))
    anchor_mid = models.TextField(_("middle anchor"), help_text=_("What a middling answer shows."))
    anchor_high = models.TextField(_("high anchor"), help_text=_("What a strong answer shows."))
    keywords = models.JSONField(_("indicator keywords"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["job", "position", "id"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        unique_together = [("job", "name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight})"


class ProfileChange(models.Model):
    """One edit of a job's competency profile: who, when, why, and the weights before/after."""

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="profile_changes", verbose_name=_("job")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("actor")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(
        _("before the change"), default=dict, help_text=_("dimension name -> weight")
    )
    after = models.JSONField(
        _("after the change"), default=dict, help_text=_("dimension name -> weight")
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")

    def __str__(self) -> str:
        return _("Profile change of %(job)s at %(at)s") % {
            "job": self.job,
            "at": f"{self.at:%Y-%m-%d %H:%M}",
        }


class JobChange(models.Model):
    """One change of a job after its creation: its requirements edited, or it closed or reopened.

    before and after hold the changed fields only (field name -> value), as the audit entry does.
    """

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="changes", verbose_name=_("job")
    )
    kind = models.CharField(_("change"), max_length=20, choices=JobChangeKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("actor")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before the change"), default=dict)
    after = models.JSONField(_("after the change"), default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("job change")
        verbose_name_plural = _("job changes")

    def __str__(self) -> str:
        return _("%(kind)s of %(job)s at %(at)s") % {
            "kind": self.get_kind_display(),
            "job": self.job,
            "at": f"{self.at:%Y-%m-%d %H:%M}",
        }
