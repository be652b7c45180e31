"""Who may read the audit log: the authorization rules of the privacy app, in one place."""

from typing import Any

from django.core.exceptions import PermissionDenied

from .services import user_roles

# Role names as in accounts.roles.Role (privacy is a base layer and imports no other app).
AUDIT_LOG_READERS = frozenset({"auditor", "admin"})


def may_read_audit_log(user: Any) -> bool:
    return bool(user_roles(user) & AUDIT_LOG_READERS)


def check_may_read_audit_log(user: Any) -> None:
    if not may_read_audit_log(user):
        raise PermissionDenied("Only auditors and system administrators read the audit log.")
