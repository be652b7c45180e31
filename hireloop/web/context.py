from django.http import HttpRequest

from hireloop.accounts.admin_site import BACK_OFFICE_ROLES
from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.archive.services import may_see_employees
from hireloop.org.models import Organisation


def branding(request: HttpRequest) -> dict:
    """The organisation's name and colour for every page (single-organisation install)."""
    organisation = Organisation.objects.select_related("branding").order_by("id").first()
    brand = getattr(organisation, "branding", None) if organisation else None
    return {
        "organisation": organisation,
        "brand_colour": brand.primary_colour if brand else "#1f6feb",
        "brand": brand,
    }


def navigation(request: HttpRequest) -> dict:
    """Which sections the menu offers: only those the user's role may open."""
    user = request.user
    return {
        "nav_employees": may_see_employees(user),
        "nav_audit": has_role(user, Role.AUDITOR, Role.ADMIN),
        "nav_back_office": user.is_staff and has_role(user, *BACK_OFFICE_ROLES),
    }
