from django.contrib import admin

from .models import ApiKey, IdempotentRequest


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Read-only: keys are made on the API keys page (the secret is shown once there) and
    revoked there, so that both are audited."""

    list_display = (
        "name",
        "prefix",
        "created_by",
        "acts_for",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    readonly_fields = (
        "name",
        "prefix",
        "scopes",
        "created_by",
        "acts_for",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    exclude = ("digest",)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(IdempotentRequest)
class IdempotentRequestAdmin(admin.ModelAdmin):
    list_display = ("api_key", "key", "status_code", "created_at")
    readonly_fields = (
        "api_key",
        "key",
        "fingerprint",
        "status_code",
        "content_type",
        "etag",
        "created_at",
    )
    exclude = ("body",)  # the answer may hold personal data

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
