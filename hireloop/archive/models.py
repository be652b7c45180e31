"""The employee archive (M17): people after hire, and their history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.enums import TermKind
from hireloop.candidates.models import Application
from hireloop.org.models import Department, Organisation, Team
from hireloop.privacy.fields import EncryptedJSONField, EncryptedTextField

from .enums import AttendanceStatus, EmploymentStatus


class Employee(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="employees",
        verbose_name=_("organisation"),
    )
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("department")
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("team")
    )
    employee_number = models.CharField(_("employee number"), max_length=30, unique=True)
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    gender = EncryptedTextField(_("gender"), blank=True)
    birth_date = EncryptedTextField(_("birth date"), blank=True)
    ethnicity = EncryptedTextField(_("ethnicity"), blank=True)
    region = EncryptedTextField(_("region of origin"), blank=True)
    job_title = models.CharField(_("job title"), max_length=200)
    role_family = models.CharField(
        _("role family"), max_length=50, blank=True, help_text=_("e.g. sales, engineering")
    )
    hire_date = models.DateField(_("hire date"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.ACTIVE,
    )
    left_on = models.DateField(_("left on"), null=True, blank=True)
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
        verbose_name=_("application"),
    )
    interview_results = EncryptedJSONField(
        _("interview results"),
        blank=True,
        help_text=_("Scores and evidence carried over from the hiring interview."),
    )
    resume_profile = EncryptedJSONField(_("resume profile"), blank=True)

    class Meta:
        ordering = ["employee_number"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")

    def __str__(self) -> str:
        return self.employee_number


class PerformanceReview(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("employee")
    )
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2025-H1"))
    rating = models.DecimalField(_("rating"), max_digits=3, decimal_places=1)
    metrics = models.JSONField(
        _("metrics"),
        default=dict,
        blank=True,
        help_text=_("Role metrics and behaviour ratings, e.g. customer_retention, teamwork."),
    )

    class Meta:
        ordering = ["employee", "period"]
        unique_together = [("employee", "period")]
        verbose_name = _("performance review")
        verbose_name_plural = _("performance reviews")

    def __str__(self) -> str:
        return f"{self.employee} {self.period}: {self.rating}"


class Promotion(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="promotions", verbose_name=_("employee")
    )
    date = models.DateField(_("date"))
    from_title = models.CharField(_("from title"), max_length=200)
    to_title = models.CharField(_("to title"), max_length=200)

    class Meta:
        ordering = ["employee", "date"]
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")

    def __str__(self) -> str:
        return f"{self.employee}: {self.from_title} → {self.to_title}"


class TrainingRecord(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="trainings", verbose_name=_("employee")
    )
    course = models.CharField(_("course"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True, blank=True)

    class Meta:
        ordering = ["employee", "completed_on"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")

    def __str__(self) -> str:
        return f"{self.employee}: {self.course}"


class Shift(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("employee")
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))

    class Meta:
        ordering = ["employee", "date"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")

    def __str__(self) -> str:
        return f"{self.employee} {self.date} {self.starts_at}–{self.ends_at}"


class AttendanceRecord(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("employee")
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    minutes_late = models.PositiveSmallIntegerField(_("minutes late"), default=0)
    overtime_hours = models.DecimalField(
        _("overtime hours"), max_digits=4, decimal_places=1, default=0
    )

    class Meta:
        ordering = ["employee", "date"]
        unique_together = [("employee", "date")]
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")

    def __str__(self) -> str:
        return f"{self.employee} {self.date} {self.get_status_display()}"


class EmployeeSearchTerm(models.Model):
    """One keyed hash of a term an employee is found by (archive.search, docs/search.md);
    the twin of candidates' CandidateSearchTerm, deleted with the employee."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="search_terms", verbose_name=_("employee")
    )
    kind = models.CharField(_("term kind"), max_length=5, choices=TermKind.choices)
    digest = models.CharField(_("search digest"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("employee search term")
        verbose_name_plural = _("employee search terms")
        constraints = [
            models.UniqueConstraint(fields=["employee", "digest"], name="unique_employee_term")
        ]

    def __str__(self) -> str:
        return _("%(kind)s term of employee #%(id)s") % {
            "kind": self.get_kind_display(),
            "id": self.employee_id,
        }
