"""The back office's app configs, apart from the site so that loading apps imports no model:
django.contrib.admin with our site, and two packages named in the reader's language (their
own names are English words, not marked for translation)."""

from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackOfficeConfig(AdminConfig):
    """django.contrib.admin with HireLoop's site (accounts.admin_site) as ``admin.site``."""

    default_site = "hireloop.accounts.admin_site.BackOfficeSite"


class LoginProtectionConfig(AxesConfig):
    """django-axes (locks out repeated failed logins)."""

    verbose_name = _("Login protection")


class BackgroundTasksConfig(TasksAppConfig):
    """django-tasks-db (the task queue in the database)."""

    # Its base declares a plain str; a lazy translation is what Django's own apps use.
    verbose_name = _("Background tasks")  # type: ignore[assignment]
