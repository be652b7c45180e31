from django.contrib import admin

from .models import DimensionScore, Report, ReportPdf


class DimensionScoreInline(admin.TabularInline):
    model = DimensionScore
    extra = 0
    readonly_fields = ("dimension", "score", "matched_anchor", "evidence", "rationale")


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
