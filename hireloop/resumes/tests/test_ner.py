"""Resume entity extraction: decoding, scoring, and the shipped CRF models."""

import time
from pathlib import Path

import pytest

from hireloop.resumes.ner.data import (
    Entity,
    read_bmes,
    spans_to_tags,
    tags_to_spans,
)
from hireloop.resumes.ner.english import (
    parse_record,
    resolve_overlaps,
    tag_english,
)
from hireloop.resumes.ner.evaluate import score_spans
from hireloop.resumes.ner.model import default_tagger, split_sentences, tag_chinese

SHARED_ZH = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "resume_ner_zh"

CHINESE_LINE = (
    "张伟，男，1985年出生，汉族，本科学历，毕业于清华大学计算机系，"
    "现任北京字节跳动科技有限公司高级工程师。"
)

ENGLISH_RESUME = """Priya Raman
Senior Software Engineer - Infosys Limited

Chennai, Tamil Nadu - Email me on Indeed: indeed.com/r/Priya-Raman/3f2a9c5d1e7b4a60
priya.raman@example.com

WORK EXPERIENCE

Senior Software Engineer

Infosys Limited -  Chennai, Tamil Nadu -

June 2015 to Present

EDUCATION

B.E in Computer Science

Anna University -  Chennai, Tamil Nadu

2011 to 2015

SKILLS

Java (5 years), SQL (4 years)
"""


# --- decoding ---------------------------------------------------------------------------


def test_bmes_decoding_of_well_formed_tags() -> None:
    tags = ["B-NAME", "E-NAME", "O", "S-RACE", "B-ORG", "M-ORG", "E-ORG"]
    assert tags_to_spans(tags) == [("NAME", 0, 2), ("RACE", 3, 4), ("ORG", 4, 7)]


def test_inside_tag_without_begin_starts_an_entity() -> None:
    assert tags_to_spans(["O", "M-ORG", "E-ORG", "O"]) == [("ORG", 1, 3)]
    assert tags_to_spans(["I-ORG", "I-ORG"]) == [("ORG", 0, 2)]


def test_single_and_stray_end_tags_are_one_character_entities() -> None:
    assert tags_to_spans(["S-NAME"]) == [("NAME", 0, 1)]
    assert tags_to_spans(["O", "E-TITLE"]) == [("TITLE", 1, 2)]


def test_type_change_closes_the_open_entity() -> None:
    assert tags_to_spans(["B-ORG", "M-TITLE", "E-TITLE"]) == [("ORG", 0, 1), ("TITLE", 1, 3)]


def test_entity_open_at_the_end_is_closed_there() -> None:
    assert tags_to_spans(["O", "B-EDU", "M-EDU"]) == [("EDU", 1, 3)]
    assert tags_to_spans(["B-ORG", "I-ORG", "O", "B-ORG"]) == [("ORG", 0, 2), ("ORG", 3, 4)]


def test_encoding_round_trips() -> None:
    spans = [("NAME", 0, 2), ("RACE", 3, 4), ("ORG", 5, 9)]
    assert tags_to_spans(spans_to_tags(10, spans)) == spans
    assert tags_to_spans(spans_to_tags(10, spans, scheme="BIO")) == spans


def test_read_bmes(tmp_path: Path) -> None:
    path = tmp_path / "tiny.bmes"
    path.write_text("高 B-NAME\n勇 E-NAME\n， O\n\n汉 B-RACE\n族 E-RACE\n", encoding="utf-8")
    first, second = read_bmes(path)
    assert first.text == "高勇，"
    assert tags_to_spans(second.tags) == [("RACE", 0, 2)]


# --- scoring -------------------------------------------------------------------------------


def test_entity_scores_count_exact_span_and_type() -> None:
    gold = [[("NAME", 0, 2), ("ORG", 5, 9)], [("TITLE", 0, 3), ("ORG", 4, 6)]]
    predicted = [
        [("NAME", 0, 2), ("ORG", 5, 8)],  # ORG boundary wrong: a miss and a false alarm
        [("TITLE", 0, 3), ("ORG", 4, 6), ("NAME", 7, 8)],
    ]
    scores = score_spans(gold, predicted)
    total = scores["ALL"]
    assert (total.true_positives, total.predicted, total.gold) == (3, 5, 4)
    assert total.precision == pytest.approx(3 / 5)
    assert total.recall == pytest.approx(3 / 4)
    assert total.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert scores["ORG"].f1 == pytest.approx(0.5)
    assert scores["NAME"].precision == pytest.approx(0.5)
    assert scores["NAME"].recall == pytest.approx(1.0)


def test_scores_without_predictions_are_zero_not_an_error() -> None:
    scores = score_spans([[("ORG", 0, 2)]], [[]])
    assert (scores["ALL"].precision, scores["ALL"].recall, scores["ALL"].f1) == (0.0, 0.0, 0.0)


# --- English data cleaning ---------------------------------------------------------------------


def test_overlapping_labels_keep_the_earliest_then_longest() -> None:
    spans = [("Skills", 10, 20), ("Designation", 0, 12), ("Companies worked at", 0, 5)]
    assert resolve_overlaps(spans) == [("Designation", 0, 12)]


def test_shifted_offsets_are_realigned_and_end_is_made_exclusive() -> None:
    content = "Jane Doe\nOracle - Pune"
    record = {
        "content": content,
        "annotation": [
            {"label": ["Name"], "points": [{"start": 0, "end": 7, "text": "Jane Doe"}]},
            # Quoted text is right but the offsets are two characters early.
            {"label": ["Location"], "points": [{"start": 16, "end": 19, "text": "Pune"}]},
        ],
    }
    document = parse_record(record)
    assert [content[start:end] for _, start, end in document.spans] == ["Jane Doe", "Pune"]


# --- shipped models ----------------------------------------------------------------------------


def test_chinese_model_tags_a_resume_line() -> None:
    entities = tag_chinese(CHINESE_LINE)
    found = {(entity.type, entity.text) for entity in entities}
    assert ("NAME", "张伟") in found
    assert ("RACE", "汉族") in found
    assert any(entity.type == "ORG" and "清华大学" in entity.text for entity in entities)
    assert any(entity.type == "TITLE" and entity.text.endswith("工程师") for entity in entities)
    for entity in entities:
        assert CHINESE_LINE[entity.start : entity.end] == entity.text


def test_chinese_model_offsets_hold_across_sentences() -> None:
    text = "李娜，女，汉族。\n现任华为技术有限公司财务总监。"
    for entity in tag_chinese(text):
        assert isinstance(entity, Entity)
        assert text[entity.start : entity.end] == entity.text
    # The line break is itself a sentence end, so the second chunk starts after it.
    assert split_sentences(text) == [(0, "李娜，女，汉族。"), (9, "现任华为技术有限公司财务总监。")]
    titles = [entity for entity in tag_chinese(text) if entity.type == "TITLE"]
    assert [(entity.text, entity.start) for entity in titles] == [("财务总监", 19)]


def test_chinese_model_handles_empty_text() -> None:
    assert tag_chinese("") == []
    assert default_tagger() is default_tagger()


def test_english_model_finds_name_and_email() -> None:
    entities = tag_english(ENGLISH_RESUME)
    by_type = {entity.type: entity.text for entity in reversed(entities)}
    assert by_type.get("Name") == "Priya Raman"
    # The CRF learnt Indeed's masked profile links; real addresses come from the e-mail pattern.
    emails = {entity.text for entity in entities if entity.type == "Email Address"}
    assert "priya.raman@example.com" in emails
    for entity in entities:
        assert ENGLISH_RESUME[entity.start : entity.end] == entity.text


@pytest.mark.skipif(
    not SHARED_ZH.exists(), reason=f"ResumeNER data not found at {SHARED_ZH} (reference data)"
)
def test_shipped_chinese_model_on_resumener_dev() -> None:
    """dev is part of the shipped model's training data (train + dev), so this is no held-out
    figure (see docs/resume-ner.md for those): it checks that the shipped file and the shipped
    feature switches belong together, which a mismatch would show as a far lower F1."""
    sentences = read_bmes(SHARED_ZH / "dev.char.bmes")
    tagger = default_tagger()
    began = time.perf_counter()
    predicted = [tags_to_spans(tagger.tag_sequence(s.text)) for s in sentences]
    assert time.perf_counter() - began < 5
    scores = score_spans([tags_to_spans(s.tags) for s in sentences], predicted)
    assert scores["ALL"].f1 >= 0.95
