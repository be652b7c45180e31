"""Model fields that keep personal data encrypted in the database."""

from typing import Any

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text stored as an AES-256-GCM token; Python code sees the plaintext.

    Encrypted values cannot be searched or ordered in SQL; pair the field with a
    ``blind_index`` column where equality look-ups are needed.
    """

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return crypto.decrypt_text(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and crypto.is_encrypted(value):
            return crypto.decrypt_text(value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt_text(str(value))


class EncryptedDateField(EncryptedTextField):
    """A date kept encrypted; read back as an ISO string (``YYYY-MM-DD``)."""

    def get_prep_value(self, value: Any) -> Any:
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        return super().get_prep_value(value)
