from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an API key may do. A key holds a list of these; each endpoint needs one."""

    JOBS_READ = "jobs:read", _("Read jobs and their profiles")
    APPLICATIONS_READ = "applications:read", _("Read applications")
    APPLICATIONS_WRITE = "applications:write", _("Move applications (no decisions)")
    CANDIDATES_READ = "candidates:read", _("Read candidates (contact details masked)")
    CANDIDATES_CONTACT = "candidates:contact", _("See candidates' contact details unmasked")
    REPORTS_READ = "reports:read", _("Read interview reports")
    EMPLOYEES_READ = "employees:read", _("Read employees (contact details masked)")
    EMPLOYEES_CONTACT = "employees:contact", _("See employees' contact details unmasked")
    EMPLOYEES_WRITE = "employees:write", _("Create and update employees and their history")
