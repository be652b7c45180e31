"""``manage.py load_demo``: create the demo organisation unless it already exists."""

from typing import Any

from django.core.management.base import BaseCommand

from hireloop.demo.content import DEMO_PASSWORD, ORGANISATION, STAFF
from hireloop.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Create the bilingual demo organisation 云帆科技 (Yunfan Technology): staff users, "
        "three jobs, thirty screened candidates, two scored interviews and a 200-person "
        "employee archive. Does nothing if the demo organisation already exists."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if summary is None:
            self.stdout.write(
                f"The demo organisation {ORGANISATION['name']} already exists; nothing to do."
            )
            return
        seconds = summary.pop("seconds")
        organisation = summary.pop("organisation")
        self.stdout.write(
            self.style.SUCCESS(f"Created the demo organisation {organisation} in {seconds} s:")
        )
        for label, count in summary.items():
            self.stdout.write(f"  {label:<22} {count:>6}")
        users = ", ".join(spec.username for spec in STAFF)
        self.stdout.write(f"Sign in as {users} with the password {DEMO_PASSWORD!r}.")
