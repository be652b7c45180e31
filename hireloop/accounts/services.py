"""Role checks shared by every app's ``access_*`` helpers."""

from typing import Any

from hireloop.privacy.services import user_roles

from .roles import Role

HR_WIDE_ROLES = frozenset({Role.HR_ADMIN, Role.ADMIN})


def has_role(user: Any, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def sees_all_jobs(user: Any) -> bool:
    """HR administrators and system administrators see every job of the organisation."""
    return has_role(user, *HR_WIDE_ROLES)
