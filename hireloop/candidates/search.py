"""Finding people by name, e-mail or phone without decrypting every row (docs/search.md).

Each person's terms (search_terms.person_terms) are stored as keyed hashes, one row per term,
in a table beside the person (CandidateSearchTerm here, archive's EmployeeSearchTerm). A
query is cut into the same terms, hashed with the same key, and matched in SQL: a person
matches a clause when they hold every one of its hashes. Only the page of results is
decrypted, to be shown.

The helpers below work on either table, so the archive indexes its employees the same way.
"""

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models, transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hireloop.accounts.roles import Role
from hireloop.accounts.services import has_role
from hireloop.privacy.crypto import blind_index, phone_blind_index, search_digest
from hireloop.privacy.services import may_see_unmasked

from .models import Application, Candidate, CandidateSearchTerm
from .search_terms import Term, person_terms, query_clauses

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

BATCH = 500


def digests_of(terms: Iterable[Term]) -> dict[str, str]:
    """digest → kind, for the terms given."""
    return {search_digest(term.kind, term.text): term.kind for term in terms}


def replace_terms(
    *, model: type[models.Model], owner_field: str, owners: dict[int, frozenset[Term]]
) -> int:
    """Make the index rows of these owners exactly their terms; return rows written.

    Runs in one transaction: a search never sees an owner without terms half-way.
    """
    with transaction.atomic():
        model._default_manager.filter(**{f"{owner_field}__in": list(owners)}).delete()
        rows = [
            model(**{owner_field: owner_id, "kind": kind, "digest": digest})
            for owner_id, terms in owners.items()
            for digest, kind in digests_of(terms).items()
        ]
        model._default_manager.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def in_batches(people: QuerySet[Any]) -> Iterator[list[Any]]:
    """The rows in id order, BATCH at a time (decrypted a batch at a time, never all)."""
    batch: list[Any] = []
    for person in people.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(person)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def index_people(*, people: QuerySet[Any], model: type[models.Model], owner_field: str) -> int:
    """Index every person of ``people`` (candidates or employees, also the historical models
    of a migration) into the term table ``model``; return the rows written."""
    written = 0
    for batch in in_batches(people.only("name", "email", "phone")):
        owners = {p.pk: person_terms(name=p.name, email=p.email, phone=p.phone) for p in batch}
        written += replace_terms(model=model, owner_field=owner_field, owners=owners)
    return written


def matching(
    *, model: type[models.Model], owner_field: str, query: str, field: str = "pk"
) -> Q | None:
    """A condition on ``field`` (the owner's id) for the owners matching the query; None for a
    query with no terms.

    Per clause, a subquery of the owners holding all of its digests (grouped and counted in
    SQL); the clauses are OR-ed, so the caller's query stays one statement.
    """
    clauses = query_clauses(query)
    if not clauses:
        return None
    condition = Q()
    for clause in clauses:
        digests = list(digests_of(clause))
        holders = (
            model._default_manager.filter(digest__in=digests)
            .values(owner_field)
            .annotate(held=Count("digest", distinct=True))
            .filter(held=len(digests))
            .values(owner_field)
        )
        condition |= Q(**{f"{field}__in": holders})
    return condition


# --- candidates ------------------------------------------------------------------------------


def candidate_terms(candidate: Candidate) -> frozenset[Term]:
    return person_terms(name=candidate.name, email=candidate.email, phone=candidate.phone)


def index_candidates(candidates: Iterable[Candidate]) -> int:
    """Rewrite the search terms of these candidates from their (decrypted) details."""
    owners = {candidate.pk: candidate_terms(candidate) for candidate in candidates}
    return replace_terms(model=CandidateSearchTerm, owner_field="candidate_id", owners=owners)


def rebuild_candidate_index() -> int:
    """Index every candidate again: search terms and the duplicate-detection blind indexes.

    For a change of the terms (a new version of search_terms) or of the key they derive from
    (the oldest field key, so dropping it after a rotation changes every hash). Returns the
    search rows written.
    """
    written = 0
    for batch in in_batches(Candidate.objects.only("name", "email", "phone")):
        for candidate in batch:
            candidate.email_index = blind_index(candidate.email) if candidate.email else ""
            candidate.phone_index = phone_blind_index(candidate.phone)
        written += _reindex(batch)
    return written


def _reindex(candidates: list[Candidate]) -> int:
    with transaction.atomic():
        Candidate.objects.bulk_update(candidates, ["email_index", "phone_index"])
        return index_candidates(candidates)


# Who has candidates to look through: the roles that work on jobs' applications. The auditor
# reads the audit log, not candidates.
CANDIDATE_ROLES = (Role.RECRUITER, Role.INTERVIEWER, Role.HR_ADMIN, Role.ADMIN)


def may_list_candidates(user: Any) -> bool:
    return has_role(user, *CANDIDATE_ROLES)


def may_search_candidates_by_personal_data(user: Any) -> bool:
    """Only those who see candidates' details in clear may search by them.

    For a viewer who sees 张* and 138****1234, a search by name or phone would be an oracle:
    ten thousand tries of the hidden digits, or of the common given names, would unmask the
    person that the masking (and the blind review it serves) hides.
    """
    return may_see_unmasked(user)


def search_applications(
    *, applications: QuerySet[Application], query: str
) -> QuerySet[Application]:
    """The applications, among those given (already filtered by what the viewer may see),
    whose candidate matches the query; all of them for an empty query."""
    if not query.strip():
        return applications
    condition = matching(
        model=CandidateSearchTerm, owner_field="candidate_id", query=query, field="candidate_id"
    )
    return applications.none() if condition is None else applications.filter(condition)


# A name, number, e-mail or phone is far shorter; a longer query is refused by the form, not
# cut into search terms.
SEARCH_MAX_LENGTH = 100


def search_query_field(placeholder: "StrOrPromise") -> forms.CharField:
    """The search box of the people lists (candidates, employees): one query string."""
    return forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "type": "search",
                "placeholder": placeholder,
                "autocomplete": "off",
            }
        ),
    )
