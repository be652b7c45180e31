"""Role checks shared by every app's ``access_*`` helpers."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from hireloop.errors import ActionNotAllowed
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit, user_roles

from .roles import Role

HR_WIDE_ROLES = frozenset({Role.HR_ADMIN, Role.ADMIN})


def has_role(user: Any, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def sees_all_jobs(user: Any) -> bool:
    """HR administrators and system administrators see every job of the organisation."""
    return has_role(user, *HR_WIDE_ROLES)


class SelfAssignmentRefused(ActionNotAllowed):
    """Nobody changes their own roles or job assignments: another person must."""

    code = "self_assignment"


def check_may_change_access_of(*, actor: Any, people: Iterable[Any]) -> None:
    """Refuse a change of roles or assignments that touches the actor themself."""
    if any(getattr(person, "pk", person) == actor.pk for person in people):
        raise SelfAssignmentRefused(_("You cannot change your own roles or job assignments."))


def do_record_role_change(*, user: Any, actor: Any, before: set[str], after: set[str]) -> None:
    """Audit a change of a user's roles (groups and superuser status), made elsewhere."""
    if before == after:
        return
    check_may_change_access_of(actor=actor, people=[user])
    do_audit(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="user_roles",
        object_id=user.pk,
        detail={"user": user.get_username(), "before": sorted(before), "after": sorted(after)},
    )


def roles_of(user: Any) -> set[str]:
    """What grants access, as stored: group names and the superuser, staff and active flags."""
    flags = {"superuser": user.is_superuser, "staff": user.is_staff, "inactive": not user.is_active}
    return set(user.groups.values_list("name", flat=True)) | {f for f, on in flags.items() if on}


def do_record_password_change(*, user: Any) -> None:
    """Audit that a user changed their own password (the password itself is Django's)."""
    do_audit(
        actor=user,
        action=AuditAction.UPDATE,
        object_type="password",
        object_id=user.pk,
        detail={"change": "password changed"},
    )
