from django import template

from hireloop.assessment.enums import Resolution

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


@register.filter
def resolution_name(value: str) -> str:
    """ "kept" → "Kept their score" in the reader's language."""
    return str(Resolution(value).label) if value in Resolution.values else value


@register.filter
def dimension_label(dimension_id: int, scores) -> str:  # type: ignore[no-untyped-def]
    """The name of a dimension of this report, from its DimensionScore rows."""
    return next((s.dimension.name for s in scores if s.dimension_id == dimension_id), "")


@register.filter
def get_item(mapping, key):  # type: ignore[no-untyped-def]
    return mapping.get(key) if mapping else None
