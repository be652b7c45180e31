"""Does the trained tagger help field extraction? Rules alone vs rules with the tagger.

    python -m hireloop.resumes.tests.measure_fields [--data ../shared/data]

Three sets, each scored with three policies ("rules": no tagger; "fallback": the tagger
fills what the rules leave empty; "tagger first": the tagger wins where it finds something):

- zh samples: field_samples.py, hand-written resumes in today's layouts (development and
  held-out halves);
- zh ResumeNER dev: every dev sentence with a date range is one job; the gold employer and
  title are its first labelled ORG and TITLE (real text, but executive bios in prose, and
  the set the Chinese model's c1/c2 were chosen on);
- en DataTurks held-out: the 60 documents the English CRF never saw; a predicted employer,
  title or school is right when it matches a labelled value of its field in the document.

Printed figures are copied into docs/resume-ner.md ("In field extraction").
"""

import argparse
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from hireloop.resumes.fields import EN_TAGGER_FIRST, ZH_TAGGER_FIRST, choose_name
from hireloop.resumes.fields_dates import DATE_RANGE, present_month
from hireloop.resumes.fields_education import find_education
from hireloop.resumes.fields_experience import find_experience
from hireloop.resumes.fields_sections import sectioned
from hireloop.resumes.ner.roles import NOT_JOB_TITLES, SCHOOL_WORDS, chinese_roles, english_roles
from hireloop.resumes.tests.field_samples import DEVELOPMENT, HELD_OUT, Sample

REPO = Path(__file__).resolve().parents[3]
PRESENT = present_month()
ALL_ROLES = frozenset({"org", "title", "school", "degree", "major", "name"})
POLICIES: dict[str, frozenset[str] | None] = {
    "rules": None,
    "fallback": frozenset(),
    "tagger first": ALL_ROLES,
    "shipped zh": ZH_TAGGER_FIRST,
    "shipped en": EN_TAGGER_FIRST,
}


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split()).strip(".,;:()")


class Tally:
    """Precision and recall of predicted values against gold values."""

    def __init__(self) -> None:
        self.correct = self.predicted = self.gold = 0

    def add(self, predicted: Iterable[str], gold: Iterable[str], same: Callable) -> None:
        predicted = [p for p in predicted if p]
        gold = [g for g in gold if g]
        self.predicted += len(predicted)
        self.gold += len(gold)
        remaining = list(gold)
        for value in predicted:
            hit = next((g for g in remaining if same(value, g)), None)
            if hit is not None:
                remaining.remove(hit)
                self.correct += 1

    def line(self) -> str:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({self.correct}/{self.predicted} of {self.gold})"


def exact(a: str, b: str) -> bool:
    return norm(a) == norm(b)


def overlapping(a: str, b: str) -> bool:
    """One contains the other, or (English) they share a word of 3+ letters."""
    x, y = norm(a), norm(b)
    if x and y and (x in y or y in x):
        return True
    words = {w for w in a.lower().split() if len(w) >= 3}
    return bool(words & {w for w in b.lower().split() if len(w) >= 3})


def parse(text: str, roles: dict, policy: frozenset[str] | None) -> tuple[list, list]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sections = sectioned(lines)
    use = roles if policy is not None else {}
    first = policy or frozenset()
    education = find_education(sections, present=PRESENT, roles=use, tagger_first=first)
    experience = find_experience(sections, present=PRESENT, roles=use, tagger_first=first)
    return education, experience


def measure_samples(name: str, samples: list[Sample]) -> None:
    print(f"== zh samples: {name}, {len(samples)} resumes")
    for policy_name, policy in POLICIES.items():
        tallies = {key: Tally() for key in ("employer", "title", "school", "major", "degree")}
        names = 0
        for sample in samples:
            lines = [line.strip() for line in sample.text.splitlines() if line.strip()]
            roles = chinese_roles(lines)
            education, experience = parse(sample.text, roles, policy)
            tallies["employer"].add(
                [e.employer for e in experience], [g[0] for g in sample.experience], exact
            )
            tallies["title"].add(
                [e.title for e in experience], [g[1] for g in sample.experience], exact
            )
            tallies["school"].add(
                [e.school for e in education], [g[0] for g in sample.education], exact
            )
            tallies["major"].add(
                [e.major for e in education], [g[1] for g in sample.education], exact
            )
            tallies["degree"].add(
                [str(e.degree) for e in education if e.degree],
                [str(g[2]) for g in sample.education],
                exact,
            )
            use = roles if policy is not None else {}
            found = choose_name(lines, use, tagger_first="name" in (policy or ()))
            names += found == sample.name
        print(f"  {policy_name:<13} name {names}/{len(samples)}")
        for key, tally in tallies.items():
            print(f"  {'':<13} {key:<8} {tally.line()}")


def measure_resume_ner(folder: Path) -> None:
    from hireloop.resumes.ner.data import read_bmes, tags_to_spans

    sentences = [s for s in read_bmes(folder / "dev.char.bmes") if DATE_RANGE.search(s.text)]
    gold = []
    for sentence in sentences:
        spans = [(t, sentence.text[a:b]) for t, a, b in tags_to_spans(sentence.tags)]
        orgs = [x for t, x in spans if t == "ORG" and not SCHOOL_WORDS.search(x)]
        titles = [x for t, x in spans if t == "TITLE" and not NOT_JOB_TITLES.search(x)]
        gold.append((orgs[:1], titles[:1]))
    print(f"== zh ResumeNER dev: {len(sentences)} sentences with a date range")
    roles = [chinese_roles([s.text]) for s in sentences]
    for policy_name, policy in POLICIES.items():
        employer, title = Tally(), Tally()
        for sentence, (orgs, titles), found in zip(sentences, gold, roles, strict=True):
            _, experience = parse(sentence.text, found, policy)
            employer.add([e.employer for e in experience[:1]], orgs, exact)
            title.add([e.title for e in experience[:1]], titles, exact)
        print(f"  {policy_name:<13} employer {employer.line()}")
        print(f"  {'':<13} title    {title.line()}")
    bios = [s for s in read_bmes(folder / "dev.char.bmes") if _leading_name(s)]
    print(f"== zh ResumeNER dev: {len(bios)} sentences that open with a full name")
    bio_roles = [chinese_roles([s.text]) for s in bios]
    for policy_name, policy in POLICIES.items():
        names = Tally()
        for sentence, found in zip(bios, bio_roles, strict=True):
            use = found if policy is not None else {}
            name = choose_name([sentence.text], use, tagger_first="name" in (policy or ()))
            names.add([name], [_leading_name(sentence)], exact)
        print(f"  {policy_name:<13} name     {names.line()}")


def _leading_name(sentence) -> str:  # type: ignore[no-untyped-def]
    from hireloop.resumes.ner.data import tags_to_spans

    return next(
        (
            sentence.text[a:b]
            for t, a, b in tags_to_spans(sentence.tags)
            if t == "NAME" and a == 0 and b >= 2
        ),
        "",
    )


def measure_english(path: Path) -> None:
    from hireloop.resumes.ner.english import load_documents, split_documents

    _, held_out = split_documents(load_documents(path))
    print(f"== en DataTurks held-out: {len(held_out)} documents")
    fields = {"employer": "Companies worked at", "title": "Designation", "school": "College Name"}
    for policy_name, policy in POLICIES.items():
        tallies = {key: (Tally(), Tally()) for key in fields}
        for document in held_out:
            lines = [line.strip() for line in document.text.splitlines() if line.strip()]
            roles = english_roles(document.text, lines) if policy is not None else {}
            education, experience = parse(document.text, roles, policy)
            predicted = {
                "employer": [e.employer for e in experience],
                "title": [e.title for e in experience],
                "school": [e.school for e in education],
            }
            for key, label in fields.items():
                labelled = {
                    " ".join(document.text[a:b].split()) for f, a, b in document.spans if f == label
                }
                values = list(dict.fromkeys(v for v in predicted[key] if v))
                tallies[key][0].add(values, sorted(labelled), exact)
                tallies[key][1].add(values, sorted(labelled), overlapping)
        for key, (strict, loose) in tallies.items():
            print(f"  {policy_name:<13} {key:<8} exact {strict.line()}")
            print(f"  {'':<13} {'':<8} overlap {loose.line()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    measure_samples("development", DEVELOPMENT)
    measure_samples("held out", HELD_OUT)
    if (args.data / "resume_ner_zh").is_dir():
        measure_resume_ner(args.data / "resume_ner_zh")
    else:
        print(f"(no {args.data / 'resume_ner_zh'}: ResumeNER part skipped)", file=sys.stderr)
    if (args.data / "resume_ner_en" / "traindata.json").is_file():
        measure_english(args.data / "resume_ner_en" / "traindata.json")
    else:
        print("(no DataTurks data: English part skipped)", file=sys.stderr)


if __name__ == "__main__":
    main()
