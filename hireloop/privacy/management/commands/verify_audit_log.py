from django.core.management.base import BaseCommand, CommandError

from hireloop.privacy.services import verify_audit_chain


class Command(BaseCommand):
    help = "Check that no audit entry was changed or removed (hash chain)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        broken = verify_audit_chain()
        if broken:
            raise CommandError(f"Audit log tampered with at entries {broken[:20]}.")
        self.stdout.write("Audit log intact.")
