"""Date reading and the month arithmetic behind years of experience, checked over many cases."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.resumes.fields import find_years
from hireloop.resumes.fields_dates import (
    MONTHS,
    clipped_span,
    date_ranges,
    merged_months,
    month_index,
    month_of,
    normalised_date,
    present_month,
)

PRESENT = month_of(date(2026, 11, 15))
years = st.integers(min_value=1960, max_value=2030)
months = st.integers(min_value=1, max_value=12)
spans = st.lists(
    st.tuples(st.integers(0, 600), st.integers(1, 120)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=12,
)
WRITTEN = [
    "{y}.{m:02d}",
    "{y}.{m}",
    "{y}-{m:02d}",
    "{y}/{m:02d}",
    "{y}年{m}月",
    "{y} 年 {m} 月",
    "{mm:02d}/{y}",
    "{mon} {y}",
    "{Month} {y}",
    "{mon}. {y}",
]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def written(style: str, year: int, month: int) -> str:
    name = MONTH_NAMES[month - 1]
    return style.format(y=year, m=month, mm=month, mon=name[:3], Month=name)


def covered(spans: list[tuple[int, int]]) -> int:
    return len({month for start, end in spans for month in range(start, end)})


@given(spans)
def test_merged_months_counts_each_month_once(spans: list[tuple[int, int]]) -> None:
    assert merged_months(spans) == covered(spans)


@given(spans)
def test_merged_months_is_bounded_by_the_longest_span_and_the_sum(
    spans: list[tuple[int, int]],
) -> None:
    total = merged_months(spans)
    assert max((end - start for start, end in spans), default=0) <= total
    assert total <= sum(end - start for start, end in spans)
    assert merged_months(list(reversed(spans))) == total
    assert merged_months(spans + spans) == total  # a job listed twice counts once


@given(years, months, st.sampled_from(WRITTEN))
def test_every_way_of_writing_a_month_reads_the_same(year: int, month: int, style: str) -> None:
    text = written(style, year, month)
    assert month_index(text, PRESENT) == year * 12 + month - 1, text
    assert normalised_date(text) == f"{year}-{month:02d}", text


@given(years)
def test_a_bare_year_counts_from_january(year: int) -> None:
    assert month_index(f"{year}", PRESENT) == year * 12
    assert month_index(f"{year}年", PRESENT) == year * 12
    assert normalised_date(f"{year}年") == str(year)


@pytest.mark.parametrize(
    "word", ["至今", "现在", "目前", "今", "present", "Present", "now", "current"]
)
def test_present_words_read_as_the_present_month(word: str) -> None:
    assert month_index(word, PRESENT) == PRESENT
    assert normalised_date(word) == "present"


@given(
    years,
    months,
    st.integers(0, 200),
    st.sampled_from(WRITTEN),
    st.sampled_from([" - ", "-", " – ", "—", " ~ ", "～", " 至 ", "到", " to "]),
)
def test_a_range_reads_both_ends(
    year: int, month: int, length: int, style: str, separator: str
) -> None:
    end_index = year * 12 + month - 1 + length
    end_year, end_month = divmod(end_index, 12)
    line = f"{written(style, year, month)}{separator}{written(style, end_year, end_month + 1)} Acme"
    [found] = date_ranges(line, present=PRESENT)
    assert (found.start_month, found.end_month) == (year * 12 + month - 1, end_index), line


@given(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000))
def test_clipped_spans_never_pass_the_present(start: int, end: int, present: int) -> None:
    span = clipped_span(start, end, present)
    if span is None:
        assert start >= min(end, present)
    else:
        assert start == span[0] < span[1] == min(end, present)


@given(st.lists(st.tuples(years, months, st.integers(1, 60)), min_size=1, max_size=6))
def test_years_of_experience_are_the_months_covered_by_the_jobs(
    jobs: list[tuple[int, int, int]],
) -> None:
    lines = ["工作经历"]
    expected = []
    for year, month, length in jobs:
        start = year * 12 + month - 1
        end_year, end_month = divmod(start + length, 12)
        lines.append(f"{year}.{month:02d} - {end_year}.{end_month + 1:02d} 某公司 工程师")
        if span := clipped_span(start, start + length, PRESENT):
            expected.append(span)
    total, _ = find_years(lines, today=date(2026, 11, 15))
    assert total == round(covered(expected) / 12, 1)


def test_study_and_projects_do_not_count_as_work() -> None:
    lines = [
        "教育背景",
        "2012.09 - 2016.06 北京理工大学 本科",
        "项目经历",
        "2015.03 - 2015.09 校园二手平台",
        "工作经历",
        "2016.07 - 2018.07 星辰科技 工程师",
    ]
    assert find_years(lines, today=date(2026, 11, 15)) == (2.0, lines[-1])


def test_the_present_month_follows_the_clock() -> None:
    assert present_month(date(2026, 1, 1)) == 2026 * 12
    assert present_month() == month_of(date.today())
    assert MONTHS[present_month(date(2026, 12, 31)) % 12] == "dec"
