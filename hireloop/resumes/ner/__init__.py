"""Resume entity extraction with linear-chain CRFs (python-crfsuite).

Chinese: ResumeNER entity types (NAME, EDU, ORG, TITLE, PRO, CONT, RACE, LOC) tagged per
character. English: resume fields (Name, Email Address, Designation, ...) tagged per word.
See docs/resume-ner.md for the method and the measured figures.
"""

from hireloop.resumes.ner.data import Entity

__all__ = ["Entity"]
