from django.contrib import admin

from .models import Branding, Department, Organisation, Team


class BrandingInline(admin.StackedInline):
    model = Branding


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "compliance_profile")
    inlines = [BrandingInline, DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "organisation")
    list_filter = ("organisation",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "department")
    list_filter = ("department",)
    filter_horizontal = ("members",)


admin.site.register(Branding)
