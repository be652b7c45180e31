"""Masking of personal data for roles that do not need to see it (PIPL Art. 51)."""

import re


def mask_name(name: str) -> str:
    """张伟 → 张*, 欧阳娜娜 → 欧***, Alice Smith → A**** S****."""
    if not name:
        return ""
    if re.search(r"[\u4e00-\u9fff]", name):
        return name[0] + "*" * (len(name) - 1) if len(name) > 1 else "*"
    return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; keeps the first three and last four digits."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]  # +86 country code before a Chinese mobile number
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
