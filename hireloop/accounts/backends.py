"""Login throttling (django-axes) on every login made through a web request."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Axes refuses to run without the request (it locks by address and user name); logins made
    in code (management commands, the test client) have no address to lock and no attacker
    behind them, so they pass through to the password check unchanged.
    """

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
