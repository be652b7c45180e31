"""The media tests read the English error sentences; the product's default language is zh-hans."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield
