"""What every write needs: ``Idempotency-Key`` on POST, ``ETag``/``If-Match`` on updates."""

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Annotated, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Header

from ..models import IdempotentRequest
from .auth import calling_key
from .problems import ApiProblem

IDEMPOTENCY_HEADER = "Idempotency-Key"

# Declared on each write so that the schema documents them (and schemathesis sends them);
# ``idempotent`` and ``check_if_match`` read the headers themselves.
IdempotencyKey = Annotated[
    str, Header(alias=IDEMPOTENCY_HEADER, min_length=1, max_length=255, pattern=r"^[!-~]+$")
]
IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=1000)]


def make_etag(*parts: Any) -> str:
    """A strong ETag over the values that change when the resource does."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return f'"{digest}"'


def check_if_match(request: HttpRequest, current_etag: str) -> None:
    """428 without If-Match (lost updates are refused, not risked); 412 when it is stale."""
    sent = request.headers.get("If-Match")
    if not sent:
        raise ApiProblem(
            428, "precondition-required", "Send If-Match with the ETag of the version you read."
        )
    candidates = {tag.strip() for tag in sent.split(",")}
    if "*" not in candidates and current_etag not in candidates:
        raise ApiProblem(412, "precondition-failed", "The resource changed since you read it.")


def _fingerprint(request: HttpRequest) -> str:
    return hashlib.sha256(
        request.method.encode() + b" " + request.path.encode() + b"\n" + request.body  # type: ignore[union-attr]
    ).hexdigest()


def idempotent(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The first successful answer to (key, Idempotency-Key) is kept and replayed.

    Same key and same request (method, path, body) within API_IDEMPOTENCY_HOURS: the stored
    answer, marked ``Idempotent-Replayed: true``, and nothing runs again. Same key, another
    request: 422. Refusals are not kept: a retry after a 409 is judged afresh.
    The view must return an HttpResponse (``json_response``), so that what is kept is
    exactly what was sent.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = calling_key(request)
        name = request.headers.get(IDEMPOTENCY_HEADER, "")
        fingerprint = _fingerprint(request)
        since = timezone.now() - timedelta(hours=settings.API_IDEMPOTENCY_HOURS)
        # Answers past their day go, this key's all at once: the table holds a day of POSTs.
        IdempotentRequest.objects.filter(api_key=key, created_at__lt=since).delete()
        stored = IdempotentRequest.objects.filter(api_key=key, key=name).first()
        if stored is not None:
            return _replay(stored, fingerprint)
        with transaction.atomic():
            response = view(request, *args, **kwargs)
            if 200 <= response.status_code < 300:
                _keep(key, name, fingerprint, response)
        return response

    return wrapper


def _replay(stored: IdempotentRequest, fingerprint: str) -> HttpResponse:
    if stored.fingerprint != fingerprint:
        raise ApiProblem(
            422,
            "idempotency-key-reused",
            "This Idempotency-Key was used for a different request.",
        )
    response = HttpResponse(
        stored.body, status=stored.status_code, content_type=stored.content_type
    )
    if stored.etag:
        response["ETag"] = stored.etag
    response["Idempotent-Replayed"] = "true"
    return response


def _keep(key: Any, name: str, fingerprint: str, response: HttpResponse) -> None:
    try:
        with transaction.atomic():
            IdempotentRequest.objects.create(
                api_key=key,
                key=name,
                fingerprint=fingerprint,
                status_code=response.status_code,
                body=response.content.decode(),
                content_type=response["Content-Type"],
                etag=response.get("ETag", ""),
            )
    except IntegrityError:
        # A concurrent twin committed first: this one's change rolls back with it.
        raise ApiProblem(
            409, "idempotency-conflict", "A request with this Idempotency-Key is in progress."
        ) from None
