from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .services import do_record_role_change, roles_of

# Fields that grant access: changed only for someone else, and every change is audited.
ACCESS_FIELDS = ("groups", "is_superuser", "is_staff", "is_active")


@admin.register(User)
class StaffAdmin(UserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("HireLoop", {"fields": ("display_name", "first_name", "last_name", "email")}),
        # Roles are groups (accounts.roles); single permissions would bypass the matrix.
        ("Roles", {"fields": ACCESS_FIELDS}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "is_active")
    readonly_fields = ("last_login", "date_joined")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        """Nobody edits their own roles here, the system administrator included."""
        own = obj is not None and obj.pk == request.user.pk
        return (*self.readonly_fields, *(ACCESS_FIELDS if own else ()))

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Kept on the request, not on this admin: one admin object serves every thread.
        request.roles_before = roles_of(User.objects.get(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        user = form.instance
        do_record_role_change(
            user=user, actor=request.user, before=request.roles_before, after=roles_of(user)
        )


# Two-factor devices: the back office may remove a lost phone's authenticator (the user then
# sets up a new one), but never shows a secret or a QR code: that would let an administrator
# log in as anyone. django-otp's own admin pages do show them, so they are replaced.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


@admin.register(TOTPDevice, StaticDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed")
    fields = ("user", "name", "confirmed")
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
