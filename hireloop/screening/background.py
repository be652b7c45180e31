"""Fixed term statistics for stage 1: how rare a job's term is in general language.

A resume's score against a job must depend only on that resume and that job (issue 14: one
resume went 74.3 → 79.1 → 86.5 as others were uploaded, because IDF and the average length came
from the job's current pool). So term rarity comes from a background corpus shipped with the
product instead of from the resumes screened together:

- **Source.** wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, word lists CC BY-SA 4.0), whose
  English and Chinese frequencies combine Wikipedia, subtitles (OpenSubtitles, SUBTLEX), news
  (NewsCrawl, GlobalVoices), books (Google Books Ngrams), web text (OSCAR) and, for English,
  Reddit and Twitter, collected up to 2021 (https://github.com/rspeer/wordfreq, README,
  "Sources and supported languages"). No resume of the shared data is in it, and nothing here
  is fitted to those resumes.
- **From word frequency to document frequency.** A term of frequency f among running words
  appears in a document of L running words with probability p = 1 - exp(-L·f) (a Poisson
  model of word occurrence); BM25's IDF over a large collection, ln(1 + (N - df + ½)/(df + ½)),
  then tends to ln(1 + (1 - p)/p) = -ln p.
- **L = TYPICAL_RESUME_WORDS.** A one- to two-page resume holds 400-800 running words
  (career guides usually advise one page, ~475 words, for early careers and two, ~1,000, later);
  500 is the middle of the one-page end. A constant, not a measured average of any resumes.
"""

import functools
import math

from .words import CJK_RUN

TYPICAL_RESUME_WORDS = 500
# Words wordfreq has never seen (a product name, a rare acronym) get the frequency of the
# rarest words its large English list keeps (about 1e-8), so their IDF stays finite.
UNSEEN_FREQUENCY = 1e-8


@functools.lru_cache(maxsize=20_000)
def word_frequency(text: str) -> float:
    """The frequency of a word or phrase among running words of its language (wordfreq)."""
    from wordfreq import word_frequency as lookup

    language = "zh" if CJK_RUN.search(text) else "en"
    return max(lookup(text, language), UNSEEN_FREQUENCY)


def background_idf(text: str) -> float:
    """IDF of a term as written in the job ("reconcile", "general ledger", 数据分析), from its
    background frequency alone: the same for every resume and every pool."""
    share = 1 - math.exp(-TYPICAL_RESUME_WORDS * word_frequency(text))
    return math.log(1 + (1 - share) / share)
