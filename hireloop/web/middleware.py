from django.http import Http404, HttpRequest

from hireloop.errors import NotFoundOrForbidden


class NotFoundOrForbiddenMiddleware:
    """Turn an ``access_*`` refusal into a plain 404, so existence is never revealed."""

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFoundOrForbidden):
            raise Http404(str(exception)) from exception
