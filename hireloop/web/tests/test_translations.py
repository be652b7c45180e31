"""The Chinese catalogue is complete, and the compiled file matches it."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES"
# [msgctxt "…"] msgid "…" (continued on "…" lines) then msgstr "…" (continued likewise)
ENTRY = re.compile(r'^(?:msgctxt "(.*)"\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', re.M)


def joined(quoted_lines: str) -> str:
    return "".join(re.findall(r'^"(.*)"$', quoted_lines, re.M))


def catalogue_entries() -> list[tuple[str, str]]:
    return [(msgid, msgstr) for _context, msgid, msgstr in contextual_entries()]


def contextual_entries() -> list[tuple[str | None, str, str]]:
    """(msgctxt or None, msgid, msgstr) of every entry; a context (pgettext, "context" in a
    template) lets one English text have a second translation, e.g. for the candidate."""
    text = (LOCALE / "django.po").read_text()
    assert "#, fuzzy" not in text, "fuzzy translations must be checked and unflagged"
    entries = [(m.group(1), joined(m.group(2)), joined(m.group(3))) for m in ENTRY.finditer(text)]
    return [(context, msgid, msgstr) for context, msgid, msgstr in entries if msgid]


def test_every_string_has_a_chinese_translation() -> None:
    entries = catalogue_entries()
    assert len(entries) > 300
    missing = [msgid for msgid, msgstr in entries if not msgstr]
    assert missing == []


def test_the_compiled_catalogue_is_current() -> None:
    compiled = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))
    unescape = lambda s: s.encode().decode("unicode_escape").encode("latin-1").decode()  # noqa: E731
    stale = [
        msgid
        for context, msgid, msgstr in contextual_entries()
        if (
            compiled.pgettext(context, unescape(msgid))
            if context is not None
            else compiled.gettext(unescape(msgid))
        )
        != unescape(msgstr)
    ]
    assert stale == [], "run `make messages` to recompile"
