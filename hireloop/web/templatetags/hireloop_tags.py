from django import template

from ..explain import ANCHOR_LEVELS, INTEGRITY_KINDS, degree_label

register = template.Library()


@register.filter
def degree_name(level: int | None) -> str:
    """3 → "Bachelor" in the reader's language."""
    return degree_label(level)


@register.filter
def anchor_name(level: str) -> str:
    """ "high" → "strong answer" in the reader's language."""
    return str(ANCHOR_LEVELS.get(level, level))


@register.filter
def finding_name(kind: str) -> str:
    """ "hidden_text" → "Hidden text (same colour as the page)" in the reader's language."""
    return str(INTEGRITY_KINDS.get(kind, kind))
