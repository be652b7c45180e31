from django import template
from django.utils.translation import gettext

from hireloop.assessment.templatetags.report_tags import anchor_name, redact
from hireloop.decisions.enums import Resolution
from hireloop.resumes.integrity import DETAILS, detail_text

from ..explain import INTEGRITY_KINDS, degree_label

register = template.Library()


@register.filter
def degree_name(level: int | None) -> str:
    """3 → "Bachelor" in the reader's language."""
    return degree_label(level)


@register.filter
def finding_name(kind: str) -> str:
    """ "hidden_text" → "Hidden text (a reader cannot see it)" in the reader's language."""
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


@register.filter
def on_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb), by WCAG relative
    luminance: an organisation's light brand colour (#ffd400) gets black text, not white."""
    try:
        channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    except (TypeError, ValueError, IndexError):
        return "#fff"
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Equal contrast with black and white at L = sqrt(1.05 * 0.05) - 0.05 ≈ 0.179.
    return "#000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#fff"


# Shared with the report PDF's own library.
register.filter("redact", redact)
register.filter("anchor_name", anchor_name)


@register.filter
def met_count(checks: list[dict]) -> int:
    """How many of a list of stored checks ({"met": bool, …}) were met."""
    return sum(1 for check in checks if check.get("met"))


@register.filter
def finding_detail(finding: dict) -> str:
    """Why an integrity finding was raised, in the reader's language (stored as a code and its
    parameters; findings stored before codes keep their English sentence)."""
    code = finding.get("code")
    if code not in DETAILS:
        return str(finding.get("detail", ""))
    return detail_text(code, finding.get("params") or {}, translate=gettext)
