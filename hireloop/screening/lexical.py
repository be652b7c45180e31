"""Stage 1 of screening: how well a resume's words cover the job's words, in Chinese and English.

Two parts, each 0-1 and each quoting the resume lines it rests on:

- keyword coverage: the job's terms (its skills and keywords as phrases, the words of its title
  and description, and the skills of the bilingual taxonomy its text names) weighted by where
  they appear in the job and by their rarity in general language (background.py: fixed, so a
  resume's score never depends on the other resumes), each credited with BM25's saturating
  term frequency, so that the tenth "Excel" adds little and a long resume does not win by
  length alone;
- hidden keywords: indicator phrases HR cares about that resumes imply rather than state, e.g.
  "led a team of 5" shows leadership, 跨部门协作 shows teamwork (indicators.py).
"""

import functools
import math
from collections import Counter
from dataclasses import dataclass

from hireloop.resumes.fields import (
    CASE_SENSITIVE,
    SKILL_SYNONYMS,
    canonical_skill,
    find_mention,
    mentions,
    spelling_pattern,
)

from .background import background_idf
from .chinese_words import chinese_words
from .matching import Check
from .words import CJK_RUN, latin_tokens, tokenize

# BM25's usual constants (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009).
K1 = 1.2
B = 0.75
# Where a term appears in the job sets its weight: the title and the listed skills and keywords
# say what the job is; the description also carries filler.
TITLE_WEIGHT = 3.0
LISTED_WEIGHT = 2.0
DESCRIPTION_WEIGHT = 1.0
# A skill of the bilingual taxonomy that the job's text names without listing it ("customer
# service" in the description): searched for with all its spellings, weighted as a listed one.
TAXONOMY_WEIGHT = LISTED_WEIGHT
# Terms kept per job: a long description would otherwise dilute the few terms that matter.
MAX_TERMS = 40
# BM25's length normalisation divides by the average resume length. Taken from the pool it
# made a resume's score move as others arrived, so it is a constant: a typical resume of 500
# running words (background.TYPICAL_RESUME_WORDS) keeps about 300 tokens once stop words are
# out (about 40% of English running text is stop words of words.py's list). Chinese bigrams
# count half (length_of below): a Chinese word is about two characters.
AVERAGE_RESUME_TOKENS = 300.0
# Terms quoted in an explanation.
MAX_EXPLAINED = 12


@dataclass(frozen=True)
class JobTerm:
    """One term of the job; phrase terms (listed skills and keywords, Chinese words) are
    searched for in the resume's text with the shared bilingual synonym table."""

    text: str  # a stem for English words, the canonical skill name for phrases
    label: str  # as the job wrote it, for explanations
    weight: float
    is_phrase: bool

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """A Latin phrase's stemmed words, for inflected matches; empty for others."""
        if not self.is_phrase or CJK_RUN.search(self.label) or self.text in CASE_SENSITIVE:
            return frozenset()
        return frozenset(tokenize(self.label))


@dataclass(frozen=True)
class ResumeTerms:
    """A resume's token counts and the first line of each token, computed once per resume."""

    counts: Counter[str]
    first_line: dict[str, int]
    line_words: list[frozenset[str]]
    length: int


def terms_of_resume(lines: list[str]) -> ResumeTerms:
    """Stemmed Latin words and Chinese character bigrams of the resume's lines, counted."""
    counts: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    line_words = []
    for index, line in enumerate(lines):
        tokens = tokenize(line)
        counts.update(tokens)
        line_words.append(frozenset(tokens))
        for token in tokens:
            first_line.setdefault(token, index)
    return ResumeTerms(counts, first_line, line_words, length_of(counts))


def length_of(counts: Counter[str]) -> int:
    """A resume's length in words: Latin tokens, and Chinese bigrams counted half."""
    chinese = sum(count for token, count in counts.items() if CJK_RUN.match(token))
    return sum(counts.values()) - chinese + chinese // 2


def job_terms(
    *, title: str, description: str, listed: list[str], keywords: list[str]
) -> list[JobTerm]:
    """The job's terms with their weights, heaviest first, at most MAX_TERMS.

    Listed skills and keywords stay phrases ("accounts payable", "团队协作") and match with
    their synonyms; title and description contribute their own English words and their
    Chinese words as jieba cuts them (chinese_words.py), and the taxonomy's skills they name
    (resumes/fields.py SKILL_SYNONYMS: "data analysis" in the description is also met by
    数据分析 and "data analytics"), nothing from any other text.
    """
    weights: dict[tuple[str, bool], float] = {}
    labels: dict[tuple[str, bool], str] = {}

    def add(key: tuple[str, bool], label: str, weight: float) -> None:
        weights[key] = weights.get(key, 0.0) + weight
        labels.setdefault(key, label)

    phrases = list(dict.fromkeys(p.strip() for p in [*listed, *keywords] if p.strip()))
    for phrase in phrases:
        if is_single_token(phrase):
            add((tokenize(phrase)[0], False), phrase, LISTED_WEIGHT)
        else:
            add((canonical_skill(phrase), True), phrase, LISTED_WEIGHT)
    for key, label in dict(_text_terms(title, phrases)).items():
        add(key, label, TITLE_WEIGHT)
    described = _text_terms(description, phrases)
    surface = dict(reversed(described))  # the first spelling of each term
    for key, count in Counter(key for key, _ in described).items():
        # A word repeated in the description matters more, but with diminishing returns.
        add(key, surface[key], DESCRIPTION_WEIGHT * (1 + math.log(count)))
    for skill in taxonomy_skills(f"{title}\n{description}", phrases):
        add((skill, True), skill, TAXONOMY_WEIGHT)
    ranked = sorted(weights.items(), key=lambda item: -item[1])[:MAX_TERMS]
    return [
        JobTerm(text, labels[(text, is_phrase)], weight, is_phrase)
        for (text, is_phrase), weight in ranked
    ]


def _text_terms(text: str, phrases: list[str]) -> list[tuple[tuple[str, bool], str]]:
    """((term, is_phrase), label) of each word of text: English words as stems, Chinese
    words as phrases, so that a resume is searched for the whole word and its synonyms."""
    english = [((token, False), word) for token, word in latin_tokens(text)]
    chinese = [((canonical_skill(word), True), word) for word in chinese_words(text, phrases)]
    return english + chinese


def taxonomy_skills(text: str, listed: list[str]) -> list[str]:
    """The taxonomy's skills that text mentions in any spelling, unless already listed."""
    already = {canonical_skill(phrase) for phrase in listed}
    return [
        skill
        for skill in SKILL_SYNONYMS
        if skill not in already and skill not in CASE_SENSITIVE and mentions(text, skill)
    ]


def is_single_token(phrase: str) -> bool:
    """Whether a phrase is one plain word, with no synonyms to honour ("ledger", not "JS")."""
    if canonical_skill(phrase) in SKILL_SYNONYMS:
        return False
    return len(tokenize(phrase)) == 1 and not CJK_RUN.search(phrase)


def phrase_count(text: str, phrase: str) -> int:
    """How often text mentions phrase or one of its synonyms (whole words for Latin)."""
    spellings = SKILL_SYNONYMS.get(canonical_skill(phrase), (phrase.strip(),))
    return sum(_spelling_count(text, spelling) for spelling in spellings)


def _spelling_count(text: str, spelling: str) -> int:
    # A Chinese spelling has no case and no word boundaries: a plain count is its pattern's
    # count, and a Chinese job's words are counted in every resume screened.
    if CJK_RUN.fullmatch(spelling):
        return text.count(spelling)
    return len(spelling_pattern(spelling).findall(text))


def count_terms(terms: list[JobTerm], text: str, resume_terms: ResumeTerms) -> list[int]:
    """How often the resume mentions each job term, in the order of terms.

    A phrase that no spelling of the synonym table matches still counts once for each line
    holding all its words in any inflection ("reconciled the general ledgers").
    """
    counts = []
    for term in terms:
        if not term.is_phrase:
            counts.append(resume_terms.counts[term.text])
        elif found := phrase_count(text, term.text):
            counts.append(found)
        else:
            counts.append(len(_lines_with_all_words(term, resume_terms)))
    return counts


def _lines_with_all_words(term: JobTerm, resume_terms: ResumeTerms) -> list[int]:
    if not term.words or any(word not in resume_terms.counts for word in term.words):
        return []  # the common case, decided without looking at lines
    return [i for i, words in enumerate(resume_terms.line_words) if term.words <= words]


def term_weights(terms: list[JobTerm]) -> list[float]:
    """Each term's job weight times its background IDF (background.py): fixed per job."""
    return [term.weight * background_idf(term.label) for term in terms]


@dataclass(frozen=True)
class Coverage:
    """0-1 share of the job's weighted terms a resume covers, and the checks behind it."""

    value: float
    checks: list[Check]


def keyword_coverage(
    *,
    terms: list[JobTerm],
    weights: list[float],
    counts: list[int],
    lines: list[str],
    resume_terms: ResumeTerms,
) -> Coverage:
    """BM25-saturated, IDF-weighted coverage of the job's terms, normalised to 0-1.

    weights are the terms' job weights times their IDF (term_weights). Each term earns its
    weight times tf(k1+1)/(tf + k1(1-b+b·len/avg)) / (k1+1), avg = AVERAGE_RESUME_TOKENS: in
    a resume of average length one mention earns 45% of the term's weight, three mentions 71%.
    """
    total = sum(weights)
    if not terms or total <= 0:
        return Coverage(0.0, [])
    norm = K1 * (1 - B + B * resume_terms.length / AVERAGE_RESUME_TOKENS)
    earned = sum(
        weight * count * (K1 + 1) / (count + norm) / (K1 + 1)
        for weight, count in zip(weights, counts, strict=True)
        if count
    )
    explained = sorted(range(len(terms)), key=lambda i: -weights[i])[:MAX_EXPLAINED]
    checks = []
    for index in explained:
        term, count = terms[index], counts[index]
        if not count:
            checks.append(Check("keyword", term.label, False, ""))
        elif term.is_phrase:
            hit = find_mention(lines, term.text)
            where = [hit[0]] if hit else _lines_with_all_words(term, resume_terms)
            checks.append(Check("keyword", term.label, True, lines[where[0]] if where else ""))
        else:
            line = resume_terms.first_line.get(term.text)
            checks.append(Check("keyword", term.label, True, "" if line is None else lines[line]))
    return Coverage(min(1.0, earned / total), checks)
