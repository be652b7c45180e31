"""Report PDFs drawn on the worker, stored encrypted and cached until the report changes.

Drawing a PDF takes about a second of CPU on an idle machine; done inside the web request,
twenty readers asking at once waited 14–17 s each on two cores and every other page slowed to
1.5–1.8 s (bench/report_pdf.py; docs/reports.md has the figures before and after). So a
request only queues the drawing (``do_request_report_pdf``), the page shows its progress, and
the worker draws it (``do_render_report_pdf``, task ``render_report_pdf``) at a priority above
the other background work, since a person waits.

The cache has one row per (report, masking level, language). A file is served only while the
fingerprint it was drawn from equals the fingerprint of what the reader would get now
(``report_document.pdf_reading``): any change to the report, its latest review, the candidate's
name or the organisation makes a new drawing, and a reader is only ever served the file of
their own masking level.
"""

import time
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit, reveal

from .enums import PdfMasking, PdfStatus
from .models import Report, ReportPdf
from .report_document import PdfReading, pdf_reading

# django-tasks priorities run from -100 to 100 (default 0); re-screening runs at -10.
PDF_PRIORITY = 10
STARTED_PERCENT = 10
IN_PROGRESS = (PdfStatus.QUEUED, PdfStatus.RENDERING)


@dataclass(frozen=True)
class PdfState:
    """What the page shows about one reader's PDF: none yet, coming, ready or failed."""

    status: str  # "none" or a PdfStatus
    percent: int
    pdf: ReportPdf | None = None

    @property
    def is_ready(self) -> bool:
        return self.status == PdfStatus.READY

    @property
    def is_coming(self) -> bool:
        return self.status in IN_PROGRESS


NONE = "none"


def pdf_state(*, report: Report, reading: PdfReading) -> PdfState:
    """The state of the PDF this reading needs; a file of an older fingerprint counts as none."""
    return pdf_state_of_version(
        report=report,
        masking=reading.masking,
        language=reading.language,
        fingerprint=reading.fingerprint,
    )


def pdf_state_of_version(
    *, report: Report, masking: str, language: str, fingerprint: str
) -> PdfState:
    """The same for a version the caller already knows (the page's progress bar polls with the
    fingerprint the page was drawn with, so a poll costs one query, not a rendering)."""
    row = ReportPdf.objects.filter(report=report, masking=masking, language=language).first()
    if row is None:
        return PdfState(NONE, 0)
    if row.status == PdfStatus.READY:
        if row.fingerprint == fingerprint and row.file:
            return PdfState(PdfStatus.READY, 100, row)
        return PdfState(NONE, 0)
    if row.status in IN_PROGRESS:
        return PdfState(row.status, row.progress, row)
    return PdfState(PdfStatus.FAILED, 0, row)


def do_request_report_pdf(*, report: Report, reading: PdfReading) -> ReportPdf:
    """Queue the drawing of the PDF for this reading, unless it is ready or already coming.

    Asking again while a drawing of older content is under way queues another one: the task
    always draws the report as it is when it runs.
    """
    with transaction.atomic():
        row, created = ReportPdf.objects.select_for_update().get_or_create(
            report=report,
            masking=reading.masking,
            language=reading.language,
            defaults={"fingerprint": reading.fingerprint},
        )
        is_current = not created and row.fingerprint == reading.fingerprint
        if is_current and (
            row.status in IN_PROGRESS or (row.status == PdfStatus.READY and row.file)
        ):
            return row
        row.fingerprint = reading.fingerprint
        row.status = PdfStatus.QUEUED
        row.progress = 0
        row.error = ""
        row.requested_at = timezone.now()
        row.save(update_fields=["fingerprint", "status", "progress", "error", "requested_at"])
        pdf_id = row.pk
        transaction.on_commit(lambda: _enqueue_render(pdf_id))
    return row


def _enqueue_render(pdf_id: int) -> None:
    from .tasks import render_report_pdf

    render_report_pdf.using(priority=PDF_PRIORITY).enqueue(pdf_id)


def do_render_report_pdf(*, pdf_id: int) -> ReportPdf | None:
    """Draw the PDF of a cache row from the report as it is now, and store it encrypted.

    Idempotent: a row whose file still matches the report is left alone, so a task run twice
    (a worker restarted by requeue_stale_tasks) draws once.
    """
    row = ReportPdf.objects.select_related("report").filter(pk=pdf_id).first()
    if row is None:
        return None  # the report was deleted meanwhile
    reading = pdf_reading(report=row.report, masking=row.masking, language=row.language)
    if row.status == PdfStatus.READY and row.fingerprint == reading.fingerprint and row.file:
        return row
    from .report_pdf import html_to_pdf  # WeasyPrint is loaded by the worker only

    started = time.perf_counter()
    _set_progress(row, STARTED_PERCENT)
    try:
        data = html_to_pdf(reading.html, progress=lambda percent: _set_progress(row, percent))
    except Exception:
        ReportPdf.objects.filter(pk=row.pk).update(
            status=PdfStatus.FAILED, progress=0, error="render_failed", finished_at=timezone.now()
        )
        raise
    name = default_storage.save(
        f"report-pdfs/{row.report_id}/{reading.fingerprint[:16]}-{row.masking}-{row.language}.pdf",
        ContentFile(data),
    )
    previous = row.file.name
    ReportPdf.objects.filter(pk=row.pk).update(
        status=PdfStatus.READY,
        progress=100,
        file=name,
        fingerprint=reading.fingerprint,
        error="",
        finished_at=timezone.now(),
        render_seconds=round(time.perf_counter() - started, 3),
    )
    if previous and previous != name:
        default_storage.delete(previous)  # the drawing of older content: never served again
    row.refresh_from_db()
    return row


def _set_progress(row: ReportPdf, percent: int) -> None:
    # Outside any transaction, so the page's next poll sees it at once.
    ReportPdf.objects.filter(pk=row.pk).update(status=PdfStatus.RENDERING, progress=percent)


def do_export_report_pdf(*, pdf: ReportPdf, actor: Any) -> bytes:
    """The stored PDF's bytes, decrypted, for a reader whose reading it is; audited as an
    export (the PDF is made to be passed on)."""
    with default_storage.open(pdf.file.name, "rb") as stored:
        data = stored.read()
    if pdf.masking == PdfMasking.CLEAR:
        candidate_id = pdf.report.session.application.candidate_id
        reveal(actor=actor, object_type="candidate", object_id=candidate_id, fields=["name"])
    do_audit(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="report",
        object_id=pdf.report_id,
        detail={"format": "pdf", "masking": pdf.masking, "language": pdf.language},
    )
    return bytes(data)
