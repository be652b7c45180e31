"""The organisation this installation serves."""

from django.core.exceptions import ImproperlyConfigured

from .models import Organisation


def organisation_if_any() -> Organisation | None:
    """The organisation served, or None on a fresh installation that has none yet."""
    return Organisation.objects.order_by("id").first()


def current_organisation() -> Organisation:
    """HireLoop is installed per company: the first organisation is the one it serves."""
    organisation = organisation_if_any()
    if organisation is None:
        raise ImproperlyConfigured(
            "No organisation exists yet: create one in the back office or run load_demo."
        )
    return organisation
