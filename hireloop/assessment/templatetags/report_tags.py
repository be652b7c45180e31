"""Filters of the report templates (the PDF's own, so that it needs nothing of the pages)."""

from typing import Any

from django import template

from ..labels import ANCHOR_LEVELS

register = template.Library()


@register.filter
def anchor_name(level: str) -> str:
    """ "high" → "strong answer" in the reader's language."""
    return str(ANCHOR_LEVELS.get(level, level))


@register.filter
def redact(text: Any, redactor: Any) -> Any:
    """A quote as this reader may read it: contact details and the name masked, or as written.

    The view passes a ``privacy.masking.Redactor`` for readers who see contact details masked,
    and None for those who see them in clear (their reads are audited with the contact card).
    """
    if redactor is None or not text:
        return text
    return redactor(str(text))
