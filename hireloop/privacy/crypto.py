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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

from .masking import normalise_phone

PREFIX = "enc1"
NONCE_BYTES = 12
# Files are sealed as a stream of chunks (see iter_encrypted), never as one value in memory.
STREAM_MAGIC = b"HLS1"
STREAM_CHUNK_BYTES = 1024 * 1024
STREAM_PREFIX_BYTES = 7
_AEAD_TAG_BYTES = 16


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

    HMAC-SHA256 under a key derived from the oldest configured field key (so rotation does
    not change existing indexes) and used for nothing else: a phone number has too few
    possible values for a plain hash to hide it, and the AES key itself is kept for AES.
    """
    normalised = value.strip().lower().encode()
    return hmac.new(_blind_index_key(key_ring()), normalised, hashlib.sha256).hexdigest()


def phone_blind_index(phone: str) -> str:
    """blind_index of a phone number written any common way (masking.normalise_phone), so
    "+86 138-0000-1111" matches "13800001111"."""
    digits = normalise_phone(phone)
    return blind_index(digits) if digits else ""


def search_digest(kind: str, term: str) -> str:
    """The keyed hash of one search term (docs/search.md): HMAC-SHA256 of ``kind NUL term``.

    Its key is derived like blind_index's but with its own label, so a search term never
    equals a duplicate-detection index, and the kind is hashed in, so a name that happens to
    be spelled like an e-mail address never matches one.
    """
    message = f"{kind}\0{term}".encode()
    return hmac.new(_search_key(key_ring()), message, hashlib.sha256).hexdigest()


@lru_cache(maxsize=4)
def _blind_index_key(ring: KeyRing) -> bytes:
    return hmac.new(ring.keys[-1][1], b"hireloop blind index v1", hashlib.sha256).digest()


@lru_cache(maxsize=4)
def _search_key(ring: KeyRing) -> bytes:
    return hmac.new(ring.keys[-1][1], b"hireloop search index v1", hashlib.sha256).digest()


def iter_encrypted(
    source: IO[bytes], *, ring: KeyRing | None = None, chunk_size: int = STREAM_CHUNK_BYTES
) -> Iterator[bytes]:
    """Seal a file chunk by chunk, holding at most two chunks in memory.

    The format follows the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015):
    ``HLS1 | key id length | key id | 7-byte random prefix``, then for each chunk its 4-byte
    length and its AES-256-GCM ciphertext, the nonce being prefix + 4-byte chunk counter +
    1 byte that is 1 only on the last chunk, the header being the associated data. Chunks
    cannot be reordered, dropped, or cut off at the end without failing authentication.
    """
    ring = ring or key_ring()
    key_id = ring.current_id.encode()
    prefix = os.urandom(STREAM_PREFIX_BYTES)
    header = STREAM_MAGIC + bytes([len(key_id)]) + key_id + prefix
    aead = AESGCM(ring.key(ring.current_id))
    yield header
    counter = 0
    chunk = _read_full(source, chunk_size)
    while True:
        following = _read_full(source, chunk_size)
        is_last = not following
        sealed = aead.encrypt(_stream_nonce(prefix, counter, is_last=is_last), chunk, header)
        yield len(sealed).to_bytes(4, "big") + sealed
        if is_last:
            return
        chunk, counter = following, counter + 1


def decrypt_stream(
    source: IO[bytes],
    sink: IO[bytes],
    *,
    ring: KeyRing | None = None,
    max_chunk: int = STREAM_CHUNK_BYTES,
) -> None:
    """Open a file sealed by iter_encrypted into ``sink``, one chunk at a time."""
    ring = ring or key_ring()
    if source.read(len(STREAM_MAGIC)) != STREAM_MAGIC:
        raise KeyRingError("File is not an encrypted stream.")
    (id_length,) = source.read(1) or b"\x00"
    key_id = source.read(id_length)
    prefix = source.read(STREAM_PREFIX_BYTES)
    if len(key_id) != id_length or len(prefix) != STREAM_PREFIX_BYTES:
        raise KeyRingError("Encrypted file is damaged (header).")
    header = STREAM_MAGIC + bytes([id_length]) + key_id + prefix
    aead = AESGCM(ring.key(key_id.decode()))
    sealed = _read_sealed_chunk(source, max_chunk + _AEAD_TAG_BYTES)
    counter = 0
    while sealed is not None:
        following = _read_sealed_chunk(source, max_chunk + _AEAD_TAG_BYTES)
        nonce = _stream_nonce(prefix, counter, is_last=following is None)
        try:
            sink.write(aead.decrypt(nonce, sealed, header))
        except InvalidTag as error:
            raise KeyRingError("Encrypted file is damaged or cut short.") from error
        sealed, counter = following, counter + 1
    if counter == 0:
        raise KeyRingError("Encrypted file is damaged or cut short.")


def is_encrypted_stream(head: bytes) -> bool:
    return head[: len(STREAM_MAGIC)] == STREAM_MAGIC


def _stream_nonce(prefix: bytes, counter: int, *, is_last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if is_last else b"\x00")


def _read_sealed_chunk(source: IO[bytes], limit: int) -> bytes | None:
    size_bytes = _read_full(source, 4)
    if not size_bytes:
        return None
    size = int.from_bytes(size_bytes, "big")
    if len(size_bytes) != 4 or size > limit:
        raise KeyRingError("Encrypted file is damaged (chunk length).")
    sealed = _read_full(source, size)
    if len(sealed) != size:
        raise KeyRingError("Encrypted file is damaged or cut short.")
    return sealed


def _read_full(source: IO[bytes], size: int) -> bytes:
    """Exactly ``size`` bytes unless the end comes first (a read may return fewer)."""
    parts = []
    remaining = size
    while remaining:
        part = source.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)
