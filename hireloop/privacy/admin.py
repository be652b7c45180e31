from django.contrib import admin

from .models import AuditEntry, AuditHead


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record shown, never added, changed or deleted from the back office."""

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_id")
    readonly_fields = [f.name for f in AuditEntry._meta.fields]


@admin.register(AuditHead)
class AuditHeadAdmin(ReadOnlyAdmin):
    """The writers' lock and the signed head of the chain."""

    list_display = ("log_id", "count", "last_id")
    readonly_fields = [f.name for f in AuditHead._meta.fields]
