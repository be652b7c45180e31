"""Errors as RFC 9457 problem details: ``application/problem+json`` with type, title, status
and detail, for every refusal the API gives (Ninja's own validation errors included)."""

import json
from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from hireloop.errors import ActionNotAllowed, InvalidTransition, NotFoundOrForbidden

from ..services import KeyRefused, RateLimited

PROBLEM_CONTENT_TYPE = "application/problem+json"
# Problem types are relative URIs under the API's documentation page (RFC 9457 §3.1.1).
TYPE_BASE = "/api/v1/docs#problem-"


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


class ApiProblem(Exception):
    """A refusal with its status and a machine-readable kind (the type's last part)."""

    def __init__(self, status: int, kind: str, detail: str, headers: dict | None = None) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail = status, kind, detail
        self.headers = headers or {}


def problem_response(
    status: int, kind: str, detail: str, *, errors: list | None = None, headers: dict | None = None
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + kind,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, default=str), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _validation(_request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return problem_response(
        422, "validation", "The request does not match the schema.", errors=list(exc.errors)
    )


def _http_error(_request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(exc.status_code, "http", str(exc))


def _handlers() -> dict[type[Exception], Any]:
    return {
        ApiProblem: lambda _r, e: problem_response(e.status, e.kind, e.detail, headers=e.headers),
        ValidationError: _validation,
        AuthenticationError: lambda _r, _e: problem_response(
            401, "unauthenticated", "Send an API key: Authorization: Bearer <key>."
        ),
        KeyRefused: lambda _r, e: problem_response(401, "unauthenticated", e.reason),
        RateLimited: lambda _r, e: problem_response(
            429,
            "rate-limited",
            f"Too many calls with this key; try again in {e.retry_after} s.",
            headers={"Retry-After": str(e.retry_after)},
        ),
        HttpError: _http_error,
        Http404: lambda _r, _e: problem_response(404, "not-found", "Not found."),
        NotFoundOrForbidden: lambda _r, _e: problem_response(404, "not-found", "Not found."),
        ActionNotAllowed: lambda _r, e: problem_response(403, "forbidden", str(e)),
        InvalidTransition: lambda _r, e: problem_response(409, "conflict", str(e)),
    }


def install_problem_handlers(api: NinjaAPI) -> None:
    for exception, handler in _handlers().items():
        api.add_exception_handler(exception, handler)


# Every operation may answer these; each is documented in the schema as a problem.
COMMON_PROBLEMS = (400, 401, 403, 404, 422, 429)


def with_problems(ok: dict[int, Any], *extra: int) -> dict[int, Any]:
    """An operation's responses: its successes and the problems it may answer."""
    return ok | {status: Problem for status in (*COMMON_PROBLEMS, *extra)}


def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other path under /api/: a problem, not the site's HTML page."""
    return problem_response(404, "not-found", "No such API path.")
