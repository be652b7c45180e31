from datetime import timedelta

from django.core.management.base import BaseCommand

from hireloop.workflow.recovery import do_requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Re-queue tasks left running by a worker that died. With one worker (the embedded "
        "default) run it with --minutes 0 before the worker starts; with several workers, "
        "use an age longer than any task takes."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--minutes", type=float, default=30.0)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        count = do_requeue_stale_tasks(older_than=timedelta(minutes=options["minutes"]))
        self.stdout.write(f"Re-queued {count} task(s) left running by a stopped worker.")
