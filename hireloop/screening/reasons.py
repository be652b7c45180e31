"""Why an upload refused a file or failed a whole archive: a code and its parameters.

Refusals are made on the web request (the uploader's language) and on the worker that
unpacks a zip (no reader's language at all), and read later by everyone on the job; so
UploadBatch stores codes and parameters (error_code and error_params, each item of rejected)
and rejection_text renders them in the reader's language. Parameters named "name" are file
or archive names, user content kept as it is; an empty archive name reads "The archive".
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop

from hireloop.resumes.reasons import LEGACY

REJECTIONS = {
    "no_usable_name": gettext_noop(
        "A file has no usable name; please rename it and upload it again."
    ),
    "name_too_long": gettext_noop(
        "The name of %(start)s… is longer than %(limit)d characters; please shorten it "
        "and upload it again."
    ),
    "empty": gettext_noop("%(name)s is empty."),
    "too_large": gettext_noop("%(name)s is larger than the %(limit)d MB limit."),
    "duplicate": gettext_noop(
        "%(name)s was already received for this job; it was not added again."
    ),
    "archive_too_large": gettext_noop(
        "%(name)s is larger than the %(limit)d MB limit for an archive."
    ),
    "not_a_zip": gettext_noop("%(name)s is not a readable zip archive."),
    "archive_unreadable": gettext_noop("The archive could not be read: %(error)s"),
    "too_many_files": gettext_noop(
        "%(name)s holds %(count)d files; at most %(limit)d are read from one archive."
    ),
    "entry_outside": gettext_noop(
        "%(name)s is damaged: an entry points outside the archive's files."
    ),
    "shared_data": gettext_noop(
        "%(name)s was refused: several of its entries share the same compressed data, a trick "
        "of zip bombs. Please zip the resumes again and upload the new archive."
    ),
    "expands_too_far": gettext_noop(
        "%(name)s expands to more than %(limit)d MB; please split it into smaller archives."
    ),
    "member_encrypted": gettext_noop("%(name)s is encrypted in the archive."),
    "member_bomb": gettext_noop(
        "%(name)s expands %(ratio)d times: refused as a possible zip bomb."
    ),
    "member_unpack_failed": gettext_noop("%(name)s could not be unpacked: %(error)s"),
}
THE_ARCHIVE = gettext_noop("The archive")


def rejection_text(code: str, params: Mapping[str, Any]) -> str:
    """The refusal as a sentence in the active language (the reader's, on a page)."""
    if code == LEGACY:
        return str(params.get("text", ""))
    values = {**params}
    if values.get("name") == "":
        values["name"] = gettext(THE_ARCHIVE)
    try:
        return gettext(REJECTIONS[code]) % values
    except (KeyError, TypeError, ValueError):
        # A code this version does not know (a row from a newer release): say what is known.
        return str(params.get("name") or code)


def stored_rejection_text(stored: Mapping[str, Any] | str) -> str:
    """One stored refusal ({"code", "params"}, or a sentence from before codes) as text."""
    if isinstance(stored, str):
        return stored
    return rejection_text(str(stored.get("code", "")), stored.get("params") or {})
