from django.contrib import admin

from hireloop.privacy.admin_mixins import AuditedPersonalDataAdmin

from .models import Delivery, DeliveryAttempt, NotificationPreference


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    fields = ("number", "outcome", "reason", "started_at", "duration_ms")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Delivery)
class DeliveryAdmin(AuditedPersonalDataAdmin, admin.ModelAdmin):
    """The delivery log: read only (a retry is HR's button on the application page)."""

    personal_fields = ("recipient", "last_error")
    list_display = ("id", "kind", "channel", "status", "attempts", "created_at", "sent_at")
    list_filter = ("kind", "channel", "status")
    fields = (
        "kind",
        "channel",
        "application",
        "user",
        "recipient",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "next_attempt_at",
        "last_reason",
        "last_error",
    )
    readonly_fields = fields
    inlines = [DeliveryAttemptInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(DeliveryAttempt)
class DeliveryAttemptAdmin(admin.ModelAdmin):
    list_display = ("delivery", "number", "outcome", "reason", "started_at", "duration_ms")
    list_filter = ("outcome", "reason")
    fields = ("delivery", "number", "outcome", "reason", "started_at", "duration_ms")
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    """Who is told of which event, by which channel (staff have no settings page yet)."""

    list_display = ("user", "event_type", "channel", "is_enabled")
    list_filter = ("event_type", "channel", "is_enabled")
    list_editable = ("is_enabled",)
    fields = ("user", "event_type", "channel", "is_enabled")

    def formfield_for_choice_field(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name == "event_type":
            from .services import STAFF_EVENTS

            kwargs["choices"] = [(e.value, e.label) for e in STAFF_EVENTS]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
