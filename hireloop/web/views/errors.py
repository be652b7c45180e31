"""Error pages: a plain message and a reference id, never settings, paths or a traceback."""

import logging
import secrets
import sys

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger("hireloop.errors")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: log the exception under a short reference the person can quote to support."""
    reference = secrets.token_hex(6)
    logger.error(
        "Server error %s on %s %s", reference, request.method, request.path, exc_info=sys.exc_info()
    )
    # Rendered without the request: context processors may touch the database that failed.
    page = loader.get_template("500.html").render({"reference": reference})
    return HttpResponseServerError(page)
