from django.core.management.base import BaseCommand

from hireloop.privacy.crypto import key_ring
from hireloop.privacy.rotation import do_rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt all personal data with the first key of HIRELOOP_FIELD_KEYS. "
        "Put the new key first, keep the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        changed = do_rotate_keys()
        self.stdout.write(f"Re-encrypted {changed} rows with key {key_ring().current_id!r}.")
