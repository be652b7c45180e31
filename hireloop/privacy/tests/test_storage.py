"""Files at rest: sealed in chunks, opened without holding the whole file, old files read."""

import io
import os

import pytest
from django.core.files.base import ContentFile, File

from hireloop.privacy import crypto
from hireloop.privacy.storage import EncryptedFileSystemStorage

KEY_A = "a:" + "11" * 32


@pytest.fixture
def storage(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    return EncryptedFileSystemStorage(location=tmp_path)


def seal(data: bytes, chunk_size: int) -> bytes:
    return b"".join(crypto.iter_encrypted(io.BytesIO(data), chunk_size=chunk_size))


def open_sealed(sealed: bytes, chunk_size: int) -> bytes:
    plain = io.BytesIO()
    crypto.decrypt_stream(io.BytesIO(sealed), plain, max_chunk=chunk_size)
    return plain.getvalue()


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 1000])
def test_stream_round_trips_at_every_chunk_boundary(settings, size):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    data = os.urandom(size)
    assert open_sealed(seal(data, 100), 100) == data


def test_a_stream_cut_short_reordered_or_altered_is_refused(settings):  # type: ignore[no-untyped-def]
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    sealed = seal(b"x" * 250, 100)  # three chunks of 100, 100 and 50 bytes
    chunk = 4 + 100 + 16
    header = len(sealed) - (2 * chunk + 4 + 50 + 16)
    first, second = sealed[header : header + chunk], sealed[header + chunk : header + 2 * chunk]
    for damaged in (
        sealed[: header + 2 * chunk],  # the last chunk dropped: the second is not marked last
        sealed[:header] + second + first + sealed[header + 2 * chunk :],
        sealed[:-1] + bytes([sealed[-1] ^ 1]),
        sealed[:header],
    ):
        with pytest.raises(crypto.KeyRingError):
            open_sealed(damaged, 100)


def test_storage_writes_chunks_and_reads_them_back(storage):  # type: ignore[no-untyped-def]
    data = os.urandom(3 * crypto.STREAM_CHUNK_BYTES + 5)
    name = storage.save("archive", File(io.BytesIO(data)))
    with open(storage.path(name), "rb") as raw:
        assert raw.read(4) == crypto.STREAM_MAGIC
    with storage.open(name) as opened:
        assert opened.read() == data
        assert opened.size == len(data)


def test_storage_never_moves_an_uploads_plaintext_file_into_place(storage, tmp_path):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import TemporaryUploadedFile

    upload = TemporaryUploadedFile("cv.pdf", "application/pdf", 0, None)
    upload.write(b"%PDF-1.7 plaintext resume")
    upload.seek(0)
    name = storage.save("resume", upload)
    assert os.path.exists(upload.temporary_file_path())  # read, not moved
    with open(storage.path(name), "rb") as raw:
        assert b"plaintext resume" not in raw.read()
    with storage.open(name) as opened:
        assert opened.read() == b"%PDF-1.7 plaintext resume"


def test_files_of_the_former_single_token_format_are_still_read(storage):  # type: ignore[no-untyped-def]
    legacy = crypto.encrypt_bytes(b"old resume")
    name = storage.save("legacy", ContentFile(b""))
    with open(storage.path(name), "wb") as raw:
        raw.write(legacy)
    with storage.open(name) as opened:
        assert opened.read() == b"old resume"
