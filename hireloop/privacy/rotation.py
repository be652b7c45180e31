"""Re-encrypting stored personal data with the newest key (key rotation)."""

from django.apps import apps
from django.db import connection, models, transaction

from . import crypto
from .fields import EncryptedTextField


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted columns, and the names of those columns."""
    found = []
    for model in apps.get_models():
        names = [
            f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)
        ]
        if names:
            found.append((model, names))
    return found


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column
    return field.column


def _raw_tokens(model: type[models.Model], names: list[str]) -> list[tuple]:
    """Stored ciphertexts as they are in the table (the ORM would decrypt them)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_column(model, n)) for n in names)
    table = quote(model._meta.db_table)
    sql = f"SELECT {quote(model._meta.pk.column)}, {columns} FROM {table}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)  # identifiers only, quoted by the backend: no user input
        return cursor.fetchall()


def do_rotate_keys() -> int:
    """Re-write every encrypted value not yet under the current key; return rows changed.

    Rows already under the current key are skipped, so a run that stopped half-way can
    simply be started again.
    """
    current = crypto.key_ring().current_id
    changed = 0
    for model, names in encrypted_fields():
        with transaction.atomic():
            for pk, *tokens in _raw_tokens(model, names):
                stale = [
                    name
                    for name, token in zip(names, tokens, strict=True)
                    if token and crypto.key_id_of(token) != current
                ]
                if stale:
                    obj = model._default_manager.get(pk=pk)
                    model._default_manager.filter(pk=pk).update(
                        **{name: getattr(obj, name) for name in stale}
                    )
                    changed += 1
    return changed
