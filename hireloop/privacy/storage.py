"""File storage that encrypts every file at rest (uploaded resumes, archives, recordings)."""

import tempfile
from collections.abc import Iterator
from typing import Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete

from . import crypto

# An opened file is decrypted into memory up to this size (a resume is at most 10 MB), and
# into an anonymous temporary file beyond it (a zip of thousands of resumes).
OPEN_IN_MEMORY_BYTES = 16 * 1024 * 1024


class EncryptedFileSystemStorage(FileSystemStorage):
    """Files on disk are sealed in 1 MiB AES-256-GCM chunks; ``open`` returns the plaintext.

    Neither saving nor opening holds a whole file in memory (crypto.iter_encrypted), so a
    500 MB upload costs a few MiB of memory. Files written before the chunked format (one
    ``enc1:`` token) are still read.
    """

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        return super()._save(name, _SealedFile(content))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        with super()._open(name, "rb") as stored:  # type: ignore[misc]
            head = stored.read(len(crypto.STREAM_MAGIC))
            stored.seek(0)
            if not crypto.is_encrypted_stream(head):  # the former single-token format
                return ContentFile(crypto.decrypt_bytes(stored.read()), name=name)
            plain = tempfile.SpooledTemporaryFile(max_size=OPEN_IN_MEMORY_BYTES)  # noqa: SIM115 - returned open
            try:
                crypto.decrypt_stream(stored, plain)
            except BaseException:
                plain.close()
                raise
        plain.seek(0)
        return File(plain, name=name)


class _SealedFile(File):
    """The ciphertext of ``content`` as FileSystemStorage._save reads it: chunk by chunk.

    It has no temporary_file_path, so the storage cannot move an upload's plaintext
    temporary file into place instead of writing the ciphertext.
    """

    def __init__(self, content: Any) -> None:
        super().__init__(None, name=getattr(content, "name", None))
        self._content = content

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return crypto.iter_encrypted(self._content)


def delete_files_with_rows(model: type[models.Model], field: str = "file") -> None:
    """A deleted row of ``model`` takes its stored file with it once the deletion commits.

    Personal data must not outlive its row (an erased candidate, a deleted report), and a
    rolled-back deletion must lose nothing, hence on_commit. Cascaded deletions send
    post_delete for every row too, since Django collects rows one by one for a model that
    has receivers.
    """

    def delete_file(sender: type, instance: models.Model, **kwargs: Any) -> None:
        name = getattr(instance, field).name
        if name:
            transaction.on_commit(lambda: default_storage.delete(name))

    post_delete.connect(delete_file, sender=model, weak=False, dispatch_uid=f"{model}.{field}")
