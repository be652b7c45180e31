from django.contrib import admin

from .models import (
    Answer,
    ClaimProbe,
    FollowUp,
    InterviewPlan,
    InterviewSession,
    PlanItem,
    Question,
    Recording,
    RecordingChunk,
    RecordingConsent,
)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "job", "kind", "language", "answer_mode")
    list_filter = ("kind", "language", "job")
    filter_horizontal = ("dimensions",)
    search_fields = ("text",)


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0


@admin.register(InterviewPlan)
class InterviewPlanAdmin(admin.ModelAdmin):
    list_display = ("job", "updated_at")
    inlines = [PlanItemInline]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    readonly_fields = ("question", "text", "submitted_at")


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "application", "status", "deadline", "current_index")
    list_filter = ("status",)
    readonly_fields = ("public_id", "current_index", "started_at", "completed_at")
    inlines = [AnswerInline]


admin.site.register(PlanItem)
admin.site.register(Answer)


@admin.register(RecordingConsent)
class RecordingConsentAdmin(admin.ModelAdmin):
    """A record of what a candidate agreed to: read, never edited (PIPL Art. 29)."""

    list_display = ("session", "scope", "granted", "text_version", "decided_at")
    list_filter = ("scope", "granted")
    readonly_fields = ("session", "scope", "granted", "text_version", "decided_at")


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    list_display = ("id", "session", "question", "mode", "is_complete")
    list_filter = ("mode", "is_complete")


admin.site.register(RecordingChunk)
admin.site.register(FollowUp)
admin.site.register(ClaimProbe)
