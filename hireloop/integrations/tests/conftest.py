from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from hireloop.integrations.services import NewKey, do_create_api_key
from hireloop.testing.browser import browser, chromium  # noqa: F401  (fixtures, found by name)


@pytest.fixture(autouse=True)
def _fresh_rate_windows():  # type: ignore[no-untyped-def]
    """Rate-limit counters live in the cache, keyed by key id: ids repeat across tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_key(hr_admin) -> Callable[..., NewKey]:  # type: ignore[no-untyped-def]
    def make(
        *scopes: str, expires_at: datetime | None = None, acts_for_creator: bool = False
    ) -> NewKey:
        return do_create_api_key(
            actor=hr_admin,
            name="sync",
            scopes=list(scopes),
            expires_at=expires_at,
            acts_for_creator=acts_for_creator,
        )

    return make


def api_client(secret: str | None, **headers: Any) -> Client:
    extra = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return Client(raise_request_exception=False, **extra, **headers)
