"""The interview report as an A4 PDF, rendered offline with WeasyPrint (on the worker: see
``report_pdfs``; the HTML comes from ``report_document.pdf_reading``).

WeasyPrint needs pango and, for Chinese, a CJK font (scripts/ensure_system_packages.sh installs
both). Nothing is fetched while rendering: the base URL is the local static folder and the URL
fetcher serves only data: URLs and files inside it. User text is escaped by the template anyway;
the fetcher is the second line of defence against an <img src="http://…"> leaking who reads a
report, or a file: URL reading the server's files.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# Progress after each step, in proportion to the time the steps took on the demo reports (2
# cores): building the HTML ~5 %, the layout ~35 %, writing the PDF with its font subsets ~50 %.
LAID_OUT_PERCENT = 45
WRITTEN_PERCENT = 90


class ReportRenderingRefused(ValueError):
    """A resource outside the local static folder was requested while rendering."""


class OfflineFetcher(URLFetcher):
    """Serves data: URLs and files under `root`; refuses every other URL."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self.root = root.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if not path.is_relative_to(self.root):
                raise ReportRenderingRefused(f"Refused to read {path}: not a static file.")
        elif scheme != "data":
            raise ReportRenderingRefused(f"Refused to fetch {url}: reports render offline.")
        return super().fetch(url, headers)


def static_root() -> Path:
    """The project's own static folder (not STATIC_ROOT, which exists only after collectstatic)."""
    return Path(settings.STATICFILES_DIRS[0])


def html_to_pdf(html: str, progress: Callable[[int], None] | None = None) -> bytes:
    """PDF bytes of an HTML document, with relative URLs resolved inside the static folder.

    ``progress`` hears the percentage done after each of the two steps that take the time:
    the layout (about a third) and writing the file with its font subsets (the rest).
    """
    root = static_root()
    document = HTML(string=html, base_url=f"{root.as_uri()}/", url_fetcher=OfflineFetcher(root))
    laid_out = document.render()
    if progress is not None:
        progress(LAID_OUT_PERCENT)
    data = bytes(laid_out.write_pdf())
    if progress is not None:
        progress(WRITTEN_PERCENT)
    return data
