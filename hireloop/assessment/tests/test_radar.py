"""The server-side radar chart: well-formed SVG, escaped labels, sane with few dimensions."""

import math
import xml.etree.ElementTree as ET

import pytest

from hireloop.assessment.radar import AI_COLOUR, REVIEW_COLOUR, RINGS, radar_svg, wrap

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well formed


def texts(root: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in root.iter(f"{{{NS['svg']}}}text"))


def polygons(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//svg:polygon", NS)


def test_three_or_more_dimensions_draw_rings_and_a_filled_polygon() -> None:
    labels = ["Problem solving", "团队协作", "Ownership", "沟通协调", "Learning"]
    root = parse(radar_svg(labels=labels, values=[7.4, 8.6, 5.2, 3.9, 9.1], title="Radar"))
    shapes = polygons(root)
    assert len(shapes) == len(RINGS) + 1
    ai = shapes[-1]
    assert ai.get("fill") == AI_COLOUR and float(ai.get("fill-opacity", "1")) < 1
    assert len(ai.get("points", "").split()) == len(labels)
    assert all(label in texts(root) for label in labels)
    assert root.find("svg:title", NS) is not None


def test_a_second_series_adds_a_dashed_polygon_and_a_legend() -> None:
    svg = radar_svg(
        labels=["a", "b", "c"],
        values=[5, 6, 7],
        second_values=[8, 8, 8],
        series_names=("AI", "面试官"),
    )
    root = parse(svg)
    review = polygons(root)[-1]
    assert review.get("stroke") == REVIEW_COLOUR and review.get("stroke-dasharray")
    assert "面试官" in texts(root)


def test_labels_are_escaped() -> None:
    hostile = '<script>alert(1)</script> & "quotes"'
    svg = radar_svg(labels=[hostile, "b", "c"], values=[1, 2, 3], title=hostile)
    assert "<script>" not in svg
    assert "<script>alert(1)</script>" in texts(parse(svg))


@pytest.mark.parametrize("count", [1, 2])
def test_one_or_two_dimensions_become_bars(count: int) -> None:
    labels = ["problem solving", "团队协作"][:count]
    root = parse(radar_svg(labels=labels, values=[7.5, 2.0][:count], second_values=[5, 5][:count]))
    assert polygons(root) == []
    bars = [r for r in root.findall(".//svg:rect", NS) if r.get("fill") == AI_COLOUR]
    assert len(bars) == count + 1  # one per dimension, one in the legend
    assert float(bars[0].get("width", "0")) > 0
    assert all(label in texts(root) for label in labels)


def test_no_dimensions_give_an_empty_chart_not_an_error() -> None:
    root = parse(radar_svg(labels=[], values=[]))
    assert root.tag == f"{{{NS['svg']}}}svg"


def test_values_are_clamped_to_the_scale() -> None:
    wild = radar_svg(labels=["a", "b", "c"], values=[12, -3, math.nan])
    tame = radar_svg(labels=["a", "b", "c"], values=[10, 0, 0])
    assert polygons(parse(wild))[-1].get("points") == polygons(parse(tame))[-1].get("points")


def test_mismatched_values_are_refused() -> None:
    with pytest.raises(ValueError):
        radar_svg(labels=["a", "b", "c"], values=[1, 2])
    with pytest.raises(ValueError):
        radar_svg(labels=["a", "b", "c"], values=[1, 2, 3], second_values=[1])


def test_long_names_wrap_and_are_never_cut() -> None:
    long_name = "Communication and stakeholder management across many different teams"
    root = parse(radar_svg(labels=[long_name, "b", "c"], values=[1, 2, 3]))
    label = next(
        t for t in root.iter(f"{{{NS['svg']}}}text") if t.find("svg:title", NS) is not None
    )
    lines = [span.text or "" for span in label.findall("svg:tspan", NS)]
    assert len(lines) >= 3 and "…" not in "".join(lines)
    assert " ".join(lines) == long_name
    assert label.find("svg:title", NS).text == long_name  # type: ignore[union-attr]


def test_chinese_names_wrap_between_characters_in_balanced_lines() -> None:
    name = "安全与事故响应处理能力"  # once wrapped as "安全与事故响应处理能" + "力"
    lines = wrap(name, 120)
    assert "".join(lines) == name and len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 1


def test_the_chart_is_deterministic() -> None:
    kwargs = {"labels": ["a", "b", "c", "d"], "values": [1.0, 2.0, 3.0, 4.0]}
    assert radar_svg(**kwargs) == radar_svg(**kwargs)  # type: ignore[arg-type]
