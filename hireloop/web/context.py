from django.http import HttpRequest

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
