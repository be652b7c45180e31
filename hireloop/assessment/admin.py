from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .labels import ANCHOR_LEVELS
from .models import DimensionScore, Report, ReportPdf


class DimensionScoreInline(admin.TabularInline):
    model = DimensionScore
    extra = 0
    fields = ("dimension", "score", "closest_anchor", "evidence", "rationale")
    readonly_fields = fields

    @admin.display(description=_("closest anchor"))
    def closest_anchor(self, score: DimensionScore) -> str:
        return str(ANCHOR_LEVELS.get(score.matched_anchor, score.matched_anchor))


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("id", "session", "overall_score", "recommendation", "created_at")
    list_filter = ("recommendation",)
    inlines = [DimensionScoreInline]


admin.site.register(DimensionScore)


@admin.register(ReportPdf)
class ReportPdfAdmin(admin.ModelAdmin):
    """Drawn PDFs are a cache the worker keeps: seen here, never edited by hand."""

    list_display = ("id", "report", "masking", "language", "status", "requested_at")

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
