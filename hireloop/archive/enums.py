from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    ABSENT = "absent", _("Absent")
    LEAVE = "leave", _("On leave")


class EmploymentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    LEFT = "left", _("Left")
