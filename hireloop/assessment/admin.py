from django.contrib import admin

from .models import DimensionScore, Report


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
