"""Cursor pagination: an opaque cursor, stable order by id.

The cursor is the last id seen, written in base 36: opaque to clients (they pass it back, and
must not build one), stable under inserts (new rows come after, nothing is skipped or seen
twice), and cheap (an indexed ``id > n``, unlike an OFFSET that reads every row before the
page). Every string of its pattern is a position, so a cursor past the end gives an empty
page rather than an error: the schema describes exactly what is accepted.
"""

from typing import Annotated, TypeVar

from django.db.models import Model, QuerySet
from ninja import Field, Path

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Ids past a 32-bit integer name nothing here; bounding them keeps a huge number from
# reaching the database (SQLite refuses integers past 64 bits with an error, not a miss).
MAX_ID = 2**31 - 1
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]


CURSOR_PATTERN = r"^[0-9a-z]{1,13}$"
Cursor = Annotated[str | None, Field(pattern=CURSOR_PATTERN)]


def encode_cursor(last_id: int) -> str:
    digits = ""
    while True:
        last_id, digit = divmod(last_id, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if last_id == 0:
            return digits


def decode_cursor(cursor: str) -> int:
    """The id after which the page starts (at most MAX_ID: past every row)."""
    return min(int(cursor, 36), MAX_ID)


def page_of(rows: QuerySet[M], *, cursor: str | None, limit: int) -> tuple[list[M], str | None]:
    """One page of ``rows`` by ascending id, and the cursor of the next (None at the end)."""
    if cursor:
        rows = rows.filter(pk__gt=decode_cursor(cursor))
    items = list(rows.order_by("pk")[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return items, encode_cursor(items[-1].pk) if more and items else None
