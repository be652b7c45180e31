"""AES-256-GCM encryption of personal data with a key ring that supports rotation.

A ciphertext names the key that wrote it (``enc1:<key id>:<base64 nonce+ciphertext>``), so
keys can be rotated: new writes use the first key of ``FIELD_ENCRYPTION_KEYS`` and reads
find the old key by its id until ``manage.py rotate_field_keys`` has re-encrypted every row.
Implements PIPL Art. 51 (encryption of personal information).
"""

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "enc1"
NONCE_BYTES = 12


class KeyRingError(ValueError):
    """The configured keys are missing, malformed, or do not open a stored value."""


@dataclass(frozen=True)
class KeyRing:
    keys: tuple[tuple[str, bytes], ...]  # (key id, 32-byte key), newest first

    @property
    def current_id(self) -> str:
        return self.keys[0][0]

    def key(self, key_id: str) -> bytes:
        for candidate_id, key in self.keys:
            if candidate_id == key_id:
                return key
        raise KeyRingError(f"No encryption key with id {key_id!r} is configured.")


def parse_key_ring(spec: str) -> KeyRing:
    """Parse ``"id:hex64,id:hex64"`` into a key ring, newest key first."""
    keys = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key_id, sep, hex_key = part.partition(":")
        if not sep or not key_id:
            raise KeyRingError("Each field key must be written as id:hexkey.")
        try:
            key = bytes.fromhex(hex_key)
        except ValueError as error:
            raise KeyRingError(f"Field key {key_id!r} is not hexadecimal.") from error
        if len(key) != 32:
            raise KeyRingError(f"Field key {key_id!r} must be 32 bytes (AES-256).")
        keys.append((key_id, key))
    if not keys:
        raise KeyRingError("No field encryption key is configured.")
    return KeyRing(tuple(keys))


@lru_cache(maxsize=4)
def _ring_for(spec: str) -> KeyRing:
    return parse_key_ring(spec)


def key_ring() -> KeyRing:
    return _ring_for(settings.FIELD_ENCRYPTION_KEYS)


def encrypt_bytes(data: bytes, *, ring: KeyRing | None = None) -> bytes:
    ring = ring or key_ring()
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(ring.key(ring.current_id)).encrypt(nonce, data, ring.current_id.encode())
    return f"{PREFIX}:{ring.current_id}:".encode() + base64.b64encode(nonce + sealed)


def decrypt_bytes(token: bytes, *, ring: KeyRing | None = None) -> bytes:
    ring = ring or key_ring()
    try:
        prefix, key_id, payload = token.split(b":", 2)
    except ValueError as error:
        raise KeyRingError("Value is not an encrypted token.") from error
    if prefix.decode() != PREFIX:
        raise KeyRingError("Value is not an encrypted token.")
    raw = base64.b64decode(payload)
    key_id_text = key_id.decode()
    return AESGCM(ring.key(key_id_text)).decrypt(
        raw[:NONCE_BYTES], raw[NONCE_BYTES:], key_id_text.encode()
    )


def encrypt_text(text: str) -> str:
    return encrypt_bytes(text.encode()).decode()


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode()).decode()


def is_encrypted(value: str | bytes) -> bool:
    head = value[: len(PREFIX) + 1]
    return head in (f"{PREFIX}:", f"{PREFIX}:".encode())


def key_id_of(token: str) -> str:
    return token.split(":", 2)[1]


def blind_index(value: str) -> str:
    """A keyed hash for equality look-ups (e.g. the same e-mail twice) without the plaintext.

    Keyed with the oldest configured key so that rotation does not change existing indexes.
    """
    normalised = value.strip().lower().encode()
    return hmac.new(key_ring().keys[-1][1], normalised, hashlib.sha256).hexdigest()
