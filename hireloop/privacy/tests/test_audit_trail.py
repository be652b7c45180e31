"""The audit trail holds: every kind of tampering is found, and concurrent writers never fork."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from hireloop.privacy.audit import verify_audit_log
from hireloop.privacy.models import AuditAction, AuditEntry, AuditHead
from hireloop.privacy.services import do_audit

pytestmark = pytest.mark.django_db


def _write(actor, n: int) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    return [
        do_audit(
            actor=actor,
            action=AuditAction.REVEAL,
            object_type="candidate",
            object_id=i,
            detail={"fields": ["phone"], "note": "读取"},
        )
        for i in range(n)
    ]


def _sql(statement: str, *params) -> None:  # type: ignore[no-untyped-def]
    """What an attacker with write access to the database (and without the key) can do."""
    with connection.cursor() as cursor:
        cursor.execute(statement, list(params))


def _kinds() -> set[str]:
    return {problem.kind for problem in verify_audit_log().problems}


@pytest.fixture
def log(recruiter, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Five entries, committed as the web server would: their checkpoints are written."""
    with django_capture_on_commit_callbacks(execute=True):
        entries = _write(recruiter, 5)
    assert verify_audit_log().intact
    return entries


def test_an_untouched_log_verifies_with_its_checkpoints(log, settings) -> None:  # type: ignore[no-untyped-def]
    report = verify_audit_log()
    assert report.intact and report.entries == 5 and report.checkpoints == 5
    lines = settings.AUDIT_CHECKPOINT_FILE.read_text().splitlines()
    assert [json.loads(line)["count"] for line in lines] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("object_id", "'99'"),
        ("action", "'login'"),
        ("actor_label", "'someone_else'"),
        ("object_type", "'employee'"),
        ("detail", "'{}'"),
        ("at", "'2020-01-01 00:00:00'"),
    ],
)
def test_an_edited_field_is_found(log, column, value) -> None:  # type: ignore[no-untyped-def]
    _sql(f"UPDATE privacy_auditentry SET {column} = {value} WHERE id = %s", log[2].pk)  # noqa: S608
    problems = verify_audit_log().problems
    assert [(p.kind, p.entry_id) for p in problems] == [("edited", log[2].pk)]


def test_a_changed_actor_id_is_found(log, hr_admin) -> None:  # type: ignore[no-untyped-def]
    _sql("UPDATE privacy_auditentry SET actor_id = %s WHERE id = %s", hr_admin.pk, log[1].pk)
    assert _kinds() == {"edited"}


def test_a_deleted_middle_row_is_found(log) -> None:  # type: ignore[no-untyped-def]
    _sql("DELETE FROM privacy_auditentry WHERE id = %s", log[2].pk)
    problems = verify_audit_log().problems
    assert ("broken_link", log[3].pk) in [(p.kind, p.entry_id) for p in problems]


def test_deleted_tail_rows_are_found(log) -> None:  # type: ignore[no-untyped-def]
    _sql("DELETE FROM privacy_auditentry WHERE id >= %s", log[3].pk)
    assert "deleted_tail" in _kinds()


def test_deleted_tail_rows_with_the_head_moved_back_are_found(log) -> None:  # type: ignore[no-untyped-def]
    """The attacker also rewinds the head row: its MAC needs the key."""
    _sql("DELETE FROM privacy_auditentry WHERE id >= %s", log[3].pk)
    _sql(
        "UPDATE privacy_audithead SET count = 3, last_id = %s, last_mac = %s",
        log[2].pk,
        log[2].mac,
    )
    assert "head" in _kinds()


def test_deleted_tail_and_head_row_are_found_by_the_checkpoints(log) -> None:  # type: ignore[no-untyped-def]
    """Even with the head row deleted too, the checkpoints outside the database remember."""
    head = AuditHead.objects.get()
    _sql("DELETE FROM privacy_auditentry WHERE id >= %s", log[3].pk)
    _sql("DELETE FROM privacy_audithead")
    assert "head" in _kinds()
    # The head row re-created by the attacker with the old log id, but without the key.
    _sql(
        "INSERT INTO privacy_audithead (id, log_id, count, last_id, last_mac, mac) "
        "VALUES (1, %s, 3, %s, %s, %s)",
        head.log_id,
        log[2].pk,
        log[2].mac,
        head.mac,
    )
    assert {"head", "deleted_tail"} <= _kinds()


def test_a_log_rechained_without_the_key_is_found(log) -> None:  # type: ignore[no-untyped-def]
    """Recomputing every MAC with a guessed key (here: the old unkeyed SHA-256 scheme)."""
    import hashlib
    import hmac

    previous = ""
    for entry in AuditEntry.objects.order_by("id"):
        entry.previous_mac = previous
        entry.object_id = "rewritten"
        forged = entry.compute_mac(b"not-the-key")
        _sql(
            "UPDATE privacy_auditentry SET object_id = 'rewritten', previous_mac = %s, mac = %s "
            "WHERE id = %s",
            previous,
            forged,
            entry.pk,
        )
        previous = forged
    head = AuditHead.objects.get()
    head.last_mac = previous
    forged_head = hmac.new(b"not-the-key", b"x", hashlib.sha256).hexdigest()
    _sql("UPDATE privacy_audithead SET last_mac = %s, mac = %s", previous, forged_head)
    kinds = _kinds()
    assert "edited" in kinds and "deleted_tail" in kinds  # the checkpoints name the old MACs


def test_a_forked_chain_is_found(log, recruiter) -> None:  # type: ignore[no-untyped-def]
    """Two entries on the same predecessor, as two unserialised writers would make."""
    from django.conf import settings

    fork = AuditEntry(
        id=log[-1].pk + 1,
        at=log[-1].at,
        actor=recruiter,
        actor_label="recruiter",
        action="reveal",
        object_type="candidate",
        object_id="x",
        detail={},
        previous_mac=log[-2].mac,  # the same predecessor as the last entry
    )
    fork.mac = fork.compute_mac(settings.AUDIT_MAC_KEY)  # even with the key
    fork.save()
    assert ("broken_link", fork.pk) in [(p.kind, p.entry_id) for p in verify_audit_log().problems]


def test_a_forged_checkpoint_line_is_reported(log, settings) -> None:  # type: ignore[no-untyped-def]
    with open(settings.AUDIT_CHECKPOINT_FILE, "a") as checkpoints:
        checkpoints.write('{"count": 1, "head": "00", "last_id": 1, "log": "x", "sig": "00"}\n')
    assert _kinds() == {"checkpoint"}


def test_the_command_exits_non_zero_and_names_the_problem(log, capsys) -> None:  # type: ignore[no-untyped-def]
    from django.core.management.base import CommandError

    call_command("verify_audit_log")
    assert "intact: 5 entries, 5 checkpoints" in capsys.readouterr().out
    _sql("UPDATE privacy_auditentry SET object_id = '1' WHERE id = %s", log[0].pk)
    with pytest.raises(CommandError, match="1 problem"):
        call_command("verify_audit_log")
    assert "edited" in capsys.readouterr().err


def test_a_user_with_audit_entries_cannot_be_deleted(log, recruiter) -> None:  # type: ignore[no-untyped-def]
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        recruiter.delete()
    assert verify_audit_log().intact


def test_the_problems_read_in_the_readers_language(log) -> None:  # type: ignore[no-untyped-def]
    _sql("DELETE FROM privacy_auditentry WHERE id = %s", log[4].pk)
    problems = verify_audit_log().problems  # one report, cached for readers of both languages
    with translation.override("en"):
        english = [(p.kind_name, p.detail) for p in problems]
    with translation.override("zh-hans"):
        chinese = [(p.kind_name, p.detail) for p in problems]
    assert ("deleted entries", "the head names 5 entries ending at #5; the log has 4") in english
    assert ("记录被删除", "头记录记载共 5 条、最后一条为 #5；日志中实际有 4 条") in chinese
