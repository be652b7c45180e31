"""The attendance heat-map of one employee's year: a pure layout, drawn as SVG by a template.

One row per month, one column per day of the month, so a date is found by reading across
(and the grid fits a phone held upright: 31 columns). Attendance is stored by exception
(late, absent, on leave), so a working day without a record was a normal day. Late days
are shaded by how late (the "heat"); absences and leave carry a mark of their own as well
as a colour, so the map does not depend on colour alone (WCAG 1.4.1), and every day has a
text title, the months a table of counts.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .enums import AttendanceStatus

CELL = 14  # pitch of a day, in SVG units: a 12-unit square and a 2-unit gap
SQUARE = 12
LABEL_WIDTH = 48  # month names at the left ("十二月", "Sep")
HEADER_HEIGHT = 18  # day numbers at the top
DAY_LABELS = (1, 5, 10, 15, 20, 25, 31)
# Minutes late at which a late day turns darker: up to 15, up to 60, more.
LATE_LEVELS = (15, 60)
SHOWN = (AttendanceStatus.LATE, AttendanceStatus.ABSENT, AttendanceStatus.LEAVE)


@dataclass(frozen=True)
class DayRecord:
    day: date
    status: str
    minutes_late: int = 0


@dataclass(frozen=True)
class Cell:
    day: date
    x: int
    y: int
    kind: str  # "late", "absent", "leave", "normal", "weekend" or "off" (not employed)
    level: int  # 1–3 for late days, by minutes; 0 otherwise
    minutes_late: int

    @property
    def css_class(self) -> str:
        return f"hm-{self.kind}" + (f" hm-late-{self.level}" if self.level else "")

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + SQUARE // 2, self.y + SQUARE // 2

    @property
    def cross(self) -> tuple[int, int, int, int]:
        """The corners of an absence's × mark, inset by 3 units."""
        return self.x + 3, self.y + 3, self.x + SQUARE - 3, self.y + SQUARE - 3


@dataclass(frozen=True)
class MonthRow:
    month: date
    y: int
    late: int
    absent: int
    leave: int

    @property
    def label_y(self) -> int:
        return self.y + SQUARE - 2


@dataclass(frozen=True)
class DayLabel:
    number: int
    x: int


@dataclass(frozen=True)
class AttendanceCalendar:
    year: int
    cells: list[Cell]
    months: list[MonthRow]
    day_labels: list[DayLabel]
    totals: dict[str, int] = field(default_factory=dict)
    width: int = LABEL_WIDTH + 31 * CELL
    height: int = HEADER_HEIGHT + 12 * CELL

    @property
    def has_exceptions(self) -> bool:
        return any(self.totals.values())


def late_level(minutes: int) -> int:
    return 1 + sum(minutes > limit for limit in LATE_LEVELS)


def build_calendar(
    *, year: int, records: Iterable[DayRecord], employed_from: date, employed_until: date
) -> AttendanceCalendar:
    """Lay out one year; days outside [employed_from, employed_until] are marked "off"."""
    by_day = {record.day: record for record in records if record.day.year == year}
    cells: list[Cell] = []
    months: list[MonthRow] = []
    for month in range(1, 13):
        y = HEADER_HEIGHT + (month - 1) * CELL
        counts = dict.fromkeys(SHOWN, 0)
        for number in range(1, calendar.monthrange(year, month)[1] + 1):
            day = date(year, month, number)
            record = by_day.get(day)
            kind, level, minutes = _kind_of(day, record, employed_from, employed_until)
            if kind in counts:
                counts[AttendanceStatus(kind)] += 1
            cells.append(Cell(day, LABEL_WIDTH + (number - 1) * CELL, y, kind, level, minutes))
        months.append(
            MonthRow(
                date(year, month, 1),
                y,
                counts[AttendanceStatus.LATE],
                counts[AttendanceStatus.ABSENT],
                counts[AttendanceStatus.LEAVE],
            )
        )
    totals = {
        "late": sum(m.late for m in months),
        "absent": sum(m.absent for m in months),
        "leave": sum(m.leave for m in months),
    }
    labels = [DayLabel(n, LABEL_WIDTH + (n - 1) * CELL + SQUARE // 2) for n in DAY_LABELS]
    return AttendanceCalendar(year, cells, months, labels, totals)


def _kind_of(
    day: date, record: DayRecord | None, employed_from: date, employed_until: date
) -> tuple[str, int, int]:
    if not employed_from <= day <= employed_until:
        return "off", 0, 0
    if record is not None and record.status in SHOWN:
        if record.status == AttendanceStatus.LATE:
            return "late", late_level(record.minutes_late), record.minutes_late
        return str(record.status), 0, 0
    return ("weekend" if day.weekday() >= 5 else "normal"), 0, 0


def years_of(*, employed_from: date, employed_until: date) -> list[int]:
    return list(range(employed_from.year, employed_until.year + 1))
