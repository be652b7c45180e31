from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_role_groups(sender, using="default", **kwargs):  # type: ignore[no-untyped-def]
    from django.contrib.auth.management import create_permissions

    from .roles import ensure_role_groups

    # post_migrate runs app by app; the role matrix spans every app, so make sure all
    # permissions exist before the groups are filled.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure_role_groups()


class AccountsConfig(AppConfig):
    name = "hireloop.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        post_migrate.connect(_create_role_groups, sender=self, dispatch_uid="hireloop-role-groups")
