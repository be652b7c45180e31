"""Cursor pagination: an opaque cursor, stable order by id.

The cursor is the last id seen, base64-encoded: opaque to clients (they must not build one),
stable under inserts (new rows come after, nothing is skipped or seen twice), and cheap (an
indexed ``id > n``, unlike an OFFSET that reads every row before the page).
"""

import base64
import binascii
from typing import Annotated, TypeVar

from django.db.models import Model, QuerySet
from ninja import Path

from .problems import ApiProblem

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Ids past a 32-bit integer name nothing here; bounding them keeps a huge number from
# reaching the database (SQLite refuses integers past 64 bits with an error, not a miss).
MAX_ID = 2**31 - 1
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = text.partition(":")
        if kind != "after":
            raise ValueError(kind)
        last_id = int(value)
        if not 0 <= last_id <= MAX_ID:
            raise ValueError(value)
        return last_id
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ApiProblem(400, "cursor", "The cursor is not one this API gave.") from None


def page_of(rows: QuerySet[M], *, cursor: str | None, limit: int) -> tuple[list[M], str | None]:
    """One page of ``rows`` by ascending id, and the cursor of the next (None at the end)."""
    if cursor:
        rows = rows.filter(pk__gt=decode_cursor(cursor))
    items = list(rows.order_by("pk")[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return items, encode_cursor(items[-1].pk) if more and items else None
