from hireloop.assessment.services import recommendation_for


def test_recommendation_bands() -> None:
    assert recommendation_for(9.5) == "advance"
    assert recommendation_for(7.5) == "advance"
    assert recommendation_for(6.0) == "consider"  # a vague answer, per the calibration
    assert recommendation_for(4.7) == "not_recommended"  # an off-topic answer
