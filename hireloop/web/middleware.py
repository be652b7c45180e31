from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from hireloop.errors import NotFoundOrForbidden

# Bodies whose fields Django parses into request.POST; any other body (a recording chunk, the
# bandwidth probe) is read raw by its view and never stored as text.
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NotFoundOrForbiddenMiddleware:
    """Turn an ``access_*`` refusal into a plain 404, so existence is never revealed."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFoundOrForbidden):
            raise Http404(str(exception)) from exception


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
