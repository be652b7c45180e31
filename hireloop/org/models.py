from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hireloop.privacy.storage import delete_files_with_rows

from .enums import ComplianceProfile

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1f6feb."))


def is_english(language: str | None) -> bool:
    return (language or "").startswith("en")


class NamedInTwoLanguages:
    """A name in Chinese (``name``, required) and in English (``name_en``, optional): each
    reader sees the one of their language, the Chinese name where there is no English one."""

    name: str
    name_en: str

    def name_in(self, language: str | None) -> str:
        return self.name_en if is_english(language) and self.name_en else self.name

    @property
    def display_name(self) -> str:
        """The name in the active language (the reader's, or the room's for a candidate)."""
        return self.name_in(translation.get_language())

    def __str__(self) -> str:
        return self.display_name

    def as_record(self) -> dict[str, str]:
        """Both names, as a change record keeps them (each reader then sees theirs)."""
        return {"name": self.name, "name_en": self.name_en}


def name_of_record(value: Any) -> str:
    """A name kept by a record (``as_record``, or a plain name in older records) in the
    active language."""
    if not isinstance(value, dict):
        return str(value or "")
    english = value.get("name_en") if is_english(translation.get_language()) else ""
    return english or value.get("name", "")


def display_name_in_sql(path: str = "") -> F | Coalesce:
    """``display_name`` in a query, to order by it: of the rows themselves, or of the object
    at ``path`` ("department"). The English name where there is one, for an English reader."""
    prefix = f"{path}__" if path else ""
    if not is_english(translation.get_language()):
        return F(f"{prefix}name")
    return Coalesce(NullIf(f"{prefix}name_en", Value("")), f"{prefix}name")


class Organisation(NamedInTwoLanguages, models.Model):
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


class Branding(models.Model):
    """What candidates see of the organisation in the interview room."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="branding",
        verbose_name=_("organisation"),
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
        return _("Branding of %(organisation)s") % {"organisation": self.organisation}


class Department(NamedInTwoLanguages, models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="departments",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        unique_together = [("organisation", "name")]


class Team(NamedInTwoLanguages, models.Model):
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="teams", verbose_name=_("department")
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="teams", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")


# A deleted brand takes its logo file with it.
delete_files_with_rows(Branding, "logo")
