from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .labels import object_type_name
from .models import AuditEntry, AuditHead


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record shown, never added, changed or deleted from the back office."""

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


class ObjectTypeFilter(admin.SimpleListFilter):
    """The record types in the log, by their names in the reader's language."""

    title = _("record type")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):  # type: ignore[no-untyped-def]
        codes = AuditEntry.objects.order_by().values_list("object_type", flat=True).distinct()
        return sorted((code, object_type_name(code)) for code in codes)

    def queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        return queryset.filter(object_type=self.value()) if self.value() else queryset


# An entry's columns, the user and the record type by their names (AuditEntryAdmin's methods).
ENTRY_FIELDS = tuple(
    {"actor_label": "user", "object_type": "record_type"}.get(f.name, f.name)
    for f in AuditEntry._meta.fields
)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "user", "action", "record_type", "object_id")
    list_filter = ("action", ObjectTypeFilter)
    search_fields = ("actor_label", "object_id")
    fields = readonly_fields = ENTRY_FIELDS

    @admin.display(description=_("user"), ordering="actor_label")
    def user(self, entry: AuditEntry) -> str:
        return entry.actor_name

    @admin.display(description=_("record type"), ordering="object_type")
    def record_type(self, entry: AuditEntry) -> str:
        return entry.object_type_name


@admin.register(AuditHead)
class AuditHeadAdmin(ReadOnlyAdmin):
    """The writers' lock and the signed head of the chain."""

    list_display = ("log_id", "count", "last_id")
    readonly_fields = [f.name for f in AuditHead._meta.fields]
