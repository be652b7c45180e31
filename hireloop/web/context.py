from django.contrib import admin
from django.http import HttpRequest

from hireloop.archive.services import may_see_employees
from hireloop.candidates.search import may_list_candidates
from hireloop.integrations.services import may_manage_api_keys
from hireloop.org.models import Organisation
from hireloop.privacy.access import may_read_audit_log


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
        "nav_candidates": may_list_candidates(user),
        "nav_employees": may_see_employees(user),
        "nav_audit": may_read_audit_log(user),
        "nav_api_keys": may_manage_api_keys(user),
        "nav_back_office": admin.site.has_permission(request),
    }
