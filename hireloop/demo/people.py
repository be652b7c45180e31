"""The demo employee archive: 200 employees with three years of history.

Every employee has three hidden traits drawn from N(0, 1): true performance, a tendency
to be late and an appetite for learning. Observable data derive from them, which plants
the relations that docs/demo-data.md documents (and the tests check):
performance drives ratings, role metrics, promotions and archived interview scores;
lateness drives late days and, weakly, leaving; learning drives training hours, which
modestly raise the chance of promotion. Gender, ethnicity and region are drawn apart from
all three, so they have no effect on anything.
"""

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from hireloop.archive.enums import AttendanceStatus, EmploymentStatus
from hireloop.archive.models import (
    AttendanceRecord,
    Employee,
    PerformanceReview,
    Promotion,
    Shift,
    TrainingRecord,
)
from hireloop.archive.search import index_employees
from hireloop.assessment.services import recommendation_for
from hireloop.org.models import Department, Organisation, Team

from .content_people import (
    FAMILY_COURSES,
    HEADCOUNT,
    HIRE_START,
    HISTORY_END,
    HISTORY_START,
    METRIC_MODELS,
    NON_PREDICTIVE_DIMENSION,
    PERIODS,
    PROMOTION_ROUNDS,
    RATING_MODEL,
    SHARED_COURSES,
    SHARED_METRICS,
    TITLES,
)
from .identities import EN, ZH, IdentityFactory

ENGLISH_NAME_SHARE = 0.2
EMAIL_DOMAIN = "yunfan.example.com"
# Attrition: logit P(left) = -1.9 + 0.7 * lateness - 0.3 * performance  (about 15% leave).
ATTRITION = (-1.9, 0.7, -0.3)
# Late days per year = exp(1.2 + 0.6 * lateness): median 3.3, 1 to 12 for most people.
LATENESS = (1.2, 0.6)
ABSENCES_PER_YEAR = 0.8
LEAVE_BLOCKS_PER_YEAR, LONGEST_LEAVE_DAYS = 2, 5
WORKING_DAYS_PER_YEAR = 250
# Courses per year ~ Poisson(exp(0.75 + 0.45 * learning)): about 2 a year, 1 to 5.
COURSES = (0.75, 0.45)
# logit P(promoted in a round) = -2.6 + 1.3 * (last rating - 3.3) + 0.04 * (hours - 20),
# hours being the training hours of the 12 months before the round.
PROMOTION = (-2.6, 1.3, 3.3, 0.04, 20.0)
MONTHS_BETWEEN_PROMOTIONS = 12
# Archived interview scores (relation e): 5.5 + 0.9 * performance + session + item noise.
INTERVIEW = (5.5, 0.9, 1.0, 1.2)
INTERVIEWED_FROM = date(2022, 1, 1)  # employees hired since then have interview results
SHIFT_DAYS = 14
OFFICE_HOURS = (time(9), time(18))
SERVICE_SHIFTS = ((time(8), time(16)), (time(14), time(22)))  # early, late


@dataclass
class Draft:
    """An employee being generated, with their hidden traits and history."""

    family: str
    team_index: int
    hire_date: date
    performance: float
    lateness: float
    learning: float
    left_on: date | None = None
    level: int = 0
    employee: Any = None
    reviews: list[PerformanceReview] = field(default_factory=list)
    trainings: list[TrainingRecord] = field(default_factory=list)
    promotions: list[Promotion] = field(default_factory=list)
    attendance: list[AttendanceRecord] = field(default_factory=list)

    def employed_on(self, day: date) -> bool:
        return self.hire_date <= day and (self.left_on is None or day < self.left_on)

    @property
    def title(self) -> str:
        return TITLES[self.family][self.level]


@dataclass(frozen=True)
class Placement:
    """Where a role family sits in the organisation, and its job's interview profile."""

    department: Department
    teams: list[Team]
    job_title: str
    dimensions: list[tuple[str, float]]  # (name, weight)


def build_archive(
    *,
    organisation: Organisation,
    placements: dict[str, Placement],
    people: IdentityFactory,
    seed: int,
    today: date,
) -> dict[str, int]:
    """Create the employees and their history; return how many rows of each kind."""
    rng = random.Random(seed)
    drafts = sorted(_drafts(rng), key=lambda d: d.hire_date)
    for draft in drafts:
        _history(draft, rng)
    employees = Employee.objects.bulk_create(
        _employee(number, draft, organisation, placements[draft.family], people, rng)
        for number, draft in enumerate(drafts, start=1)
    )
    index_employees(employees)  # bulk_create skips the writers that keep the search index
    for draft, employee in zip(drafts, employees, strict=True):
        history: list[Any] = [*draft.reviews, *draft.trainings, *draft.promotions]
        for row in [*history, *draft.attendance]:
            row.employee = employee
        draft.employee = employee
    counts = {"employees": len(employees)}
    for model, attribute in (
        (PerformanceReview, "reviews"),
        (TrainingRecord, "trainings"),
        (Promotion, "promotions"),
        (AttendanceRecord, "attendance"),
    ):
        rows = [row for draft in drafts for row in getattr(draft, attribute)]
        counts[attribute] = len(model.objects.bulk_create(rows, batch_size=2000))
    shifts = Shift.objects.bulk_create(_shifts(drafts, today), batch_size=2000)
    counts["shifts"] = len(shifts)
    return counts


def _drafts(rng: random.Random) -> Iterator[Draft]:
    span = (HISTORY_END - HIRE_START).days
    for family, headcount in HEADCOUNT.items():
        for index in range(headcount):
            draft = Draft(
                family=family,
                team_index=index % 2,
                hire_date=HIRE_START + timedelta(days=rng.randrange(span + 1)),
                performance=rng.gauss(0, 1),
                lateness=rng.gauss(0, 1),
                learning=rng.gauss(0, 1),
            )
            draft.left_on = _leaving_date(draft, rng)
            tenure_at_start = max(0, (HISTORY_START - draft.hire_date).days) / 365
            draft.level = min(2, int(tenure_at_start // 2))
            yield draft


def _leaving_date(draft: Draft, rng: random.Random) -> date | None:
    intercept, per_lateness, per_performance = ATTRITION
    logit = intercept + per_lateness * draft.lateness + per_performance * draft.performance
    earliest = max(draft.hire_date + timedelta(days=180), HISTORY_START)
    if rng.random() >= _sigmoid(logit) or earliest >= HISTORY_END:
        return None
    return earliest + timedelta(days=rng.randrange((HISTORY_END - earliest).days))


def _history(draft: Draft, rng: random.Random) -> None:
    _reviews(draft, rng)
    _trainings(draft, rng)
    _promotions(draft, rng)
    _attendance(draft, rng)


def _reviews(draft: Draft, rng: random.Random) -> None:
    """One review per half-year worked in full (hired 3+ months before its end)."""
    for period, _start, end in PERIODS:
        if draft.hire_date > end - timedelta(days=90) or not draft.employed_on(end):
            continue
        metrics = {
            name: _observe(model, draft.performance, rng)
            for name, model in (METRIC_MODELS[draft.family] | SHARED_METRICS).items()
        }
        rating = Decimal(str(_observe(RATING_MODEL, draft.performance, rng)))
        draft.reviews.append(PerformanceReview(period=period, rating=rating, metrics=metrics))


def _observe(model: tuple[float, ...], performance: float, rng: random.Random) -> float:
    base, slope, noise, low, high, decimals = model
    value = min(high, max(low, base + slope * performance + rng.gauss(0, noise)))
    return round(value, int(decimals)) if decimals else float(round(value))


def _trainings(draft: Draft, rng: random.Random) -> None:
    courses = SHARED_COURSES + FAMILY_COURSES[draft.family]
    base, per_learning = COURSES
    for first, last in _employed_years(draft):
        share_of_year = ((last - first).days + 1) / 365
        for _ in range(
            _poisson(share_of_year * math.exp(base + per_learning * draft.learning), rng)
        ):
            course, hours = rng.choice(courses)
            draft.trainings.append(
                TrainingRecord(
                    course=course,
                    completed_on=first + timedelta(days=rng.randrange((last - first).days + 1)),
                    hours=Decimal(hours),
                    score=Decimal(rng.randrange(120, 201)) / 2,  # 60.0 to 100.0
                )
            )


def _employed_years(draft: Draft) -> Iterator[tuple[date, date]]:
    """(first, last) employed day of each calendar year of the history window."""
    last_day = draft.left_on - timedelta(days=1) if draft.left_on else HISTORY_END
    for year in range(HISTORY_START.year, HISTORY_END.year + 1):
        first = max(draft.hire_date, date(year, 1, 1))
        last = min(last_day, date(year, 12, 31))
        if first <= last:
            yield first, last


def _promotions(draft: Draft, rng: random.Random) -> None:
    intercept, per_rating, rating_centre, per_hour, hours_centre = PROMOTION
    ratings = {review.period: float(review.rating) for review in draft.reviews}
    last_move = draft.hire_date
    for period, day in PROMOTION_ROUNDS:
        eligible = (
            period in ratings
            and draft.employed_on(day)
            and draft.level < len(TITLES[draft.family]) - 1
            and (day - last_move).days >= MONTHS_BETWEEN_PROMOTIONS * 365 // 12
        )
        if not eligible:
            continue
        hours = sum(
            float(t.hours)
            for t in draft.trainings
            if day - timedelta(days=365) < t.completed_on <= day
        )
        logit = (
            intercept
            + per_rating * (ratings[period] - rating_centre)
            + per_hour * (hours - hours_centre)
        )
        if rng.random() < _sigmoid(logit):
            from_title = draft.title
            draft.level += 1
            draft.promotions.append(
                Promotion(date=day, from_title=from_title, to_title=draft.title)
            )
            last_move = day


def _attendance(draft: Draft, rng: random.Random) -> None:
    """Only exception days are stored: a working day without a record means present."""
    base, per_lateness = LATENESS
    late_chance = math.exp(base + per_lateness * draft.lateness) / WORKING_DAYS_PER_YEAR
    absent_chance = ABSENCES_PER_YEAR / WORKING_DAYS_PER_YEAR
    for first, last in _employed_years(draft):
        workdays = [d for d in _days(first, last) if d.weekday() < 5]
        leave = _leave_days(workdays, rng)
        for day in workdays:
            roll = rng.random()
            if day in leave:
                status, minutes = AttendanceStatus.LEAVE, 0
            elif roll < absent_chance:
                status, minutes = AttendanceStatus.ABSENT, 0
            elif roll < absent_chance + late_chance:
                status, minutes = AttendanceStatus.LATE, min(120, 5 + int(rng.expovariate(1 / 12)))
            else:
                continue
            draft.attendance.append(AttendanceRecord(date=day, status=status, minutes_late=minutes))


def _leave_days(workdays: list[date], rng: random.Random) -> set[date]:
    """Annual leave in a few blocks of consecutive working days, as people take it."""
    days: set[date] = set()
    blocks = round(LEAVE_BLOCKS_PER_YEAR * len(workdays) / WORKING_DAYS_PER_YEAR)
    for _ in range(blocks):
        start = rng.randrange(len(workdays))
        days.update(workdays[start : start + rng.randint(1, LONGEST_LEAVE_DAYS)])
    return days


def _days(first: date, last: date) -> Iterator[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _employee(
    number: int,
    draft: Draft,
    organisation: Organisation,
    placement: Placement,
    people: IdentityFactory,
    rng: random.Random,
) -> Employee:
    style = EN if rng.random() < ENGLISH_NAME_SHARE else ZH
    hired = draft.hire_date.year
    identity = people.person(
        style=style,
        born_between=(date(hired - 40, 1, 1), date(hired - 21, 12, 31)),
        email_domain=EMAIL_DOMAIN,
    )
    return Employee(
        organisation=organisation,
        department=placement.department,
        team=placement.teams[draft.team_index],
        employee_number=f"E{number:05d}",
        name=identity.name,
        email=identity.email,
        phone=identity.phone,
        gender=identity.gender,
        birth_date=identity.birth_date.isoformat(),
        ethnicity=identity.ethnicity,
        region=identity.region,
        job_title=draft.title,
        role_family=draft.family,
        hire_date=draft.hire_date,
        status=EmploymentStatus.LEFT if draft.left_on else EmploymentStatus.ACTIVE,
        left_on=draft.left_on,
        interview_results=_interview_results(draft, placement, rng),
    )


def _interview_results(draft: Draft, placement: Placement, rng: random.Random) -> dict:
    """A pre-HireLoop interview, shaped like archive.services.interview_results (relation e)."""
    if draft.hire_date < INTERVIEWED_FROM:
        return {}
    base, loading, session_noise, item_noise = INTERVIEW
    session = rng.gauss(0, session_noise)
    non_predictive = NON_PREDICTIVE_DIMENSION[draft.family]
    weighted = []
    for name, weight in placement.dimensions:
        slope = 0.0 if name == non_predictive else loading
        value = base + slope * draft.performance + session + rng.gauss(0, item_noise)
        weighted.append((name, weight, round(min(10.0, max(0.0, value)), 1)))
    overall = round(sum(w * s for _n, w, s in weighted) / sum(w for _n, w, _s in weighted), 1)
    scores = [{"dimension": name, "score": score, "evidence": []} for name, _w, score in weighted]
    report = {
        "report_id": None,
        "overall_score": overall,
        "recommendation": recommendation_for(overall),
        "scores": scores,
        "reviews": [],
    }
    return {"job": placement.job_title, "match_score": None, "reports": [report], "source": "demo"}


def _shifts(drafts: list[Draft], today: date) -> Iterator[Shift]:
    """The next two weeks of shifts for everyone still employed (all are in a team)."""
    for index, draft in enumerate(d for d in drafts if d.left_on is None):
        for day in _days(today, today + timedelta(days=SHIFT_DAYS - 1)):
            hours = _shift_hours(draft.family, index, day)
            if hours is not None:
                yield Shift(employee=draft.employee, date=day, starts_at=hours[0], ends_at=hours[1])


def _shift_hours(family: str, index: int, day: date) -> tuple[time, time] | None:
    if family != "customer_service":
        return OFFICE_HOURS if day.weekday() < 5 else None
    # Customer service covers every day: each agent rests two days a week (staggered by
    # person) and switches between the early and late shift every ISO week.
    if day.weekday() in (index % 7, (index + 1) % 7):
        return None
    return SERVICE_SHIFTS[(day.isocalendar().week + index) % 2]


def _poisson(mean: float, rng: random.Random) -> int:
    """Knuth's method; fine for the small means used here."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _sigmoid(value: float) -> float:
    return 1 / (1 + math.exp(-value))
