from django.contrib import admin

from .models import (
    AnswerAnnotation,
    DimensionScore,
    HumanReviewRequest,
    InterviewerReview,
    Report,
)


class DimensionScoreInline(admin.TabularInline):
    model = DimensionScore
    extra = 0
    readonly_fields = ("dimension", "score", "matched_anchor", "evidence", "rationale")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("id", "session", "overall_score", "recommendation", "created_at")
    list_filter = ("recommendation",)
    inlines = [DimensionScoreInline]


@admin.register(InterviewerReview)
class InterviewerReviewAdmin(admin.ModelAdmin):
    list_display = ("report", "reviewer", "decision", "created_at")
    list_filter = ("decision",)


admin.site.register(DimensionScore)


@admin.register(HumanReviewRequest)
class HumanReviewRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "report", "status", "created_at", "resolved_by", "resolved_at")
    list_filter = ("status",)


admin.site.register(AnswerAnnotation)
