"""Chinese resume CRF: jieba word and lexicon features (hireloop/resumes/ner/lexicon.py)."""

import jieba
import pytest

from hireloop.resumes.ner import lexicon
from hireloop.resumes.ner.features import FeatureSet, sentence_features
from hireloop.resumes.ner.model import spaces_as_commas, tag_chinese

LINE = "现任北京银行行长，毕业于清华大学。"


def _with_prefix(items: list[list[str]], prefix: str) -> list[list[str]]:
    return [[feature for feature in item if feature.startswith(prefix)] for item in items]


def test_segmentation_marks_each_character_by_its_place_in_the_jieba_word() -> None:
    words = [LINE[start:end] for start, end in lexicon.segment(LINE)]
    assert "".join(words) == LINE
    assert "清华大学" in words
    start = LINE.index("清华大学")
    positions = _with_prefix(lexicon.segmentation_features(LINE, with_words=False), "seg=")
    assert [item[0] for item in positions[start : start + 4]] == [
        "seg=B", "seg=M", "seg=M", "seg=E",
    ]  # fmt: skip
    tags = _with_prefix(lexicon.segmentation_features(LINE, with_words=False), "segtag=")
    assert tags[start] == ["segtag=Bnt"]  # 清华大学 is an organisation (nt) in dict.txt


def test_lattice_marks_every_organisation_and_place_word_over_a_character() -> None:
    features = lexicon.lattice_features(LINE)
    beijing = LINE.index("北京")
    assert "lat_b=ns2" in features[beijing]
    assert "lat_e=ns2" in features[beijing + 1]
    school = LINE.index("清华大学")
    assert "lat_b=nt4" in features[school]
    assert "lat_i=nt" in features[school + 1]
    assert "lat_e=nt4" in features[school + 3]
    # Function words and punctuation lie in no organisation or place word.
    assert features[LINE.index("，")] == []
    assert all(len(item) == len(set(item)) for item in features)


def test_words_added_to_jiebas_global_dictionary_do_not_change_the_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sentence_features(LINE, FeatureSet(segmentation=True, lattice=True))

    def global_jieba_must_not_be_used(*args: object, **kwargs: object) -> None:
        raise AssertionError("the NER features used jieba's global tokenizer")

    monkeypatch.setattr(jieba, "cut", global_jieba_must_not_be_used)
    monkeypatch.setattr(jieba, "lcut", global_jieba_must_not_be_used)
    monkeypatch.setattr(jieba, "dt", None)
    assert sentence_features(LINE, FeatureSet(segmentation=True, lattice=True)) == before


def test_feature_switches_add_only_their_own_features() -> None:
    base = sentence_features(LINE, FeatureSet())
    full = sentence_features(LINE, FeatureSet(segmentation=True, lattice=True, words=True))
    assert not any(f.startswith(("seg", "lat_", "word=")) for item in base for f in item)
    for base_item, full_item in zip(base, full, strict=True):
        assert full_item[: len(base_item)] == base_item
    assert any(f.startswith("word=") for item in full for f in item)
    only_words = sentence_features(LINE, FeatureSet(words=True))
    assert not any(f.startswith(("seg", "lat_")) for item in only_words for f in item)


def test_features_are_deterministic() -> None:
    feature_set = FeatureSet(segmentation=True, lattice=True, words=True)
    assert sentence_features(LINE, feature_set) == sentence_features(LINE, feature_set)
    assert sentence_features("", feature_set) == []


def test_spaces_between_chinese_fields_read_as_commas_with_offsets_kept() -> None:
    line = "2008-2012 重庆大学 土木工程 学士  Goldman Sachs"
    replaced = spaces_as_commas(line)
    assert len(replaced) == len(line)
    assert replaced == "2008-2012，重庆大学，土木工程，学士，，Goldman Sachs"
    assert spaces_as_commas("第一行\n第二行") == "第一行\n第二行"


def test_a_space_separated_education_line_keeps_the_school_apart_from_the_major() -> None:
    # ResumeNER has no spaces; before they were read as commas the jieba-feature model took
    # "重庆大学 土木工程 " as one organisation.
    line = "2008-2012 重庆大学 土木工程 学士"
    organisations = [entity.text for entity in tag_chinese(line) if entity.type == "ORG"]
    assert organisations == ["重庆大学"]
    for entity in tag_chinese(line):
        assert line[entity.start : entity.end] == entity.text
