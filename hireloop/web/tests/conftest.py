"""Fixtures of the page tests: the real Chromium for the browser tests."""

from hireloop.testing.browser import browser  # noqa: F401  (a fixture, found by name)
