"""Model fields that keep personal data encrypted in the database."""

import json
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


class EncryptedJSONField(EncryptedTextField):
    """JSON kept encrypted: for structures that quote personal data (parsed resumes, evidence)."""

    # Tell django-stubs that Python code reads and writes JSON values, not strings.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        text = super().from_db_value(value, expression, connection)
        return json.loads(text) if text else self.get_default()

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            text = crypto.decrypt_text(value) if crypto.is_encrypted(value) else value
            return json.loads(text) if text else self.get_default()
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt_text(json.dumps(value, ensure_ascii=False, sort_keys=True))

    def value_to_string(self, obj: Any) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)
