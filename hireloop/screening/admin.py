from django.contrib import admin

from .models import UploadBatch, UploadBatchItem


@admin.register(UploadBatch)
class UploadBatchAdmin(admin.ModelAdmin):
    list_display = ("id", "job", "created_by", "created_at", "status")
    list_filter = ("status",)
    readonly_fields = ("token", "archive", "status", "error_text", "rejected_texts")
    # The reasons are shown in the reader's language (the two texts above), not edited.
    exclude = ("error_code", "error_params", "rejected")


@admin.register(UploadBatchItem)
class UploadBatchItemAdmin(admin.ModelAdmin):
    list_display = ("batch", "position", "resume")
