from django.contrib import admin

from .models import OutboxEvent


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = ("id", "type", "created_at", "dispatched_at", "attempts")
    list_filter = ("type",)
    readonly_fields = ("type", "payload", "created_at", "dispatched_at", "attempts", "last_error")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
