import pytest
from django.db import connection

from hireloop.candidates.models import Candidate
from hireloop.privacy import crypto, masking
from hireloop.privacy.models import AppendOnlyError, AuditAction, AuditEntry
from hireloop.privacy.rotation import do_rotate_keys
from hireloop.privacy.services import do_audit
from hireloop.testing.factories import CandidateFactory

KEY_A = "a:" + "11" * 32
KEY_B = "b:" + "22" * 32


def raw_column(model, pk: int, column: str) -> str:  # type: ignore[no-untyped-def]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM {model._meta.db_table} WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()[0]


def test_encryption_round_trips_and_hides_plaintext(settings):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    token = crypto.encrypt_text("张伟 13812341234")
    assert "张伟" not in token and "1381234" not in token
    assert token.startswith("enc1:a:")
    assert crypto.decrypt_text(token) == "张伟 13812341234"


def test_each_encryption_uses_a_fresh_nonce(settings):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    assert crypto.encrypt_text("same") != crypto.encrypt_text("same")


def test_tampered_ciphertext_is_refused(settings):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    token = crypto.encrypt_text("secret")
    prefix, payload = token.rsplit(":", 1)
    # Change a character in the middle: the last ones may only be base64 padding bits.
    middle = len(payload) // 2
    flipped = payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1 :]
    with pytest.raises(Exception):  # noqa: B017 - cryptography raises InvalidTag
        crypto.decrypt_text(f"{prefix}:{flipped}")


def test_malformed_key_configuration_is_a_clear_error() -> None:
    with pytest.raises(crypto.KeyRingError, match="32 bytes"):
        crypto.parse_key_ring("a:1234")
    with pytest.raises(crypto.KeyRingError, match="id:hexkey"):
        crypto.parse_key_ring("nokey")


@pytest.mark.django_db
def test_personal_fields_are_encrypted_in_the_table(organisation) -> None:  # type: ignore[no-untyped-def]
    candidate = CandidateFactory(organisation=organisation, name="欧阳娜娜", phone="13900001111")
    assert "欧阳娜娜" not in raw_column(Candidate, candidate.pk, "name")
    assert "13900001111" not in raw_column(Candidate, candidate.pk, "phone")
    assert Candidate.objects.get(pk=candidate.pk).name == "欧阳娜娜"


@pytest.mark.django_db
def test_key_rotation_re_encrypts_with_the_new_key(settings, organisation):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    candidate = CandidateFactory(organisation=organisation, name="李雷")
    assert crypto.key_id_of(raw_column(Candidate, candidate.pk, "name")) == "a"
    settings.FIELD_ENCRYPTION_KEYS = f"{KEY_B},{KEY_A}"
    assert Candidate.objects.get(pk=candidate.pk).name == "李雷"  # old key still reads
    assert do_rotate_keys() >= 1
    assert crypto.key_id_of(raw_column(Candidate, candidate.pk, "name")) == "b"
    settings.FIELD_ENCRYPTION_KEYS = KEY_B  # the old key can now be dropped
    assert Candidate.objects.get(pk=candidate.pk).name == "李雷"
    assert do_rotate_keys() == 0  # a second run finds nothing left to do


@pytest.mark.parametrize(
    ("value", "masked"),
    [("张伟", "张*"), ("欧阳娜娜", "欧***"), ("Alice Smith", "A**** S****")],
)
def test_mask_name(value: str, masked: str) -> None:
    assert masking.mask_name(value) == masked


def test_mask_phone_email_and_id() -> None:
    assert masking.mask_phone("13812341234") == "138****1234"
    assert masking.mask_phone("+86 138-1234-1234") == "138****1234"
    assert masking.mask_email("zhang.wei@example.com") == "z********@example.com"
    assert masking.mask_id_number("110101199003071234") == "1101**********1234"


@pytest.mark.django_db
def test_audit_log_is_append_only(recruiter) -> None:  # type: ignore[no-untyped-def]
    entry = do_audit(
        actor=recruiter, action=AuditAction.REVEAL, object_type="candidate", object_id=1
    )
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(action="login")
