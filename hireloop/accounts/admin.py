from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .roles import Role
from .services import do_record_role_change, roles_of

# Fields that grant access: changed only for someone else, and every change is audited.
ACCESS_FIELDS = ("groups", "is_superuser", "is_staff", "is_active")


def role_name(group) -> str:  # type: ignore[no-untyped-def]
    """A role's group by the role's name in the reader's language (the group keeps the code)."""
    return str(Role(group.name).label) if group.name in Role.values else group.name


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):  # type: ignore[no-untyped-def]
        return Role.choices

    def queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        return queryset.filter(groups__name=self.value()) if self.value() else queryset


@admin.register(User)
class StaffAdmin(UserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("HireLoop", {"fields": ("display_name", "first_name", "last_name", "email")}),
        # Roles are groups (accounts.roles); single permissions would bypass the matrix.
        (_("Roles"), {"fields": ACCESS_FIELDS}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "display_name", "email", "is_staff", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", RoleFilter)
    readonly_fields = ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups" and field is not None:
            field.label_from_instance = role_name
        return field

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
# django-otp names its devices in English only ("TOTP device" is not even marked for
# translation); the back office names them in the reader's language. Only the names shown
# change: the migrations read the models' own options, which keep django-otp's.
TOTPDevice._meta.verbose_name = _("authenticator app")
TOTPDevice._meta.verbose_name_plural = _("authenticator apps")
StaticDevice._meta.verbose_name = _("set of recovery codes")
StaticDevice._meta.verbose_name_plural = _("recovery codes")


@admin.register(TOTPDevice, StaticDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed")
    fields = ("user", "name", "confirmed")
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
