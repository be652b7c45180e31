"""Reading a page as its reader does, to find interface text in the other language.

Used by test_language_leaks.py: the visible text of a page (text, and the attributes a
screen reader reads out) without what users wrote, then CJK in an English page or English
words in a Chinese one.
"""

import re
from collections.abc import Iterable, Iterator

import lxml.html

# Names that read the same in both languages (all-capital ones, PDF or SQL, always pass), and
# the key names in Django's own Chinese help text of multiple-choice lists.
PROPER = ("HireLoop", "Python", "JavaScript", "WebM", "Ogg", "WeCom", "FreeOTP")
PROPER += ("Microsoft Authenticator", "Google Authenticator", "Control", "Command", "Mac")
# Shown on purpose in both languages: the candidate search's example names are in both
# scripts, because either finds a person.
BOTH_SCRIPTS = ("张红梅", "红梅", "hongmei", "Alice Smith")
# Whole texts allowed to stay in English on a Chinese page, each with its reason.
ALLOWED = {
    # Django's admin (5.2) does not mark these for translation: the alternative texts of its
    # search icon and of its yes/no icons.
    "Search": "django admin",
    "True": "django admin",
    "False": "django admin",
}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
WORD = r"[A-Za-z]+(?:['’-][A-Za-z]+)*"
# Latin words in a row, one or more: English when any of them has a small letter.
LATIN_RUN = re.compile(rf"{WORD}(?:[ ,.:;!?]+{WORD})*")
# Not words of a language: e-mail addresses, paths and URLs, masked values (张*), codes and
# identifiers (media_undecodable, v1, pbkdf2_sha256, application.stage_changed), and the
# placeholders a script fills in ({count}).
NOT_PROSE = re.compile(r"\S+@\S+|\S*/\S*|\S*\*\S*|[\w.-]*[\d_][\w.-]*|\w+(?:\.\w+)+|\{\w+\}")
# A value shown as data: a JSON object or list, or JSON's null.
DATA = re.compile(r"\s*(?:[\[{].*[\]}]|null)\s*", re.S)
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Scripts and styles, and code and preformatted text (a program's output, a resume's text).
UNREAD = {"script", "style", "template", "code", "pre", "kbd", "samp"}
CUT = "\u2063"  # where something was cut out: no letter of either language
PREFIX = 16  # a value this long or longer is also cut where it is shown shortened


def visible_texts(html: str, language: str) -> Iterator[str]:
    """The text a reader sees or hears: text nodes and the attributes read out, without
    scripts, styles, code, and elements marked with another language (``lang``)."""
    root = lxml.html.fromstring(html)
    stack = [root]
    while stack:
        element = stack.pop()
        if element is not root:
            yield element.tail or ""  # the tail follows the element: it is read either way
        if not isinstance(element.tag, str) or element.tag in UNREAD:
            continue  # a comment, a script…
        if element is not root and element.get("lang", language) != language:
            continue
        yield from (element.get(name) or "" for name in TEXT_ATTRIBUTES)
        # Texts the page's scripts show (data-count-text="{n} characters left").
        yield from (
            v for k, v in element.attrib.items() if k.startswith("data-") and k.endswith("-text")
        )
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            yield element.get("value") or ""
        yield element.text or ""
        stack.extend(reversed(element))


def leaks(html: str, language: str, content: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(leak, its text) for each piece of interface text in the other language: CJK in
    English, English words in Chinese. ``content`` is what users wrote, cut out first."""
    for text in visible_texts(html, language):
        for value in (*content, *BOTH_SCRIPTS):
            text = cut(text, value)
        if text.strip() in ALLOWED:
            continue
        if language == "en":
            found = CJK.findall(text)
        elif DATA.fullmatch(text):
            continue
        else:
            for proper in PROPER:
                text = text.replace(proper, CUT)
            runs = LATIN_RUN.findall(NOT_PROSE.sub(CUT, text))
            found = [run for run in runs if re.search("[a-z]", run)]
        yield from ((leak, text.strip()) for leak in found)


def cut(text: str, value: str) -> str:
    """The text without the value, nor a shortened copy of it (a title cut to its first
    characters where the text ends or an ellipsis follows)."""
    if len(value) < PREFIX:
        return text.replace(value, CUT)
    start = text.find(value[:PREFIX])
    while start != -1:
        end = start + PREFIX
        while end < len(text) and end - start < len(value) and text[end] == value[end - start]:
            end += 1
        rest = text[end:].strip()
        if end - start == len(value) or not rest or rest.startswith(("…", "...")):
            text = text[:start] + CUT + text[end:]
        start = text.find(value[:PREFIX], start + 1)
    return text
