from django.contrib import admin

from hireloop.candidates.admin import SearchTermAdmin
from hireloop.privacy.admin_mixins import AuditedPersonalDataAdmin

from .models import (
    AttendanceRecord,
    Employee,
    EmployeeSearchTerm,
    PerformanceReview,
    Promotion,
    Shift,
    TrainingRecord,
)
from .search import index_employees


class PerformanceInline(admin.TabularInline):
    model = PerformanceReview
    extra = 0


class PromotionInline(admin.TabularInline):
    model = Promotion
    extra = 0


class TrainingInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0


@admin.register(Employee)
class EmployeeAdmin(AuditedPersonalDataAdmin, admin.ModelAdmin):
    personal_fields = ("name", "email", "phone")
    # Sensitive attributes appear on no page and no form: only the fairness audit reads them.
    exclude = ("gender", "birth_date", "ethnicity", "region")
    list_display = ("employee_number", "job_title", "department", "hire_date", "status")
    list_filter = ("status", "department", "role_family")
    search_fields = ("employee_number", "job_title")
    inlines = [PerformanceInline, PromotionInline, TrainingInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # A changed name, e-mail or phone is found by its new terms, never by the old ones.
        super().save_model(request, obj, form, change)
        index_employees([obj])


for model in (PerformanceReview, Promotion, TrainingRecord, Shift, AttendanceRecord):
    admin.site.register(model)
admin.site.register(EmployeeSearchTerm, SearchTermAdmin)
