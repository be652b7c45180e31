from django.core.management.base import BaseCommand

from hireloop.archive.search import rebuild_employee_index
from hireloop.candidates.search import rebuild_candidate_index


class Command(BaseCommand):
    help = (
        "Rebuild the keyed search index of candidates and employees (docs/search.md): after "
        "dropping the oldest key of HIRELOOP_FIELD_KEYS, after a change of the search terms, "
        "or after loading people in bulk. Safe to run again at any time."
    )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        candidates = rebuild_candidate_index()
        employees = rebuild_employee_index()
        self.stdout.write(f"Indexed {candidates} candidate terms and {employees} employee terms.")
