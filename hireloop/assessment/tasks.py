from django_tasks import task

from .report_pdfs import do_render_report_pdf
from .services import do_recompute_job_reports, do_rescore_session, do_score_session


@task()
def score_session(session_id: int) -> int:
    return do_score_session(session_id=session_id).pk


@task()
def recompute_job_reports(job_id: int) -> int:
    return do_recompute_job_reports(job_id=job_id)


@task()
def rescore_session(session_id: int) -> int:
    return do_rescore_session(session_id=session_id).pk


@task()
def render_report_pdf(pdf_id: int) -> int | None:
    """Draw a report's PDF for one masking level and language (report_pdfs)."""
    pdf = do_render_report_pdf(pdf_id=pdf_id)
    return pdf.pk if pdf is not None else None
