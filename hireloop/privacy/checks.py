"""System checks of where the keys live (`manage.py check --deploy`)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def keys_apart_from_data(**kwargs: Any) -> list[Warning]:
    """A backup of var/ that holds the keys too decrypts everything: keep them apart."""
    secrets_folder = Path(settings.SECRETS_FILE).resolve().parent
    data_folders = {Path(settings.VAR_DIR).resolve(), Path(settings.MEDIA_ROOT).resolve()}
    if secrets_folder not in data_folders:
        return []
    return [
        Warning(
            f"The keys file {settings.SECRETS_FILE} is in the same folder as the data.",
            hint="Move it out of var/ (see docs/operations.md, 'Keys') or set "
            "HIRELOOP_SECRETS_FILE, HIRELOOP_SECRET_KEY, HIRELOOP_FIELD_KEYS and "
            "HIRELOOP_AUDIT_KEY.",
            id="hireloop.W001",
        )
    ]
