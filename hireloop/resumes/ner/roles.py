"""The trained taggers' entities as resume roles, line by line, for field extraction.

Roles: "org" (a company or other organisation), "school", "title", "degree", "major",
"name". Chinese (ResumeNER): ORG is both employers and schools (a school is an ORG whose
text names one), EDU is the degree ("本科学历", "硕士研究生"), PRO the major ("工商管理"),
TITLE the job title. docs/resume-ner.md measures which of these help the rules.
"""

import re
from collections.abc import Sequence

from hireloop.resumes.ner.data import Entity

Roles = dict[int, list[tuple[str, str]]]  # line index -> [(role, text)] in reading order

SCHOOL_WORDS = re.compile(r"大学|学院|学校|中学|高中|university|college|school|institute", re.I)
# ResumeNER tags party membership and honours as TITLE ("中共党员", 183 times in train);
# they are not jobs.
NOT_JOB_TITLES = re.compile(r"党员|群众|团员|人大代表|政协委员|劳动模范|津贴")
_ZH_ROLES = {"TITLE": "title", "EDU": "degree", "PRO": "major", "NAME": "name"}
# How the labels of a Chinese form end; a "name" before a colon that ends like this is one.
LABEL_ENDING = re.compile(r"(?:岗位|意向|职位|人|者|名|方式|电话|手机|邮箱|地址|日期|时间|信息)$")
# Out of its training domain (bios in prose) the tagger sometimes calls a skills list an
# ORG ("熟悉Python、Django、PostgreSQL"): an organisation's name is no enumeration and does
# not start with what the candidate did.
NOT_AN_ORGANISATION = re.compile(r"、|^(?:熟悉|负责|使用|参与|掌握|精通|了解|擅长|主导|协助)")


def chinese_roles(lines: Sequence[str]) -> Roles:
    """Roles found by the Chinese CRF in each line (lines are tagged one by one)."""
    from hireloop.resumes.ner.model import tag_chinese

    roles: Roles = {}
    for index, line in enumerate(lines):
        found = [_chinese_role(entity, line) for entity in tag_chinese(line)]
        roles[index] = [role for role in found if role is not None]
    return roles


# The tagger was trained on prose; on "公司 | 职位" lines its spans can take in the
# separators, which are not part of the name.
ENTITY_EDGES = " \t:：-–—|｜,，;；、。！？!?•●·*"


def _chinese_role(entity: Entity, line: str) -> tuple[str, str] | None:
    text = entity.text.strip(ENTITY_EDGES)
    if line[entity.end : entity.end + 1] in (":", "：") and LABEL_ENDING.search(text):
        return None  # a label ("应聘岗位：产品经理"), though "郑培敏：男" is a name
    if entity.type == "ORG":
        # "公司" / "本公司" alone refer back to an employer named elsewhere.
        if len(text) < 3 or text.startswith("本") or NOT_AN_ORGANISATION.search(text):
            return None
        return ("school" if SCHOOL_WORDS.search(text) else "org"), text
    role = _ZH_ROLES.get(entity.type)
    if role is None or (role == "title" and NOT_JOB_TITLES.search(text)):
        return None
    return role, text


_EN_ROLES = {
    "Companies worked at": "org",
    "Designation": "title",
    "College Name": "school",
    "Degree": "degree",
    "Name": "name",
}


def english_roles(text: str, lines: Sequence[str]) -> Roles:
    """Roles found by the English CRF, which tags the whole document at once.

    The CRF's features include the line number and section, so it sees the document as a
    whole; its spans are then given to the lines they start on.
    """
    from hireloop.resumes.ner.english import tag_english

    starts, position = [], 0
    for line in lines:
        found = text.find(line, position)
        starts.append(found)  # -1 (never matched) only if lines did not come from text
        position = found + len(line) if found >= 0 else position
    roles: Roles = {index: [] for index in range(len(lines))}
    for entity in tag_english(text):
        role = _EN_ROLES.get(entity.type)
        index = _line_of(starts, lines, entity.start)
        if role is not None and index is not None:
            roles[index].append((role, " ".join(entity.text.strip(ENTITY_EDGES).split())))
    return roles


def _line_of(starts: list[int], lines: Sequence[str], offset: int) -> int | None:
    for index, (start, line) in enumerate(zip(starts, lines, strict=True)):
        if start <= offset < start + len(line):
            return index
    return None


def first_role(roles: Roles, indexes: Sequence[int], role: str) -> str:
    """The first text with that role on the given lines, else ""."""
    return next(
        (text for index in indexes for kind, text in roles.get(index, []) if kind == role), ""
    )
