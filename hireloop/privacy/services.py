"""Audit and reveal services: the public API of the privacy app."""

from typing import Any

from django.conf import settings

from .audit import append_entry
from .masking import mask_name
from .models import AuditAction, AuditEntry


def do_audit(
    *, actor: Any, action: str, object_type: str, object_id: Any, detail: dict | None = None
) -> AuditEntry:
    """Append one entry to the audit log (privacy.audit: one writer at a time, keyed MACs)."""
    return append_entry(
        actor=actor, action=action, object_type=object_type, object_id=object_id, detail=detail
    )


def user_roles(user: Any) -> set[str]:
    """The user's role names, read once per user object (so once per request).

    A page asks many times (menu, access checks, masking): cached on the instance the way
    Django's ModelBackend caches permissions, so a role change shows from the next request.
    """
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_hireloop_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) | (
            {"admin"} if user.is_superuser else set()
        )
        user._hireloop_roles = cached
    return set(cached)


def may_see_unmasked(user: Any) -> bool:
    return bool(user_roles(user) & set(settings.UNMASKED_ROLES))


def reveal(*, actor: Any, object_type: str, object_id: Any, fields: list[str]) -> None:
    """Record that ``actor`` read the named personal fields of one record unmasked."""
    do_audit(
        actor=actor,
        action=AuditAction.REVEAL,
        object_type=object_type,
        object_id=object_id,
        detail={"fields": fields},
    )


def names_for_list(*, viewer: Any, object_type: str, people: list[Any]) -> dict[int, str]:
    """Names of the people on a list page, keyed by pk.

    Roles that need them see names in clear, recorded as one audit entry for the page;
    everyone else sees them masked.
    """
    if may_see_unmasked(viewer) and people:
        ids = [person.pk for person in people]
        do_audit(
            actor=viewer,
            action=AuditAction.REVEAL,
            object_type=object_type,
            object_id=",".join(map(str, ids))[:64],
            detail={"fields": ["name"], "ids": ids},
        )
        return {person.pk: person.name or f"#{person.pk}" for person in people}
    return {person.pk: masked_label(person) for person in people}


def masked_label(person: Any) -> str:
    """A person's masked name, or their number when no name is known yet."""
    return mask_name(person.name) or f"#{person.pk}"
