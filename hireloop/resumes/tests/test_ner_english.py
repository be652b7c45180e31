"""English tagger features: the skills gazetteer, company suffixes and line layout."""

from hireloop.resumes.ner.english_features import document_features, tokenize
from hireloop.resumes.ner.english_lexicon import section_kind, skill_marks

RESUME = """Priya Raman
Senior Software Engineer - Infosys Limited

WORK EXPERIENCE

Senior Software Engineer

Infosys Limited -  Chennai, Tamil Nadu -

June 2015 to Present

SKILLS

Java (5 years), machine learning, Spring Boot, C++
"""


def _features_of(word: str, occurrence: int = 0) -> set[str]:
    tokens = tokenize(RESUME)
    features = document_features(RESUME, tokens)
    indexes = [i for i, token in enumerate(tokens) if token.text == word]
    return set(features[indexes[occurrence]])


def test_skill_spellings_of_the_taxonomy_are_marked_longest_first() -> None:
    words = ["Java", ",", "machine", "learning", ",", "Spring", "Boot", "and", "Go"]
    assert skill_marks(words) == ["B", "O", "B", "I", "O", "B", "I", "O", "B"]
    assert skill_marks(["JavaScript"]) == ["B"]
    assert skill_marks(["Infosys", "Limited"]) == ["O", "O"]


def test_section_headings_map_to_kinds() -> None:
    assert section_kind("WORK EXPERIENCE") == "experience"
    assert section_kind("EDUCATION") == "education"
    assert section_kind("TECHNICAL SKILLS") == "skills"
    assert section_kind("ADDITIONAL INFORMATION") == "additional"
    assert section_kind("HOBBIES") == "other"


def test_an_employer_line_shows_its_dash_its_suffix_and_the_dates_below() -> None:
    employer = _features_of("Infosys", occurrence=1)
    assert {"dash_end=True", "1L:dated=True", "sec_kind=experience"} <= employer
    assert "1:co_suffix=True" in employer  # "Limited" follows


def test_skill_words_in_the_skills_section_carry_the_gazetteer_mark() -> None:
    java = _features_of("Java")
    assert {"skill=B", "sec_kind=skills", "since_head=1"} <= java
    assert "skill=O" in _features_of("Chennai")


def test_features_are_the_same_on_every_run() -> None:
    tokens = tokenize(RESUME)
    assert document_features(RESUME, tokens) == document_features(RESUME, tokenize(RESUME))
