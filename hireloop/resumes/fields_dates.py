"""Dates and date ranges in resume lines, as month numbers, and the months they cover.

A month is an int: year * 12 + (month - 1), so subtraction gives a number of months.
"至今" / "present" means the month of `today`, which callers pass in (tests pin it; the
default is the machine's local date), so a stored result says what it was read against.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE = (
    rf"(?:(?:{'|'.join(MONTHS)})[a-z]*\.?,?\s*(?:19|20)\d\d"
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*(?:[./-]|年)\s*(?:1[0-2]|0?[1-9])(?!\d)\s*月?"
    r"|(?:19|20)\d\d(?!\d)\s*年?)"
)
PRESENT_WORDS = r"(?:至今|现在|目前|今|now|present|current|today)"
DATE_RANGE = re.compile(
    rf"(?<!\d)(?P<start>{DATE})\s*(?:-|–|—|~|～|至|到|\bto\b)\s*(?P<end>{DATE}|{PRESENT_WORDS})",
    re.I,
)
# One year on its own ("B.A. History, 2018", "2014年毕业"): a graduation date.
SINGLE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d])")
_PRESENT = re.compile(PRESENT_WORDS, re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DateRange:
    """One "start - end" range found in a line; start/end as written, normalised.

    start and end read "2019-07" (month known), "2019" (year only) or, for end, "present".
    The month numbers are what the arithmetic uses; `span` is where the range sits in the line.
    """

    start: str
    end: str
    start_month: int
    end_month: int
    span: tuple[int, int]


def month_of(day: date) -> int:
    """The month number of a calendar date."""
    return day.year * 12 + day.month - 1


def present_month(today: date | None = None) -> int:
    """The month "至今" / "present" stands for: today's, unless a date is given."""
    return month_of(today or date.today())


def date_ranges(line: str, *, present: int) -> list[DateRange]:
    """Every date range in line, in order; "present" is read as the month `present`."""
    ranges = []
    for match in DATE_RANGE.finditer(line):
        start_text, end_text = match["start"], match["end"]
        start, end = month_index(start_text, present), month_index(end_text, present)
        ranges.append(
            DateRange(
                start=normalised_date(start_text),
                end=normalised_date(end_text),
                start_month=start,
                end_month=end,
                span=match.span(),
            )
        )
    return ranges


def month_index(date_text: str, present: int) -> int:
    """Months since year 0 of one written date; a bare year counts from its January."""
    text = date_text.strip().lower()
    if _PRESENT.fullmatch(text):
        return present
    year = int(_YEAR.search(text).group())  # type: ignore[union-attr]
    if text[:3] in MONTHS:
        return year * 12 + MONTHS.index(text[:3])
    numbers = [int(n) for n in re.findall(r"\d+", text) if len(n) <= 2]
    return year * 12 + (numbers[0] - 1 if numbers else 0)


def normalised_date(date_text: str) -> str:
    """ "2019-07" when the month is written, "2019" for a bare year, "present" for now."""
    text = date_text.strip().lower()
    if _PRESENT.fullmatch(text):
        return "present"
    year = int(_YEAR.search(text).group())  # type: ignore[union-attr]
    if text[:3] in MONTHS:
        return f"{year}-{MONTHS.index(text[:3]) + 1:02d}"
    numbers = [int(n) for n in re.findall(r"\d+", text) if len(n) <= 2]
    return f"{year}-{numbers[0]:02d}" if numbers else str(year)


def clipped_span(start: int, end: int, present: int) -> tuple[int, int] | None:
    """(start, end) with the end capped at `present`; None when nothing is left.

    A range that ends in the future ("2025.01 - 2027.12", a contract's planned end) has
    not been worked yet, and one that starts after today is a plan, not experience.
    """
    end = min(end, present)
    return (start, end) if start < end else None


def merged_months(spans: list[tuple[int, int]]) -> int:
    """Total months covered by (start, end) spans, so overlapping jobs are not counted twice."""
    total, current_end = 0, -1
    for start, end in sorted(spans):
        start = max(start, current_end)
        if end > start:
            total += end - start
            current_end = end
    return total


def without_dates(line: str, ranges: list[DateRange]) -> str:
    """line with its date ranges cut out (each replaced by a separator)."""
    pieces, position = [], 0
    for found in ranges:
        pieces.append(line[position : found.span[0]])
        position = found.span[1]
    pieces.append(line[position:])
    return " | ".join(piece for piece in pieces if piece.strip())
