from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from hireloop.privacy.audit import verify_audit_log


class Command(BaseCommand):
    help = "Check that no audit entry was changed, removed, forked or re-chained."

    @no_translations  # an operator's tool: English, like its messages
    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        report = verify_audit_log()
        if not report.intact:
            for problem in report.problems[:50]:
                where = f"#{problem.entry_id}" if problem.entry_id is not None else "-"
                self.stderr.write(f"{problem.kind:12} {where:>10}  {problem.detail}")
            raise CommandError(
                f"Audit log tampered with: {len(report.problems)} problem(s) "
                f"in {report.entries} entries."
            )
        self.stdout.write(
            f"Audit log intact: {report.entries} entries, {report.checkpoints} checkpoints "
            f"checked ({settings.AUDIT_CHECKPOINT_FILE})."
        )
