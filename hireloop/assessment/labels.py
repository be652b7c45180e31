"""Words for the report's stored values, in the reader's language (web page and PDF alike)."""

from django.utils.translation import gettext_lazy

ANCHOR_LEVELS = {
    "low": gettext_lazy("weak answer"),
    "mid": gettext_lazy("middling answer"),
    "high": gettext_lazy("strong answer"),
}
