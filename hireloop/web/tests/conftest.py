"""Fixtures of the page tests: the real Chromium for the browser tests."""

from hireloop.testing.browser import browser, chromium  # noqa: F401  (fixtures, found by name)
