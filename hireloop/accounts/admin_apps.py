"""The back office's app config, apart from the site so that loading apps imports no model."""

from django.contrib.admin.apps import AdminConfig


class BackOfficeConfig(AdminConfig):
    """django.contrib.admin with HireLoop's site (accounts.admin_site) as ``admin.site``."""

    default_site = "hireloop.accounts.admin_site.BackOfficeSite"
