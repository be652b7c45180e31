"""The audit trail: one writer at a time, keyed MACs, signed checkpoints, and their check.

Three layers, each catching what the one before cannot:

- the chain: every entry's MAC covers all its columns and the MAC before it, so an edited
  field, a removed middle row or a fork (two entries on one predecessor) breaks it;
- the head row (``AuditHead``): locked by every writer, so the chain cannot fork, and signed,
  so that removing the newest entries cannot be hidden by moving it back;
- checkpoints outside the database: after each commit the signed head and count are appended
  to ``settings.AUDIT_CHECKPOINT_FILE``, so that deleting the newest entries *and* the head row,
  or re-chaining the whole log, is still caught.

The MAC key comes from settings and never enters the database: whoever can write to the
database cannot forge a chain that verifies.
"""

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from .models import AuditEntry, AuditHead

HEAD_PK = 1


def _key() -> bytes:
    return bytes(settings.AUDIT_MAC_KEY)


def _locked_head() -> AuditHead:
    """The head row, locked for this transaction; created for an empty log."""
    head = AuditHead.objects.select_for_update().filter(pk=HEAD_PK).first()
    if head is None:
        head, _created = AuditHead.objects.get_or_create(
            pk=HEAD_PK, defaults={"log_id": secrets.token_hex(16)}
        )
        head = AuditHead.objects.select_for_update().get(pk=HEAD_PK)
    return head


def append_entry(
    *, actor: Any, action: str, object_type: str, object_id: Any, detail: dict | None = None
) -> AuditEntry:
    """Append one entry under the head's lock, so that writers queue instead of forking."""
    key = _key()
    with transaction.atomic():
        head = _locked_head()
        is_user = actor is not None and getattr(actor, "is_authenticated", False)
        entry = AuditEntry(
            id=head.last_id + 1,
            at=timezone.now(),
            actor=actor if is_user else None,
            actor_label=actor.get_username() if is_user else str(actor or "system"),
            action=action,
            object_type=object_type,
            object_id=str(object_id)[:64],
            # Stored as JSON and read back: the MAC must see exactly what the database keeps.
            detail=json.loads(json.dumps(detail or {}, default=str)),
            previous_mac=head.last_mac,
        )
        entry.mac = entry.compute_mac(key)
        entry.save()
        head.count += 1
        head.last_id, head.last_mac = entry.id, entry.mac
        head.mac = head.compute_mac(key)
        head.save()
        checkpoint = _checkpoint_line(head, key)
        transaction.on_commit(lambda: _append_checkpoint(checkpoint))
    return entry


def _checkpoint_line(head: AuditHead, key: bytes) -> str:
    body = {"log": head.log_id, "count": head.count, "last_id": head.last_id, "head": head.last_mac}
    return json.dumps({**body, "sig": _signature(body, key)}, sort_keys=True) + "\n"


def _signature(body: dict, key: bytes) -> str:
    """HMAC of a checkpoint's fields: written with each line, checked when it is read."""
    return hmac.new(key, json.dumps(body, sort_keys=True).encode(), hashlib.sha256).hexdigest()


def _append_checkpoint(line: str) -> None:
    """One write() with O_APPEND: lines from several processes never interleave."""
    path = settings.AUDIT_CHECKPOINT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode())
    finally:
        os.close(descriptor)


# --- verification ------------------------------------------------------------------------


# The kinds of problem, as the audit log's page names them.
PROBLEM_KINDS = {
    "edited": gettext_lazy("edited entry"),
    "broken_link": gettext_lazy("broken link"),
    "head": gettext_lazy("head row"),
    "deleted_tail": gettext_lazy("deleted entries"),
    "checkpoint": gettext_lazy("checkpoint"),
}


@dataclass(frozen=True)
class Problem:
    """One way the log does not hold: kind, the entry (or checkpoint) concerned, and why.

    Why is kept as an English sentence and its values, and read in the reader's language
    (``detail``): the report is cached for a minute, for readers of either language.
    """

    kind: str  # edited | broken_link | head | deleted_tail | checkpoint
    entry_id: int | None
    message: str  # marked with gettext_noop; %(name)s for the values in params
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def detail(self) -> str:
        return gettext(self.message) % self.params

    @property
    def kind_name(self) -> str:
        return str(PROBLEM_KINDS.get(self.kind, self.kind))


@dataclass
class AuditReport:
    entries: int = 0
    checkpoints: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_audit_log() -> AuditReport:
    """Walk the chain, then the head row, then the checkpoints outside the database."""
    key = _key()
    report = AuditReport()
    macs: dict[int, str] = {}
    previous = ""
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        report.entries += 1
        if entry.compute_mac(key) != entry.mac:
            report.problems.append(
                Problem("edited", entry.id, gettext_noop("MAC does not match the entry"))
            )
        if entry.previous_mac != previous:
            report.problems.append(
                Problem(
                    "broken_link",
                    entry.id,
                    gettext_noop("the entry before it is missing or forked"),
                )
            )
        macs[entry.id] = entry.mac
        previous = entry.mac
    head = AuditHead.objects.filter(pk=HEAD_PK).first()
    _check_head(head, report, previous, key)
    _check_checkpoints(head, report, macs, key)
    return report


def _check_head(head: AuditHead | None, report: AuditReport, last: str, key: bytes) -> None:
    if head is None:
        if report.entries:
            report.problems.append(Problem("head", None, gettext_noop("the head row is missing")))
        return
    if head.compute_mac(key) != head.mac:
        report.problems.append(
            Problem("head", None, gettext_noop("the head row's MAC does not match"))
        )
    elif head.count != report.entries or head.last_mac != last:
        report.problems.append(
            Problem(
                "deleted_tail",
                head.last_id,
                gettext_noop(
                    "the head names %(count)s entries ending at #%(last)s; the log has %(entries)s"
                ),
                {"count": head.count, "last": head.last_id, "entries": report.entries},
            )
        )


def _check_checkpoints(
    head: AuditHead | None, report: AuditReport, macs: dict[int, str], key: bytes
) -> None:
    """Every checkpoint of this log must still be in the chain, with the same MAC."""
    path = settings.AUDIT_CHECKPOINT_FILE
    if head is None or not path.exists():
        return
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            checkpoint = _read_checkpoint(line, key)
            if checkpoint is None:
                report.problems.append(
                    Problem(
                        "checkpoint",
                        None,
                        gettext_noop("line %(number)s is not signed"),
                        {"number": number},
                    )
                )
                continue
            if checkpoint["log"] != head.log_id:
                continue  # another database's log shares the file
            report.checkpoints += 1
            if macs.get(checkpoint["last_id"]) != checkpoint["head"]:
                report.problems.append(
                    Problem(
                        "deleted_tail",
                        checkpoint["last_id"],
                        gettext_noop(
                            "checkpoint %(number)s names entry #%(last)s of %(count)s, which "
                            "the log no longer holds as signed"
                        ),
                        {
                            "number": number,
                            "last": checkpoint["last_id"],
                            "count": checkpoint["count"],
                        },
                    )
                )


def _read_checkpoint(line: str, key: bytes) -> dict | None:
    try:
        values = json.loads(line)
        body = {name: values[name] for name in ("log", "count", "last_id", "head")}
        signature = values["sig"]
    except (ValueError, KeyError, TypeError):
        return None
    return body if hmac.compare_digest(_signature(body, key), str(signature)) else None


# --- reading ------------------------------------------------------------------------------


def search_audit_log(
    *,
    action: str = "",
    object_type: str = "",
    actor: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """Entries matching every filter given, newest first."""
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    return entries.order_by("-id")


def audit_object_types() -> list[str]:
    # order_by replaces the model's ordering by id, which would make every row distinct.
    entries = AuditEntry.objects.order_by("object_type")
    return list(entries.values_list("object_type", flat=True).distinct())
