"""Why a resume file could not be read: a code and its parameters, never a finished sentence.

The reading happens on the worker (in the sandbox's child, which has no Django), and the
reason is shown later to HR users who each read the pages in their own language. So the
readers raise Unreadable(code, name=…, …), the worker stores the code and parameters
(ResumeFile.error_code and error_params), and reason_text renders them where they are shown,
through the reader's gettext. str(error) is the English sentence, for logs and tests.

The parameter "name" is the uploaded file name, user content that stays as it is: sentences
show it as %(file)s, quoted, or as "This file" when the upload had no name.
"""

from collections.abc import Callable, Mapping
from typing import Any

# Reasons stored before they were codes (English or Chinese sentences, depending on the worker's
# language then): shown as they are, from the parameter "text" (migrations 0007 of candidates
# and 0002 of screening).
LEGACY = "legacy"
GENERIC = "unreadable"


def gettext_noop(message: str) -> str:
    """Marks a text for the translation catalogue; translated where it is shown."""
    return message


def _same(text: str) -> str:
    return text


_ASK_REEXPORT = "Ask the candidate to re-export it as PDF or .docx."

# These are the English texts; the Chinese ones are in the catalogue (django.po).
UNREADABLE = {
    GENERIC: gettext_noop("%(file)s could not be read; ask the candidate to upload it again."),
    "empty": gettext_noop("%(file)s is empty; ask the candidate to upload it again."),
    "too_large": gettext_noop(
        "%(file)s is larger than the %(limit)s MB limit for resumes; ask the candidate for a "
        "smaller copy (a PDF without large images)."
    ),
    "unsupported": gettext_noop(
        "%(file)s is not a supported resume format; ask for a PDF, Word (.docx) or text file."
    ),
    "old_word": gettext_noop(
        "%(file)s is an old-style Word (.doc) file; ask for a .docx or PDF copy."
    ),
    "html": gettext_noop(
        "%(file)s is a web page (HTML), not a resume document; ask for a PDF or .docx copy."
    ),
    "pdf_damaged": gettext_noop(
        "%(file)s is a damaged PDF that cannot be opened; ask the candidate to re-export it."
    ),
    "pdf_password": gettext_noop(
        "%(file)s is password-protected; ask the candidate for an unprotected copy."
    ),
    "pdf_no_text": gettext_noop(
        "%(file)s is a PDF with no text and no scanned page for OCR to read (its pages are "
        "blank or show only small pictures). Ask the candidate to export the resume again."
    ),
    "scan_no_text": gettext_noop(
        "%(file)s is a scanned %(kind)s, but OCR found no text in it (the scan may be blank, "
        "too faint or too small). Ask the candidate for a clearer scan or a text-based PDF or "
        "Word copy."
    ),
    "no_text": gettext_noop(
        "%(file)s is a %(kind)s with no readable text; ask the candidate for another copy."
    ),
    "zip_damaged": gettext_noop(
        "%(file)s looks like a damaged Word or zip file; ask the candidate to upload it again."
    ),
    "zip_not_word": gettext_noop(
        "%(file)s is a zip archive, not a Word document; ask for a PDF or .docx resume."
    ),
    "word_damaged": gettext_noop(
        "%(file)s is a damaged Word document; ask the candidate to re-save it as .docx or PDF."
    ),
    "zip_bomb": gettext_noop(
        "%(file)s unpacks to far more data than any resume (a “zip bomb”), so it was not "
        "opened; ask the candidate to re-save it as .docx or PDF."
    ),
    "xml_declarations": gettext_noop(
        "%(file)s contains XML declarations that Word never writes, so it was not opened; ask "
        "the candidate to re-save it as .docx or PDF."
    ),
    "ocr_missing": gettext_noop(
        "%(file)s is a picture or a scanned document, and reading it needs OCR (Tesseract with "
        "its Chinese and English data), which is not installed on this server. Ask an "
        "administrator to run scripts/ensure_system_packages.sh, or ask the candidate for a "
        "text-based PDF or Word copy."
    ),
    "picture_damaged": gettext_noop(
        "%(file)s is a damaged %(format)s picture that cannot be opened; ask the candidate to "
        "scan the resume again or send a PDF or Word copy."
    ),
    "picture_undecodable": gettext_noop(
        "%(file)s is a damaged %(format)s picture that cannot be decoded; ask the candidate to "
        "scan the resume again or send a PDF or Word copy."
    ),
    "picture_bomb": gettext_noop(
        "%(file)s holds a picture far larger than any scanned page (a “decompression bomb”), "
        "so it was not opened. Ask the candidate for a normal scan or a PDF or Word copy."
    ),
    "picture_bomb_sized": gettext_noop(
        "%(file)s holds a picture of %(width)s × %(height)s pixels, far larger than any "
        "scanned page (a “decompression bomb”), so it was not opened. Ask the candidate for a "
        "normal scan or a PDF or Word copy."
    ),
    "scan_too_long": gettext_noop(
        "%(file)s is a scan of %(count)d pages; HireLoop reads scanned resumes of up to "
        "%(limit)d pages. Ask the candidate for a shorter scan or a text-based PDF or Word copy."
    ),
    "scan_over_limit": gettext_noop(
        "%(file)s is a scan of more than %(limit)d pages; HireLoop reads scanned resumes of up "
        "to %(limit)d pages. Ask the candidate for a shorter scan or a text-based PDF or Word "
        "copy."
    ),
    "too_slow": gettext_noop(
        "%(file)s took too long to read; it may be damaged or built to stall readers. Ask the "
        "candidate to re-export it as PDF or .docx."
    ),
    "too_much_memory": gettext_noop(
        "%(file)s needs more memory than allowed to read; it may contain a huge compressed "
        "stream. Ask the candidate to re-export it as PDF or .docx."
    ),
    "reader_crashed": gettext_noop(
        "%(file)s made the resume reader crash (%(cause)s); it is probably damaged. Ask the "
        "candidate to re-export it as PDF or .docx."
    ),
}
THIS_FILE = gettext_noop("This file")
# Parameters that are themselves codes: each is replaced by its translated text.
PARTS: dict[str, dict[str, str]] = {
    "kind": {
        "pdf": gettext_noop("PDF"),
        "word": gettext_noop("Word document"),
        "picture": gettext_noop("picture (%(format)s)"),
        "text": gettext_noop("text file"),
    },
    "cause": {
        "stopped": gettext_noop("the reader was already stopped"),
        "malformed": gettext_noop("a malformed answer"),
        "oversized": gettext_noop("an oversized answer"),
        "exit": gettext_noop("exit status %(status)d"),
    },
}

Translate = Callable[[str], str]


def reason_text(code: str, params: Mapping[str, Any], translate: Translate = _same) -> str:
    """The reason as a sentence: in English, or through translate (a gettext).

    A code or parameters this version does not know (a subverted sandbox child, a row from
    a newer release) give the generic sentence rather than an error on the page.
    """
    if code == LEGACY:
        return str(params.get("text", ""))
    name = params.get("name")
    values = {**params, "file": f"“{name}”" if name else translate(THIS_FILE)}
    try:
        for key, texts in PARTS.items():
            if key in values:
                values[key] = translate(texts[values[key]]) % values
        return translate(UNREADABLE[code]) % values
    except (KeyError, TypeError, ValueError):
        return translate(UNREADABLE[GENERIC]) % values


class Unreadable(Exception):
    """A file that cannot be read: a code of UNREADABLE and its parameters.

    str(error) is the English sentence; sentence(gettext) the reader's.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params

    def __str__(self) -> str:
        return self.sentence()

    def sentence(self, translate: Translate = _same) -> str:
        return reason_text(self.code, self.params, translate)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword parameters are not in args, which the default pickling replays.
        return _rebuild, (type(self), self.code, self.params)


def _rebuild(kind: type[Unreadable], code: str, params: dict[str, Any]) -> Unreadable:
    return kind(code, **params)
