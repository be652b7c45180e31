"""Bulk upload: many resume files or one zip, expanded by the worker, with visible progress.

A zip from a stranger is untrusted input too. Nothing is extracted to disk: each member is
read into memory with a size cap and handed to the normal intake, so the sandboxed parser
sees it like any uploaded file. Members that are too large, empty, or compressed far beyond
what documents allow (a "zip bomb") are refused with a sentence HR can act on, and the rest of
the archive is still read.
"""

import io
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from hireloop.candidates.enums import ResumeStatus
from hireloop.jobs.models import Job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit

from .enums import BatchStatus
from .models import UploadBatch, UploadBatchItem
from .services import ResumeRejected, check_upload, do_intake_resume, do_parse_resumes

ZIP_MAGIC = b"PK\x03\x04"
# Documents compress maybe 10:1; text 20:1. Far beyond that is a bomb, not a resume.
MAX_COMPRESSION_RATIO = 200
# Operating-system litter that is never a resume.
IGNORED_PARTS = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")


def is_zip(data: bytes) -> bool:
    return data[:4] == ZIP_MAGIC


def _new_batch(job: Job, actor: Any, **fields: Any) -> UploadBatch:
    return UploadBatch.objects.create(
        job=job, created_by=actor, token=secrets.token_hex(16), **fields
    )


def do_receive_files(*, job: Job, files: list[tuple[str, bytes, str]], actor: Any) -> UploadBatch:
    """Store several uploaded files as one batch; each is queued for parsing.

    ``files`` are (name, data, content type). Refused files are recorded on the batch, so the
    page can say which ones and why, and the others are still taken.
    """
    with transaction.atomic():
        batch = _new_batch(job, actor, status=BatchStatus.EXPANDED)
        rejected = []
        for position, (name, data, content_type) in enumerate(files):
            try:
                resume = do_intake_resume(
                    job=job,
                    filename=name,
                    data=data,
                    content_type=content_type,
                    actor=actor,
                    read_alone=False,
                )
            except ResumeRejected as error:
                rejected.append(str(error))
                continue
            UploadBatchItem.objects.create(batch=batch, resume=resume, position=position)
        if rejected:
            batch.rejected = rejected
            batch.save(update_fields=["rejected"])
        _enqueue_reading(batch.pk)
    return batch


def do_receive_zip(*, job: Job, filename: str, data: bytes, actor: Any) -> UploadBatch:
    """Store a zip of resumes, encrypted, and queue its expansion on the worker."""
    label = filename or "archive.zip"
    if len(data) > settings.BULK_UPLOAD_MAX_BYTES:
        limit_mb = settings.BULK_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise ResumeRejected(
            _("%(name)s is larger than the %(limit)d MB limit for an archive.")
            % {"name": label, "limit": limit_mb}
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ResumeRejected(_("%(name)s is not a readable zip archive.") % {"name": label})
    with transaction.atomic():
        batch = _new_batch(job, actor, archive_name=label)
        batch.archive.save(batch.token, ContentFile(data), save=True)
        do_audit(
            actor=actor, action=AuditAction.CREATE, object_type="upload_batch", object_id=batch.pk
        )
        transaction.on_commit(lambda: _enqueue_expansion(batch.pk))
    return batch


def _enqueue_expansion(batch_id: int) -> None:
    from .tasks import expand_zip

    expand_zip.enqueue(batch_id)


def do_expand_zip(*, batch_id: int) -> UploadBatch:
    """Turn each resume in the batch's zip into an application; idempotent and resumable.

    A worker killed half-way leaves the members it stored; the next run skips them (by
    position) and goes on, so no resume is lost or stored twice.
    """
    batch = UploadBatch.objects.select_related("job", "created_by").get(pk=batch_id)
    if batch.status != BatchStatus.RECEIVED:
        return batch
    try:
        with batch.archive.open("rb") as handle:
            archive = zipfile.ZipFile(io.BytesIO(handle.read()))
        members = resume_members(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        return _fail(batch, _("The archive could not be read: %(error)s") % {"error": error})
    done = set(batch.items.values_list("position", flat=True))
    rejected = list(batch.rejected)
    for position, info in members:
        if position in done:
            continue
        try:
            data = read_member(archive, info)
            with transaction.atomic():
                resume = do_intake_resume(
                    job=batch.job,
                    filename=PurePosixPath(info.filename).name,
                    data=data,
                    actor=batch.created_by,
                    read_alone=False,
                )
                UploadBatchItem.objects.create(batch=batch, resume=resume, position=position)
        except ResumeRejected as error:
            rejected.append(str(error))
    _finish(batch, rejected)
    return batch


def resume_members(archive: zipfile.ZipFile) -> list[tuple[int, zipfile.ZipInfo]]:
    """(position, member) for every file that could be a resume, at most the set limit."""
    members = [
        (position, info)
        for position, info in enumerate(archive.infolist())
        if not info.is_dir() and not _is_litter(info.filename)
    ]
    if len(members) > settings.BULK_UPLOAD_MAX_FILES:
        raise ValueError(
            _("it holds %(count)d files; at most %(limit)d are read from one archive")
            % {"count": len(members), "limit": settings.BULK_UPLOAD_MAX_FILES}
        )
    return members


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes, never more than the resume size limit, bombs refused."""
    name = PurePosixPath(info.filename).name or info.filename
    if info.flag_bits & 0x1:
        raise ResumeRejected(_("%(name)s is encrypted in the archive.") % {"name": name})
    ratio = info.file_size / max(1, info.compress_size)
    if ratio > MAX_COMPRESSION_RATIO:
        raise ResumeRejected(
            _("%(name)s expands %(ratio)d times: refused as a possible zip bomb.")
            % {"name": name, "ratio": ratio}
        )
    check_upload(filename=name, size=info.file_size)
    limit = settings.RESUME_MAX_BYTES
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)  # the declared size may lie; the read may not
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as error:
        raise ResumeRejected(
            _("%(name)s could not be unpacked: %(error)s") % {"name": name, "error": error}
        ) from error
    check_upload(filename=name, size=len(data))
    return data


def _is_litter(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(part in IGNORED_PARTS or part.startswith("._") for part in parts)


def _finish(batch: UploadBatch, rejected: list[str]) -> None:
    with transaction.atomic():
        batch.rejected = rejected
        batch.status = BatchStatus.EXPANDED
        batch.save(update_fields=["rejected", "status"])
        _enqueue_reading(batch.pk)
    # The resumes now hold the data; the archive would only be a second copy of it.
    batch.archive.delete(save=True)


def _enqueue_reading(batch_id: int) -> None:
    """Queue the reading of the batch's resumes in the caller's transaction (not after
    commit): a worker that dies just after the commit cannot leave a batch with no task."""
    from .tasks import parse_batch

    parse_batch.enqueue(batch_id)


def do_parse_batch(*, batch_id: int) -> int:
    """Read and screen the batch's resumes that are still waiting, through one sandbox pool
    (do_parse_resumes); idempotent, so a re-run after a killed worker reads only the rest."""
    waiting = UploadBatchItem.objects.filter(
        batch_id=batch_id, resume__status=ResumeStatus.PENDING
    ).values_list("resume_id", flat=True)
    return do_parse_resumes(resume_ids=list(waiting))


def _fail(batch: UploadBatch, message: str) -> UploadBatch:
    batch.status = BatchStatus.FAILED
    batch.error = message
    batch.save(update_fields=["status", "error"])
    batch.archive.delete(save=True)
    return batch


@dataclass(frozen=True)
class BatchProgress:
    batch: UploadBatch
    total: int
    parsed: int
    failed: int
    rejected: int

    @property
    def pending(self) -> int:
        return self.total - self.parsed - self.failed

    @property
    def is_finished(self) -> bool:
        return self.batch.status != BatchStatus.RECEIVED and self.pending == 0

    @property
    def percent(self) -> int:
        if self.batch.status == BatchStatus.RECEIVED:
            return 0
        return 100 if not self.total else round(100 * (self.parsed + self.failed) / self.total)


def batch_progress(batches: list[UploadBatch]) -> list[BatchProgress]:
    """How far each batch has got: one query for all of them."""
    counts = {
        row["pk"]: row
        for row in UploadBatch.objects.filter(pk__in=[b.pk for b in batches])
        .annotate(
            total=Count("items"),
            parsed=Count("items", filter=Q(items__resume__status=ResumeStatus.PARSED)),
            failed=Count("items", filter=Q(items__resume__status=ResumeStatus.FAILED)),
        )
        .values("pk", "total", "parsed", "failed")
    }
    return [
        BatchProgress(
            batch=b,
            total=counts[b.pk]["total"],
            parsed=counts[b.pk]["parsed"],
            failed=counts[b.pk]["failed"],
            rejected=len(b.rejected),
        )
        for b in batches
    ]
