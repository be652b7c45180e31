"""File storage that encrypts every file at rest (uploaded resumes, recordings)."""

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage

from . import crypto


class EncryptedFileSystemStorage(FileSystemStorage):
    """Files on disk are AES-256-GCM tokens; ``open`` returns the plaintext."""

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        sealed = crypto.encrypt_bytes(content.read())
        return super()._save(name, ContentFile(sealed))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        with super()._open(name, "rb") as stored:  # type: ignore[misc]
            plain = crypto.decrypt_bytes(stored.read())
        return ContentFile(plain, name=name)
