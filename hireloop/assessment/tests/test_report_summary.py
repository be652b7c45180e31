"""Invariants of the report summary: strengths, gaps and the uncertainty of the overall match."""

import json
import math
import random

import pytest

from hireloop.assessment.judge import CALIBRATION_PATH
from hireloop.assessment.report_summary import (
    DimensionInput,
    answer_error_sd,
    match_band,
    normalised_weights,
    overall_standard_error,
    summarise,
    weighted_overall,
)
from hireloop.assessment.scoring import DimensionResult, overall_score
from hireloop.assessment.services import ADVANCE_FROM, CONSIDER_FROM

SIGMA = 2.0


def dims(*specs: tuple[float, float, int]) -> list[DimensionInput]:
    return [
        DimensionInput(name=f"d{i}", score=score, weight=weight, answers=answers)
        for i, (score, weight, answers) in enumerate(specs)
    ]


def random_dimensions(rng: random.Random) -> list[DimensionInput]:
    return dims(
        *(
            (round(rng.uniform(0, 10), 1), rng.choice([0, 0.5, 1, 3, 40, 60]), rng.randint(0, 5))
            for _ in range(rng.randint(1, 7))
        )
    )


CASES = [random_dimensions(random.Random(seed)) for seed in range(200)]


def test_strengths_are_the_advance_band_and_gaps_fall_below_consider() -> None:
    summary = summarise(
        dims(
            (ADVANCE_FROM, 1, 2),
            (9.6, 1, 2),
            (CONSIDER_FROM, 1, 2),
            (CONSIDER_FROM - 0.1, 1, 2),
            (1.0, 1, 2),
        ),
        sigma=SIGMA,
    )
    assert summary.strengths == ("d1", "d0")  # best first
    assert summary.gaps == ("d4", "d3")  # weakest first
    assert (summary.advance_from, summary.consider_from) == (ADVANCE_FROM, CONSIDER_FROM)


def test_one_dimension_with_four_answers_has_half_the_per_answer_error() -> None:
    band = match_band(dims((6.0, 1, 4)), sigma=SIGMA)
    assert band.standard_error == pytest.approx(SIGMA / 2)
    assert band.margin == pytest.approx(1.96 * SIGMA / 2)
    assert (band.low, band.high) == pytest.approx((6.0 - 1.96, 6.0 + 1.96))


def test_the_standard_error_combines_the_normalised_weights() -> None:
    # SE = sqrt(0.6² σ²/2 + 0.4² σ²/1)
    expected = math.sqrt(0.36 * SIGMA**2 / 2 + 0.16 * SIGMA**2 / 1)
    assert overall_standard_error(dims((7, 60, 2), (5, 40, 1)), sigma=SIGMA) == pytest.approx(
        expected
    )


def test_more_answers_never_widen_the_band() -> None:
    for dimensions in CASES:
        before = overall_standard_error(dimensions, sigma=SIGMA)
        weights = normalised_weights([d.weight for d in dimensions])
        for i, d in enumerate(dimensions):
            more = [*dimensions]
            more[i] = DimensionInput(d.name, d.score, d.weight, d.answers + 3)
            after = overall_standard_error(more, sigma=SIGMA)
            if weights[i] > 0:
                assert after < before, dimensions
            else:
                assert after == pytest.approx(before), dimensions


def test_weights_are_normalised_and_their_scale_does_not_matter() -> None:
    for dimensions in CASES:
        weights = normalised_weights([d.weight for d in dimensions])
        assert sum(weights) == pytest.approx(1.0) and min(weights) >= 0, dimensions
        scaled = [DimensionInput(d.name, d.score, d.weight * 7.5, d.answers) for d in dimensions]
        assert overall_standard_error(scaled, sigma=SIGMA) == pytest.approx(
            overall_standard_error(dimensions, sigma=SIGMA)
        ), dimensions


def test_the_centre_weighs_dimensions_as_the_scorer_does() -> None:
    for dimensions in CASES:
        results = [DimensionResult(i, d.score, [], [], "mid", "") for i, d in enumerate(dimensions)]
        weights = {i: d.weight for i, d in enumerate(dimensions)}
        # Both round to one decimal; float noise may tip a .x5 either way.
        assert weighted_overall(dimensions) == pytest.approx(
            overall_score(results, weights), abs=0.1001
        ), dimensions


def test_the_band_stays_on_the_scale_and_holds_the_overall() -> None:
    for dimensions in CASES:
        band = summarise(dimensions, sigma=SIGMA).band
        assert 0.0 <= band.low <= band.overall <= band.high <= 10.0, dimensions
        assert band.margin >= 0


def test_negative_or_zero_weights_follow_the_scorer() -> None:
    assert normalised_weights([-5, 1, 3]) == pytest.approx([0, 0.25, 0.75])
    assert normalised_weights([0, 0]) == [0.5, 0.5]
    assert normalised_weights([]) == []


def test_a_dimension_without_answers_counts_as_one_answer() -> None:
    none, one = dims((0.0, 1, 0)), dims((0.0, 1, 1))
    assert overall_standard_error(none, sigma=SIGMA) == overall_standard_error(one, sigma=SIGMA)


def test_an_empty_report_has_no_band_and_does_not_crash() -> None:
    summary = summarise([], sigma=SIGMA)
    assert not summary.has_dimensions
    assert summary.strengths == summary.gaps == ()
    assert summary.band.margin == 0.0 and summary.band.overall == 0.0
    assert summarise([], overall=4.2, sigma=SIGMA).band.low == 4.2


def test_the_stored_overall_is_the_centre_when_given() -> None:
    band = match_band(dims((9.9, 1, 1)), overall=9.5, sigma=SIGMA)
    assert band.overall == 9.5 and band.high == 10.0  # clipped


def test_sigma_is_the_judges_measured_held_out_rmse() -> None:
    held_out = json.loads(CALIBRATION_PATH.read_text())["models"]["usem3"]["held_out"]
    assert held_out["n"] > 300  # measured on the held-out questions, not the training ones
    assert answer_error_sd() == held_out["rmse"]
    assert 0.5 < answer_error_sd() < 4.0
    assert summarise(dims((5, 1, 1))).sigma == answer_error_sd()
