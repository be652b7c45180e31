"""The back office (`/admin/`): for system administrators and HR administrators only.

Recruiters, interviewers and auditors have their own pages, which apply job scoping and
masking; the back office does not, so it is closed to them whatever their model permissions.
"""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .roles import Role
from .services import has_role

BACK_OFFICE_ROLES = (Role.ADMIN, Role.HR_ADMIN)

# Texts of the back office that other packages mark for translation but whose Chinese
# catalogues lack them: Django 5.2's admin (the hidden column headers of the model lists,
# read out by screen readers), django-axes and django-tasks-db. Our catalogue comes first
# (LOCALE_PATHS), so their translations live there; listed here so that makemessages keeps
# them.
BORROWED_TEXTS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
)


class BackOfficeSite(admin.AdminSite):
    site_header = _("HireLoop HR back office")
    site_title = "HireLoop"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_staff and has_role(user, *BACK_OFFICE_ROLES)  # type: ignore[union-attr]
        )
