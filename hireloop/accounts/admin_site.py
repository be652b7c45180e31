"""The back office (`/admin/`): for system administrators and HR administrators only.

Recruiters, interviewers and auditors have their own pages, which apply job scoping and
masking; the back office does not, so it is closed to them whatever their model permissions.
"""

from django.contrib import admin
from django.http import HttpRequest

from .roles import Role
from .services import has_role

BACK_OFFICE_ROLES = (Role.ADMIN, Role.HR_ADMIN)


class BackOfficeSite(admin.AdminSite):
    site_header = "HireLoop HR back office"
    site_title = "HireLoop"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_staff and has_role(user, *BACK_OFFICE_ROLES)  # type: ignore[union-attr]
        )
