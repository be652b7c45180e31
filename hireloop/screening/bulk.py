"""Bulk upload: many resume files or one zip, expanded by the worker, with visible progress.

A zip from a stranger is untrusted input too. Nothing is extracted to disk: each member is
read into memory with a size cap and handed to the normal intake, so the sandboxed parser
sees it like any uploaded file. Members that are too large, empty, or compressed far beyond
what documents allow (a "zip bomb") are refused with a reason HR can act on, and the rest of
the archive is still read. The whole archive is refused when its members' data overlap (one
compressed block counted many times, the bomb of Fifield 2019) or when it expands beyond
``BULK_UPLOAD_MAX_EXPANDED_BYTES``, counted in bytes actually read, not as declared.

The archive is never held whole in memory: the upload arrives in a temporary file, is sealed
to storage chunk by chunk, and the worker opens it as a file (privacy/storage.py).
"""

import io
import secrets
import struct
import zipfile
from dataclasses import dataclass
from itertools import pairwise
from pathlib import PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.db.models import Count, Q, Sum

from hireloop.candidates.enums import ResumeStatus
from hireloop.jobs.models import Job
from hireloop.jobs.services import check_job_accepts_candidates, check_may_manage_job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit

from .enums import BatchStatus
from .models import UploadBatch, UploadBatchItem
from .services import (
    ResumeRejected,
    check_upload,
    clean_filename,
    do_intake_resume,
    do_parse_resumes,
)

ZIP_MAGIC = b"PK\x03\x04"
# Documents compress maybe 10:1; text 20:1. Far beyond that is a bomb, not a resume.
MAX_COMPRESSION_RATIO = 200
# Operating-system litter that is never a resume.
IGNORED_PARTS = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")
# A member's local header: signature … file name length (offset 26), extra field length (28).
LOCAL_HEADER = struct.Struct("<4s22xHH")


class ArchiveRefused(ResumeRejected):
    """The whole archive is refused (a bomb, too large expanded), not one member."""

    code = "archive_refused"


def is_zip(data: bytes) -> bool:
    return data[:4] == ZIP_MAGIC


def starts_like_zip(upload: IO[bytes]) -> bool:
    """Whether an uploaded file begins like a zip, read without loading the file."""
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC))
    upload.seek(0)
    return is_zip(head)


def _new_batch(job: Job, actor: Any, **fields: Any) -> UploadBatch:
    return UploadBatch.objects.create(
        job=job, created_by=actor, token=secrets.token_hex(16), **fields
    )


def do_receive_files(
    *, job: Job, files: list[tuple[str, bytes | IO[bytes], str]], actor: Any
) -> UploadBatch:
    """Store several uploaded files as one batch; each is queued for parsing.

    ``files`` are (name, data or an open file, content type); a file is read only once its
    size is known to be within the limit, one at a time. Refused files are recorded on the
    batch, so the page can say which ones and why, and the others are still taken.
    """
    check_may_manage_job(actor, job)
    check_job_accepts_candidates(job)
    with transaction.atomic():
        batch = _new_batch(job, actor, status=BatchStatus.EXPANDED)
        rejected = []
        for position, (name, source, content_type) in enumerate(files):
            try:
                data = _read_within_limit(name, source)
                resume = do_intake_resume(
                    job=job,
                    filename=name,
                    data=data,
                    content_type=content_type,
                    actor=actor,
                    read_alone=False,
                )
            except ResumeRejected as error:
                rejected.append(error.stored())
                continue
            UploadBatchItem.objects.create(batch=batch, resume=resume, position=position)
        if rejected:
            batch.rejected = rejected
            batch.save(update_fields=["rejected"])
        _enqueue_reading(batch.pk)
    return batch


def _read_within_limit(name: str, source: bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes):
        return source
    size = getattr(source, "size", None)
    if size is not None:  # refuse a huge file before reading any of it
        check_upload(filename=clean_filename(name), size=size)
    source.seek(0)
    return source.read(settings.RESUME_MAX_BYTES + 1)


def do_receive_zip(*, job: Job, filename: str, data: bytes | IO[bytes], actor: Any) -> UploadBatch:
    """Store a zip of resumes, encrypted, and queue its expansion on the worker.

    ``data`` may be an open file (an upload in its temporary file): it is checked and sealed
    to storage in chunks, never read whole into memory.
    """
    check_may_manage_job(actor, job)
    check_job_accepts_candidates(job)
    label = clean_filename(filename or "archive.zip")
    source: IO[bytes] = io.BytesIO(data) if isinstance(data, bytes) else data
    source.seek(0, io.SEEK_END)
    if source.tell() > settings.BULK_UPLOAD_MAX_BYTES:
        limit_mb = settings.BULK_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise ResumeRejected("archive_too_large", name=label, limit=limit_mb)
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            resume_members(archive, source=source, label=label)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ResumeRejected("not_a_zip", name=label) from error
    source.seek(0)
    with transaction.atomic():
        batch = _new_batch(job, actor, archive_name=label)
        batch.archive.save(batch.token, File(source), save=True)
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
    # The archive is opened as a file (decrypted into a temporary file, not memory) and kept
    # open while its members are read one by one.
    with batch.archive.open("rb") as handle:
        return _expand(batch, handle.file)


def _expand(batch: UploadBatch, handle: IO[bytes]) -> UploadBatch:
    try:
        archive = zipfile.ZipFile(handle)
        members = resume_members(archive, source=handle, label=batch.archive_name)
    except ArchiveRefused as refusal:
        return _fail(batch, refusal)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        # The library's own words (English): a detail for whoever fixes the archive.
        return _fail(batch, ResumeRejected("archive_unreadable", error=str(error)))
    done = set(batch.items.values_list("position", flat=True))
    rejected = list(batch.rejected)
    # Bytes already expanded by an earlier, interrupted run count against the same budget.
    budget = settings.BULK_UPLOAD_MAX_EXPANDED_BYTES - (
        batch.items.aggregate(total=Sum("resume__size"))["total"] or 0
    )
    for position, info in members:
        if position in done:
            continue
        try:
            data = read_member(archive, info, budget=budget)
            budget -= len(data)
            with transaction.atomic():
                resume = do_intake_resume(
                    job=batch.job,
                    filename=PurePosixPath(info.filename).name or info.filename,
                    data=data,
                    actor=batch.created_by,
                    read_alone=False,
                )
                UploadBatchItem.objects.create(batch=batch, resume=resume, position=position)
        except ArchiveRefused as refusal:
            # Expanded past the cap (the declared sizes lied): what was stored is kept and
            # read; the rest of the archive is not.
            rejected.append(refusal.stored())
            break
        except ResumeRejected as error:
            rejected.append(error.stored())
    _finish(batch, rejected)
    return batch


def resume_members(
    archive: zipfile.ZipFile, *, source: IO[bytes], label: str = ""
) -> list[tuple[int, zipfile.ZipInfo]]:
    """(position, member) for every file that could be a resume, at most the set limit.

    Raises ArchiveRefused for an archive that must not be expanded at all: members sharing
    data, or a declared expanded size over the cap.
    """
    infos = archive.infolist()
    check_members_apart(infos, source=source, label=label)
    members = [
        (position, info)
        for position, info in enumerate(infos)
        if not info.is_dir() and not _is_litter(info.filename)
    ]
    if len(members) > settings.BULK_UPLOAD_MAX_FILES:
        raise ArchiveRefused(
            "too_many_files",
            name=label,
            count=len(members),
            limit=settings.BULK_UPLOAD_MAX_FILES,
        )
    declared = sum(info.file_size for _position, info in members)
    if declared > settings.BULK_UPLOAD_MAX_EXPANDED_BYTES:
        raise _expanded_too_large(label)
    return members


def check_members_apart(infos: list[zipfile.ZipInfo], *, source: IO[bytes], label: str) -> None:
    """Refuse an archive whose members' stored data overlap or repeat.

    Each member owns the bytes from its local header (``header_offset``) to the end of its
    compressed data (header, name, extra field, ``compress_size``). In a normal zip these
    spans follow one another; a bomb points many entries at one compressed block, so
    30 entries of 8 MB cost 408 KB (the testers' case) and 20,000 would expand to 266 GB.
    """
    spans = []
    for info in infos:
        source.seek(info.header_offset)
        header = source.read(LOCAL_HEADER.size)
        if len(header) != LOCAL_HEADER.size or header[:4] != ZIP_MAGIC:
            raise ArchiveRefused("entry_outside", name=label)
        _signature, name_length, extra_length = LOCAL_HEADER.unpack(header)
        start = info.header_offset
        spans.append(
            (start, start + LOCAL_HEADER.size + name_length + extra_length + info.compress_size)
        )
    spans.sort()
    for (_start, end), (next_start, _end) in pairwise(spans):
        if next_start < end:
            raise ArchiveRefused("shared_data", name=label)


def _expanded_too_large(label: str) -> ArchiveRefused:
    """label: the archive's name; "" reads "The archive"."""
    limit_mb = settings.BULK_UPLOAD_MAX_EXPANDED_BYTES // (1024 * 1024)
    return ArchiveRefused("expands_too_far", name=label, limit=limit_mb)


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, budget: int | None = None
) -> bytes:
    """One member's bytes, never more than the resume size limit, bombs refused.

    ``budget`` is what the archive may still expand to: more is never read (ArchiveRefused).
    """
    name = clean_filename(PurePosixPath(info.filename).name or info.filename)
    if info.flag_bits & 0x1:
        raise ResumeRejected("member_encrypted", name=name)
    ratio = info.file_size / max(1, info.compress_size)
    if ratio > MAX_COMPRESSION_RATIO:
        raise ResumeRejected("member_bomb", name=name, ratio=int(ratio))
    check_upload(filename=name, size=info.file_size)
    limit = settings.RESUME_MAX_BYTES if budget is None else min(settings.RESUME_MAX_BYTES, budget)
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)  # the declared size may lie; the read may not
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as error:
        raise ResumeRejected("member_unpack_failed", name=name, error=str(error)) from error
    if budget is not None and len(data) > budget:
        raise _expanded_too_large("")
    check_upload(filename=name, size=len(data))
    return data


def _is_litter(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(part in IGNORED_PARTS or part.startswith("._") for part in parts)


def _finish(batch: UploadBatch, rejected: list[dict[str, Any]]) -> None:
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


def _fail(batch: UploadBatch, refusal: ResumeRejected) -> UploadBatch:
    batch.status = BatchStatus.FAILED
    batch.error_code, batch.error_params = refusal.reason, refusal.params
    batch.save(update_fields=["status", "error_code", "error_params"])
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
