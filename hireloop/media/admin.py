from django.contrib import admin

from .models import MediaAnalysis


@admin.register(MediaAnalysis)
class MediaAnalysisAdmin(admin.ModelAdmin):
    """Status and errors only: transcripts and observations are read on the report, where
    access is checked and audited."""

    list_display = ("recording", "status", "progress", "engine", "attempts", "finished_at")
    list_filter = ("status",)
    fields = ("recording", "status", "progress", "step", "attempts", "error_code", "error_text")
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
