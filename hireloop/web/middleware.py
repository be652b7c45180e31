import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
)
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from hireloop.accounts.two_factor import requires_two_factor, user_has_device
from hireloop.errors import ActionNotAllowed, NotFoundOrForbidden

LAST_SEEN_KEY = "hireloop_last_seen"
# Bodies whose fields Django parses into request.POST; any other body (a recording chunk, the
# bandwidth probe) is read raw by its view and never stored as text.
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NotFoundOrForbiddenMiddleware:
    """Turn an ``access_*`` refusal into a plain 404, so existence is never revealed, and a
    ``check_may_*`` refusal (the object is visible, the action is not allowed) into a 403."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFoundOrForbidden):
            raise Http404(str(exception)) from exception
        if isinstance(exception, ActionNotAllowed):
            raise PermissionDenied(str(exception)) from exception


class RejectNulMiddleware:
    """Answer 400 to a NUL character in any query or form field, name or value.

    PostgreSQL refuses NUL in text ("A string literal cannot contain NUL (0x00) characters")
    and Django passes it through to the query, so ``/employees/?q=%00`` was a 500. No field
    of HireLoop may hold a NUL, so it is refused once here instead of in every form.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request.GET) or (_has_form_body(request) and _has_nul(request.POST)):
            return HttpResponseBadRequest(
                _("The request holds a NUL character, which no field accepts."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _has_form_body(request: HttpRequest) -> bool:
    return request.method == "POST" and request.content_type in FORM_CONTENT_TYPES


def _has_nul(data) -> bool:  # type: ignore[no-untyped-def]
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class NoStoreMiddleware:
    """Pages are built for one viewer and often show personal data: no cache may keep them.

    Static files never reach this (WhiteNoise answers them first, with long cache headers);
    a view that sets its own Cache-Control keeps it.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response


class SessionIdleTimeoutMiddleware:
    """A staff session left idle for SESSION_IDLE_SECONDS ends (the 12-hour cap is the cookie's).

    The time of the last request is kept in the session, written at most once a minute so that
    a page's polling does not write the session on every request.
    """

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("You were logged out after a period without activity."))
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= 60 or LAST_SEEN_KEY not in request.session:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password, a user with an authenticator must give its code before anything
    else; a user whose role requires two-factor login must set one up first."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        user = request.user
        if not user.is_authenticated or user.is_verified() or _is_open_path(request.path):  # type: ignore[union-attr,attr-defined]
            return self.get_response(request)
        if user_has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        if requires_two_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
        return self.get_response(request)


def _is_open_path(path: str) -> bool:
    """Pages a half-logged-in user may open: the two-factor steps, logging out, languages."""
    return path.startswith(("/account/two-factor/", "/logout/", "/i18n/", "/static/"))
