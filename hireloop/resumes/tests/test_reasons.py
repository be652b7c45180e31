"""Why a file could not be read travels as a code and its parameters, from the sandbox's child
to the database, and becomes a sentence only in the reader's language."""

import re
import sys

import pytest
from django.utils import translation
from django.utils.translation import gettext

from hireloop.resumes import sandbox
from hireloop.resumes.extract import ResumeUnreadable
from hireloop.resumes.reasons import PARTS, THIS_FILE, UNREADABLE, reason_text
from hireloop.resumes.sandbox import extract_in_sandbox
from hireloop.resumes.sandbox_worker import answer

from .hostile import rewritten_pdf, simple_pdf

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"%\((\w+)\)")
# A value for every parameter any reason takes.
PARAMS = {
    "name": "简历 cv.pdf",
    "limit": 5,
    "count": 9,
    "format": "PNG",
    "width": "8,000",
    "height": "9,000",
    "kind": "picture",
    "cause": "exit",
    "status": -11,
}
TEXTS = [
    *UNREADABLE.values(),
    THIS_FILE,
    *(text for part in PARTS.values() for text in part.values()),
]


@pytest.mark.parametrize("english", TEXTS)
def test_every_reason_has_a_chinese_sentence_with_the_same_parameters(english: str) -> None:
    with translation.override("zh-hans"):
        chinese = gettext(english)
    assert chinese != english and CJK.search(chinese), english
    assert set(PLACEHOLDER.findall(chinese)) == set(PLACEHOLDER.findall(english)), chinese


@pytest.mark.parametrize("code", list(UNREADABLE))
def test_every_reason_renders_in_both_languages_naming_the_file_as_it_is(code: str) -> None:
    english = reason_text(code, PARAMS)
    with translation.override("zh-hans"):
        chinese = reason_text(code, PARAMS, gettext)
        generic = reason_text("unreadable", PARAMS, gettext)
    parts = {"file": "“简历 cv.pdf”", "kind": "picture (PNG)", "cause": "exit status -11"}
    assert english == UNREADABLE[code] % {**PARAMS, **parts}
    assert "“简历 cv.pdf”" in chinese and (chinese != generic or code == "unreadable")
    assert not re.search(r"\b(ask|the|is)\b", chinese), chinese


def test_an_error_is_english_in_str_and_the_readers_language_in_sentence() -> None:
    error = ResumeUnreadable("pdf_password", name="cv.pdf")
    assert str(error) == (
        "“cv.pdf” is password-protected; ask the candidate for an unprotected copy."
    )
    with translation.override("zh-hans"):
        assert error.sentence(gettext) == "“cv.pdf”设有密码保护，请让候选人提供未加密的版本。"
    nameless = ResumeUnreadable("empty", name="")
    assert str(nameless).startswith("This file is empty")
    with translation.override("zh-hans"):
        assert nameless.sentence(gettext).startswith("此文件是空文件")


def test_an_unknown_code_or_missing_parameters_read_as_the_generic_reason() -> None:
    generic = "“cv.pdf” could not be read; ask the candidate to upload it again."
    assert reason_text("from_a_newer_release", {"name": "cv.pdf"}) == generic
    assert reason_text("scan_too_long", {"name": "cv.pdf"}) == generic  # no count, no limit
    assert reason_text("no_text", {"name": "cv.pdf", "kind": "hologram"}) == generic


def test_the_sandbox_child_answers_with_a_code_and_parameters_not_a_sentence() -> None:
    locked = rewritten_pdf(simple_pdf(), password="secret")
    assert answer(locked, "cv.pdf") == {
        "error": "unreadable",
        "code": "pdf_password",
        "params": {"name": "cv.pdf"},
    }
    with pytest.raises(ResumeUnreadable) as caught:
        extract_in_sandbox(locked, "cv.pdf")
    assert (caught.value.code, caught.value.params) == ("pdf_password", {"name": "cv.pdf"})


def test_a_subverted_child_can_only_pick_a_known_reason_for_the_file_it_was_sent(
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    child = """
import json, struct, sys
def send(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(struct.pack(">I", len(body)) + body)
    sys.stdout.buffer.flush()
send({"ready": True})
name_length, data_length = struct.unpack(">II", sys.stdin.buffer.read(8))
sys.stdin.buffer.read(name_length + data_length)
send({"error": "unreadable", "code": "<b>owned</b>", "params": {"name": "other.pdf"}})
"""
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", [sys.executable, "-c", child])
    with pytest.raises(ResumeUnreadable) as caught:
        extract_in_sandbox(simple_pdf(), "cv.pdf")
    assert (caught.value.code, caught.value.params) == ("unreadable", {"name": "cv.pdf"})
