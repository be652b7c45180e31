from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hireloop.privacy.admin_mixins import AuditedPersonalDataAdmin
from hireloop.privacy.masking import mask_name

from .models import (
    PERSONAL_FIELDS,
    Application,
    Candidate,
    CandidateSearchTerm,
    ResumeEmbedding,
    ResumeFile,
    StageChange,
)
from .services import do_update_contact


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    can_delete = False
    fields = ("from_stage", "to_stage", "by", "reason", "at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    @admin.display(description=_("by"))
    def by(self, change: StageChange) -> str:
        return change.actor_name


class ResumeInline(admin.TabularInline):
    model = ResumeFile
    extra = 0
    fields = ("status", "error_text", "size", "uploaded_at")
    readonly_fields = fields


@admin.register(Candidate)
class CandidateAdmin(AuditedPersonalDataAdmin, admin.ModelAdmin):
    list_display = ("id", "masked_name", "organisation", "created_at")
    personal_fields = PERSONAL_FIELDS
    # Sensitive attributes appear on no page and no form: only the fairness audit reads them.
    fields = ("organisation", *PERSONAL_FIELDS)

    @admin.display(description=_("name"))
    def masked_name(self, obj: Candidate) -> str:
        return mask_name(obj.name)

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Contact details keep their duplicate indexes and search terms however they change.
        super().save_model(request, obj, form, change)
        do_update_contact(candidate=obj, name=obj.name, email=obj.email, phone=obj.phone)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("id", "job", "stage", "match_score", "created_at")
    list_filter = ("stage", "job")
    # Stages move only through the pipeline service, which checks and records each move.
    readonly_fields = ("stage", "match_score", "match_explanation")
    inlines = [ResumeInline, StageChangeInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    list_display = ("application", "from_stage", "to_stage", "by", "at")
    readonly_fields = ("application", "from_stage", "to_stage", "actor", "by", "reason")
    exclude = ("actor_label",)

    @admin.display(description=_("by"))
    def by(self, change: StageChange) -> str:
        return change.actor_name

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(ResumeFile)
class ResumeFileAdmin(admin.ModelAdmin):
    list_display = ("id", "application", "status", "size", "uploaded_at")
    list_filter = ("status",)
    readonly_fields = ("sha256", "size", "status", "error_text", "parsed")
    # The reason is shown in the reader's language (error_text), not edited.
    exclude = ("text", "error_code", "error_params")


@admin.register(ResumeEmbedding)
class ResumeEmbeddingAdmin(admin.ModelAdmin):
    list_display = ("id", "resume", "key", "dimensions", "created_at")


class SearchTermAdmin(admin.ModelAdmin):
    """The keyed search terms (docs/search.md): hashes only, written by the services."""

    list_display = ("id", "kind", "digest")
    list_filter = ("kind",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


admin.site.register(CandidateSearchTerm, SearchTermAdmin)
