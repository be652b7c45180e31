"""The candidate's name: never a job title, a heading, an address or a number (issue 14)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireloop.resumes.fields import find_name, parse_resume_text
from hireloop.resumes.fields_names import OCCUPATION_WORDS, english_name

# First lines of real public sample resumes (anonymised: they show no name) and headings.
NOT_NAMES = [
    "ENGINEERING OPERATIONS DIRECTOR",
    "ABA THERAPIST",
    "#47",
    "RESUME",
    "Resume",
    "CURRICULUM VITAE",
    "Curriculum Vitae",
    "SALES ASSOCIATE",
    "Sales Associate",
    "CENTER SALES",
    "SHOE DEPT. LEAD SUPERVISOR",
    "INDEPENDENT BEAUTY ADVISOR",
    "Professional Summary",
    "WORK EXPERIENCE",
    "Career Overview",
    "123 Main Street, Springfield, IL 62704",
    "Springfield, IL",
    "42 Baker Street",
    "Kindergarten Teacher",
    "IT COMPLIANCE AUDITOR",
    "2015 - 2019",
    "Page 1 of 2",
    "jane.doe@example.com",
    "+1 (415) 555-0134",
]


@pytest.mark.parametrize("line", NOT_NAMES)
def test_a_title_heading_address_or_number_is_no_name(line: str) -> None:
    assert english_name(line) == ""
    assert english_name(line, near_contact=True) == ""
    assert find_name([line, "Summary", "Results-driven manager with 10 years."]) == ""


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Jane Doe", "Software Engineer", "jane@example.com"], "Jane Doe"),
        (["RESUME", "John A. Smith", "Boston, MA"], "John A. Smith"),
        (["CURRICULUM VITAE", "Priya Raman, MBA", "+91 98400 12345"], "Priya Raman"),
        (["Dr. Maria de la Cruz | maria@example.com"], "Maria de la Cruz"),
        (["Mary-Jane O'Neil", "mj@example.com"], "Mary-Jane O'Neil"),
        # Capitals-only: a known given name, or the contact line right below.
        (["JOHN SMITH", "Accountant"], "JOHN SMITH"),
        (["ACCOUNTANT", "Summary", "KOWALCZYK WOJTEK", "wojtek@example.com"], "KOWALCZYK WOJTEK"),
        # An occupation word may be a surname after a given name.
        (["Grace Cook", "Chef"], "Grace Cook"),
        # Below the top, only next to the contact line.
        (
            ["SALES ASSOCIATE", "Summary", "Friendly.", "Dana Whitfield", "555-123-4567"],
            "Dana Whitfield",
        ),
        (["SALES ASSOCIATE", "Summary", "Friendly.", "Dana Whitfield", "Skills"], ""),
    ],
)
def test_names_are_found_near_the_top_or_the_contact_line(lines: list[str], name: str) -> None:
    assert find_name(lines) == name


def test_capitals_only_line_without_a_known_given_name_or_contact_is_no_name() -> None:
    assert find_name(["KOWALCZYK WOJTEK", "Summary"]) == ""


def test_a_labelled_name_must_look_like_one() -> None:
    assert find_name(["Name: Jane Doe"]) == "Jane Doe"
    assert find_name(["Name: #47", "Sales Manager"]) == ""
    assert find_name(["姓名：李娜"]) == "李娜"


def test_parse_resume_text_never_names_a_title() -> None:
    text = "ENGINEERING OPERATIONS DIRECTOR\nSummary\nLed a team of 40.\nSkills\nExcel"
    assert parse_resume_text(text).name == ""
    assert parse_resume_text("ABA THERAPIST\n#47\nProfile\nPatient.").name == ""


def test_chinese_names_are_unchanged() -> None:
    assert find_name(["个人简历", "张伟", "电话：13912345678"]) == "张伟"
    assert find_name(["王 芳 | 13912345678"]) == "王芳"
    assert find_name(["赵伟先生：1955年出生"]) == "赵伟"


TITLE_HEADS = sorted(
    {"manager", "director", "engineer", "teacher", "therapist", "assistant", "analyst"}
    | {word for word in OCCUPATION_WORDS if word.isalpha()}
)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)


@given(
    st.lists(WORD, min_size=0, max_size=2),
    st.sampled_from(TITLE_HEADS),
    st.sampled_from([str.upper, str.title]),
)
def test_any_line_with_a_title_word_before_the_end_is_no_name(
    words: list[str], title: str, case: object
) -> None:
    """A job-title word anywhere but last (where it may be a surname) is never a name."""
    line = " ".join([*words, title, "lead"])
    assert callable(case)
    assert english_name(case(line), near_contact=True) == ""


@given(st.from_regex(r"[#\d][\w# -]{0,20}", fullmatch=True))
def test_a_line_starting_with_a_number_is_no_name(line: str) -> None:
    assert english_name(line, near_contact=True) == ""


def test_a_referee_next_to_a_phone_deep_in_the_resume_is_not_the_candidate() -> None:
    body = ["Summary", *(f"Did task {n}." for n in range(12))]
    lines = ["STORE MANAGER", *body, "References", "John Carter", "(415) 555-0134"]
    assert find_name(lines) == ""


def test_lower_case_names_need_a_given_name_or_the_profile_link() -> None:
    profile = "Pune - Email me on Indeed: indeed.com/r/kimaya-sonawane/3f2a9c"
    assert find_name(["kimaya sonawane", profile]) == "kimaya sonawane"
    assert find_name(["consumer reporting agencies", profile]) == ""
    assert english_name("Contact us at the agency.") == ""


def test_a_date_range_is_no_contact_line() -> None:
    lines = ["SALES ASSOCIATE", "Summary", "Friendly.", "Dana Whitfield", "2010 - 2015"]
    assert find_name(lines) == ""
