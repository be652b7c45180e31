"""Who is calling: the API key behind ``Authorization: Bearer``, its scopes, and the audit of
each call under the key's own name (a key is not a user)."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from hireloop.privacy.services import do_audit

from ..enums import Scope
from ..models import ApiKey
from ..services import authenticate_key, check_rate_limit
from .problems import ApiProblem


class ApiKeyAuth(HttpBearer):
    """A usable key (not revoked, not expired) within its rate limit; else 401 or 429."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        key = authenticate_key(token)
        check_rate_limit(key)
        return key


def calling_key(request: HttpRequest) -> ApiKey:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def require_scope(request: HttpRequest, scope: Scope) -> ApiKey:
    """The calling key, if it holds ``scope``; else 403 naming the scope it lacks."""
    key = calling_key(request)
    if scope not in key.scopes:
        raise ApiProblem(403, "scope", f"This API key lacks the scope {scope.value}.")
    return key


def has_scope(request: HttpRequest, scope: Scope) -> bool:
    return scope in calling_key(request).scopes


def audit_call(
    request: HttpRequest, *, action: str, object_type: str, object_id: Any, **detail: Any
) -> None:
    """One audit entry per call: the key's label as the actor, its id, method and path."""
    key = calling_key(request)
    do_audit(
        actor=key.audit_label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail={"api_key": key.pk, "method": request.method, "path": request.path} | detail,
    )
