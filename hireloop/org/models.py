from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hireloop.privacy.storage import delete_files_with_rows

from .enums import ComplianceProfile

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1f6feb."))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    compliance_profile = models.CharField(
        _("compliance profile"),
        max_length=20,
        choices=ComplianceProfile.choices,
        default=ComplianceProfile.CN,
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Branding(models.Model):
    """What candidates see of the organisation in the interview room."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="branding"
    )
    logo = models.FileField(_("logo"), upload_to="branding/", blank=True)
    slogan = models.CharField(_("slogan"), max_length=200, blank=True)
    slogan_en = models.CharField(_("English slogan"), max_length=200, blank=True)
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#1f6feb", validators=[hex_colour]
    )

    class Meta:
        verbose_name = _("branding")
        verbose_name_plural = _("branding")

    def __str__(self) -> str:
        return f"{self.organisation} branding"


class Department(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        unique_together = [("organisation", "name")]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="teams")

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


# A deleted brand takes its logo file with it.
delete_files_with_rows(Branding, "logo")
