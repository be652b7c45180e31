from django.contrib import admin

from .models import AnswerAnnotation, HumanReviewRequest, InterviewerReview


@admin.register(InterviewerReview)
class InterviewerReviewAdmin(admin.ModelAdmin):
    list_display = ("report", "reviewer", "decision", "created_at")
    list_filter = ("decision",)


@admin.register(HumanReviewRequest)
class HumanReviewRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "report", "status", "created_at", "resolved_by", "resolved_at")
    list_filter = ("status",)


admin.site.register(AnswerAnnotation)
