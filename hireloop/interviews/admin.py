from django.contrib import admin

from .models import Answer, InterviewPlan, InterviewSession, PlanItem, Question


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
