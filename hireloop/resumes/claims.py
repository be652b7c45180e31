"""Resume claims an interview can probe, and whether answers support them (M12).

A claim is a resume line that asserts something an interview can probe: leading people
("led a team of 8", "带领8人团队", "项目负责人") or a measured achievement ("cut costs by 30%",
"销售额提升30%"). A claim is supported when some answer talks about the same thing: for
leadership, words of leading or managing; for a figure, the same number. Unsupported claims are
flagged for the interviewer to ask about — a prompt for a human, never a score: a candidate may
simply not have been asked about it.
"""

import re
from dataclasses import dataclass

LEADERSHIP_CLAIM = re.compile(
    r"\b(led|lead|leading|managed|managing|supervised|headed)\b[^.;。；]{0,40}\b(team|people|"
    r"engineers|staff|reports|group|project)s?\b"
    r"|\b(team|project|tech(?:nical)?) lead\b|\bhead of\b"
    r"|带领|领导\S{0,6}团队|管理\S{0,6}(?:团队|人)|项目负责人|团队负责人|组长|主管",
    re.I,
)
LEADERSHIP_ANSWER = re.compile(
    r"\b(led|lead|leading|managed|managing|manager|supervised|coordinated|delegated|my team|"
    r"team of)\b|带领|领导|管理|负责人|协调|分工|我的团队",
    re.I,
)
# A figure worth probing: a percentage, a multiple or an amount, not a year or a phone number.
ACHIEVEMENT_FIGURE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％|x\b|倍|万|million|m\b|k\b)"
    r"|(?:提升|提高|增长|降低|减少|节省|increased|reduced|grew|cut|saved|improved)\D{0,12}"
    r"(\d+(?:\.\d+)?)",
    re.I,
)
MAX_FLAGS = 5


@dataclass(frozen=True)
class ClaimCheck:
    kind: str  # "leadership" | "achievement"
    claim: str  # the resume line, quoted
    supported: bool
    evidence: str  # the answer sentence that supports it, or ""


def check_claims(resume_lines: list[str], answers: list[str]) -> list[ClaimCheck]:
    """Each probe-worthy resume line, with whether an answer supports it (resume order)."""
    sentences = [s for answer in answers for s in _sentences(answer)]
    checks = []
    for line in dict.fromkeys(line.strip() for line in resume_lines if line.strip()):
        if LEADERSHIP_CLAIM.search(line):
            support = next((s for s in sentences if LEADERSHIP_ANSWER.search(s)), "")
            checks.append(ClaimCheck("leadership", line[:300], bool(support), support[:300]))
        elif figures := _figures(line):
            support = next((s for s in sentences if figures & _numbers(s)), "")
            checks.append(ClaimCheck("achievement", line[:300], bool(support), support[:300]))
    return checks


def unsupported_claims(resume_lines: list[str], answers: list[str]) -> list[ClaimCheck]:
    """At most MAX_FLAGS claims no answer supports, leadership first (most often probed)."""
    flagged = [c for c in check_claims(resume_lines, answers) if not c.supported]
    flagged.sort(key=lambda c: c.kind != "leadership")
    return flagged[:MAX_FLAGS]


def _figures(line: str) -> set[str]:
    found = set()
    for match in ACHIEVEMENT_FIGURE.finditer(line):
        number = match.group(1) or match.group(3)
        if number and not _looks_like_a_year(number):
            found.add(_normal_number(number))
    return found


def _numbers(text: str) -> set[str]:
    return {_normal_number(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def _normal_number(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number.lstrip("0") or "0"


def _looks_like_a_year(number: str) -> bool:
    return len(number) == 4 and number[:2] in {"19", "20"}


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?。！？；;])\s*|\n+", text) if s.strip()]


def probe_worthy_claims(resume_lines: list[str], limit: int = 2) -> list[ClaimCheck]:
    """The claims worth a question of their own, leadership first, at most ``limit``."""
    claims = check_claims(resume_lines, [])
    claims.sort(key=lambda c: c.kind != "leadership")
    return claims[:limit]
