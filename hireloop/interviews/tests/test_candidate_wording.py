"""What the interview itself says to a candidate in Chinese is polite (您) and reads naturally
for any dimension name: generated questions, scenarios, the practice and resume questions
(the remarks and follow-ups: assessment/tests/test_feedback.py)."""

from hireloop.interviews import question_templates, room, scenarios, services

DIMENSION_NAMES = ["系统设计", "客户开拓与成交", "同理心与情绪安抚", "沟通表达"]


def _chinese_texts() -> list[str]:
    texts = [
        t.format(name=n) for t in question_templates.TEMPLATES["zh-hans"] for n in DIMENSION_NAMES
    ]
    for template in (*scenarios.TEMPLATES, scenarios.GENERIC):
        texts.append(template.text["zh-hans"].format(job="后端工程师"))
    texts.append(room.practice_question("zh-hans"))
    texts += [kinds["zh-hans"] for kinds in services.PROBE_TEXTS.values()]
    return texts


def test_the_candidate_is_addressed_as_nin() -> None:
    # A customer's "你们" inside a scenario is quoted speech, not the candidate's address.
    informal = [text for text in _chinese_texts() if "你" in text.replace("你们", "")]
    assert informal == []


def test_template_questions_read_naturally_for_a_noun_dimension() -> None:
    for name in DIMENSION_NAMES:
        questions = question_templates.questions_for(name, "zh-hans")
        assert all("您" in question for question in questions)
        # "发挥「系统设计」", "体现您「系统设计」": a verb that needs an ability, given a field
        assert not any(f"发挥「{name}」" in q or f"体现您「{name}」" in q for q in questions)
        assert not any(f"体现你「{name}」" in q for q in questions)


def test_english_template_questions_read_the_dimension_mid_sentence() -> None:
    questions = question_templates.questions_for("System design", "en")
    assert "shows your system design:" in questions[0]
    assert not any("System design" in question for question in questions)
    # Acronyms, names with inner capitals and proper nouns keep their capitals.
    for name in ("SQL tuning", "JavaScript", "Python programming", "English communication"):
        assert all(name in q for q in question_templates.questions_for(name, "en")), name
    assert "shows your teamwork:" in question_templates.questions_for("teamwork", "en")[0]
    # Chinese has no capitals: the name is quoted as written.
    assert all(
        "「System design」" in q
        for q in question_templates.questions_for("System design", "zh-hans")
    )
