"""The attendance heat-map's layout (a pure function: no database)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hireloop.archive.attendance import (
    CELL,
    HEADER_HEIGHT,
    LABEL_WIDTH,
    DayRecord,
    build_calendar,
    late_level,
)

YEAR_START, YEAR_END = date(2024, 1, 1), date(2024, 12, 31)


def test_one_square_per_day_one_row_per_month_one_column_per_day_of_the_month() -> None:
    grid = build_calendar(year=2024, records=[], employed_from=YEAR_START, employed_until=YEAR_END)
    assert len(grid.cells) == 366 and len(grid.months) == 12  # 2024 is a leap year
    march_5 = next(c for c in grid.cells if c.day == date(2024, 3, 5))
    assert (march_5.x, march_5.y) == (LABEL_WIDTH + 4 * CELL, HEADER_HEIGHT + 2 * CELL)
    assert all(c.x + 12 <= grid.width and c.y + 12 <= grid.height for c in grid.cells)
    assert {c.kind for c in grid.cells} == {"normal", "weekend"}
    assert not grid.has_exceptions


def test_exceptions_are_marked_counted_and_late_days_shaded_by_minutes() -> None:
    records = [
        DayRecord(date(2024, 3, 4), "late", 10),
        DayRecord(date(2024, 3, 5), "late", 45),
        DayRecord(date(2024, 3, 6), "late", 120),
        DayRecord(date(2024, 3, 7), "absent"),
        DayRecord(date(2024, 5, 1), "leave"),
        DayRecord(date(2024, 5, 2), "leave"),
        DayRecord(date(2023, 5, 2), "absent"),  # another year: not on this map
        DayRecord(date(2024, 6, 3), "present"),  # a normal day
    ]
    grid = build_calendar(
        year=2024, records=records, employed_from=YEAR_START, employed_until=YEAR_END
    )
    by_day = {c.day: c for c in grid.cells}
    assert [by_day[date(2024, 3, d)].level for d in (4, 5, 6)] == [1, 2, 3]
    assert by_day[date(2024, 3, 6)].css_class == "hm-late hm-late-3"
    assert by_day[date(2024, 3, 7)].kind == "absent" and by_day[date(2024, 6, 3)].kind == "normal"
    assert grid.totals == {"late": 3, "absent": 1, "leave": 2}
    march, may = grid.months[2], grid.months[4]
    assert (march.late, march.absent, may.leave) == (3, 1, 2)


def test_days_before_the_hire_and_after_leaving_are_off() -> None:
    grid = build_calendar(
        year=2024,
        records=[DayRecord(date(2024, 1, 2), "late", 5)],  # before the hire: not counted
        employed_from=date(2024, 3, 1),
        employed_until=date(2024, 10, 31),
    )
    off = [c.day for c in grid.cells if c.kind == "off"]
    assert off[0] == date(2024, 1, 1) and date(2024, 2, 29) in off and date(2024, 11, 1) in off
    assert len(off) == 60 + 61  # January, February; November, December
    assert grid.totals["late"] == 0


@given(minutes=st.integers(min_value=0, max_value=24 * 60))
def test_late_levels_grow_with_the_minutes(minutes: int) -> None:
    assert 1 <= late_level(minutes) <= 3
    assert late_level(minutes) <= late_level(minutes + 1)
