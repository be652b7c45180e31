"""Masking of personal data for roles that do not need to see it (PIPL Art. 51)."""

import re
import unicodedata

# Han characters: a name written in them has no word boundaries and masks all but the first.
_HAN = re.compile(r"[\u4e00-\u9fff]")


def mask_name(name: str) -> str:
    """张伟 → 张*, 欧阳娜娜 → 欧***, Alice Smith → A**** S****."""
    if not name:
        return ""
    if _HAN.search(name):
        return name[0] + "*" * (len(name) - 1) if len(name) > 1 else "*"
    return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())


# China's country code, written with a + or as 00: dropped before an 11-digit mobile number.
_CHINA_PREFIXES = ("0086", "86")


def normalise_phone(phone: str) -> str:
    """A phone number as its digits alone, without China's country code before a mobile number.

    "+86 138-0000-1111", "0086 13800001111" and "138 0000 1111" all become "13800001111": the
    one form that masking, duplicate detection and search compare (privacy.crypto).
    """
    # NFKC turns the full-width digits of a Chinese input method (１３８) into ASCII ones.
    text = unicodedata.normalize("NFKC", phone or "")
    digits = "".join(char for char in text if char.isascii() and char.isdigit())
    for prefix in _CHINA_PREFIXES:
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix) :]
    return digits


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; keeps the first three and last four digits."""
    digits = normalise_phone(phone)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_email(email: str) -> str:
    """zhang.wei@example.com → z********@example.com."""
    local, sep, domain = (email or "").partition("@")
    if not sep:
        return "*" * len(local)
    return local[:1] + "*" * max(len(local) - 1, 1) + "@" + domain


def mask_id_number(number: str) -> str:
    """110101199003071234 → 1101**********1234."""
    if len(number or "") <= 8:
        return "*" * len(number or "")
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_sensitive(_value: str) -> str:
    """Sensitive attributes (gender, birth date, ethnicity, region) are never partly shown."""
    return "***" if _value else ""


# --- quotes --------------------------------------------------------------------------------
# Quoted text (match evidence, passages, findings, answers, transcripts) can carry the same
# contact details the contact card masks. These patterns find them inside free text.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Chinese resident ID: 18 characters (17 digits and a digit or X), or the old 15 digits.
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_PHONES = (
    # Chinese mobile, with or without +86 and separators: 138 1234 1234, +86-138-1234-1234
    re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)"),
    # Chinese landline with area code: 010-12345678, (0755) 1234 5678
    re.compile(r"(?<!\d)\(?0\d{2,3}\)?[\s-]\d{3,4}[\s-]?\d{4}(?!\d)"),
    # International with a +: +44 20 7946 0958, +1 (555) 123-4567
    re.compile(r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\d)"),
    # North American style: (555) 123-4567, 555-123-4567, 555.123.4567 (never a date range:
    # the separators must sit after the 3rd and 6th digit)
    re.compile(r"(?<![\d.-])\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}(?![\d.-])"),
)


class Redactor:
    """Masks e-mail addresses, phone numbers, ID numbers and the person's name in a quote.

    Made once per page for a viewer who sees contact details masked; the same masks as the
    contact card, so a quote never shows more than the card above it.
    """

    # Templates receive it as a value for the ``redact`` filter; they must not call it.
    do_not_call_in_templates = True

    def __init__(self, names: list[str]) -> None:
        spellings = {name.strip() for name in names if name and len(name.strip()) > 1}
        for name in list(spellings):
            if not _HAN.search(name):
                # Latin names: each part of 3+ letters alone, too ("Dr. Smith", "Alice").
                spellings |= {part for part in name.split() if len(part) >= 3}
        ordered = sorted(spellings, key=len, reverse=True)
        self._names = (
            re.compile("|".join(_name_pattern(n) for n in ordered), re.IGNORECASE)
            if ordered
            else None
        )

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = _EMAIL.sub(lambda m: mask_email(m.group()), text)
        text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
        for pattern in _PHONES:
            text = pattern.sub(lambda m: mask_phone(m.group()), text)
        if self._names is not None:
            text = self._names.sub(lambda m: mask_name(m.group()), text)
        return text


def _name_pattern(name: str) -> str:
    escaped = r"\s+".join(re.escape(part) for part in name.split())
    if _HAN.search(name):
        return escaped  # Chinese has no word boundaries
    return rf"\b{escaped}\b"
