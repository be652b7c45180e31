"""Word-lattice features for the Chinese resume CRF from jieba 0.42.1's own dictionary.

The Lattice LSTM (Zhang & Yang 2018) gains on ResumeNER from the words of a lexicon that
cover each character. A CRF can use the same signal as features: the jieba word that contains
the character (its B/M/E/S position, its length and its dictionary tag), and every
organisation (``nt``) and place (``ns``) word of jieba's dict.txt that covers the character.

A private ``jieba.Tokenizer`` over the shipped dict.txt is used, never the global one, so that
words another part of HireLoop adds to jieba's default dictionary cannot change these
features: the model's input stays exactly what it was trained on. jieba's segmentation is
deterministic (a dictionary DAG plus a fixed HMM for unknown words).
"""

import logging
import os
import tempfile
from functools import cache
from pathlib import Path

import jieba

JIEBA_DICT = Path(jieba.__file__).with_name("dict.txt")
# Dictionary tags worth telling the CRF (jieba's dict.txt, ICTCLAS tag set): organisation,
# place, person and transliterated-person names, other proper nouns, abbreviations.
WORD_TAGS = frozenset({"nt", "ns", "nr", "nrt", "nrfg", "nz", "j"})
# Lexicon kinds whose every occurrence is marked, not only jieba's chosen segmentation: an
# organisation or place inside a longer name ("北京" in "北京银行") is still evidence.
LATTICE_KINDS = ("nt", "ns")
# Longest nt/ns word considered; longer dictionary entries are rare (37 of 22,195).
MAX_WORD = 12


@cache
def dictionary_tags() -> dict[str, str]:
    """word -> tag for the WORD_TAGS words of jieba's dict.txt (read once per process)."""
    tags: dict[str, str] = {}
    with JIEBA_DICT.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[2] in WORD_TAGS:
                tags.setdefault(parts[0], parts[2])
    return tags


@cache
def _lattice_words() -> dict[str, frozenset[str]]:
    tags = dictionary_tags()
    return {
        kind: frozenset(word for word, tag in tags.items() if tag == kind and len(word) > 1)
        for kind in LATTICE_KINDS
    }


@cache
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer over the shipped dictionary, initialised once."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    segmenter = jieba.Tokenizer(str(JIEBA_DICT))
    # jieba keeps its dictionary's prefix table in a cache file in the temporary directory. In
    # the resume sandbox no directory is writable, so tempfile.gettempdir() (which probes by
    # writing) raises; naming the directory lets the sandbox read a cache another process
    # wrote, or build the table itself (a failed write of the cache is caught by jieba).
    # (jieba itself would use the same directory: gettempdir() answers /tmp on Linux.)
    segmenter.tmp_dir = tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp"  # noqa: S108
    segmenter.initialize()
    return segmenter


@cache
def pos_tokenizer() -> "jieba.posseg.POSTokenizer":
    """jieba's part-of-speech tagger over the same private tokenizer. Every reader of Chinese
    that adds no words of its own shares these two (the entity tagger, the judge's content
    words, neutralising, follow-ups): each jieba dictionary costs about 65 MB in a process."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


def load() -> None:
    """Read the dictionary and build the tokenizer now (about 1.5 s), not on first use."""
    tokenizer()
    _lattice_words()


def segment(text: str) -> list[tuple[int, int]]:
    """jieba's words as (start, end) character offsets covering text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for word in tokenizer().cut(text, HMM=True):
        spans.append((start, start + len(word)))
        start += len(word)
    return spans


def segmentation_features(text: str, *, with_words: bool) -> list[list[str]]:
    """Per character: its position in its jieba word (B/M/E/S), the word's length (1-4+),
    the word's dictionary tag with that position, and optionally the word itself."""
    tags = dictionary_tags()
    features: list[list[str]] = [[] for _ in text]
    for start, end in segment(text):
        word = text[start:end]
        length = min(end - start, 4)
        tag = tags.get(word, "")
        for index in range(start, end):
            if end - start == 1:
                position = "S"
            elif index == start:
                position = "B"
            elif index == end - 1:
                position = "E"
            else:
                position = "M"
            item = [f"seg={position}", f"seglen={position}{length}"]
            if tag:
                item.append(f"segtag={position}{tag}")
            if with_words and end - start > 1:
                item.append(f"word={word}")
            features[index] = item
    return features


def lattice_features(text: str) -> list[list[str]]:
    """Per character: which nt/ns dictionary words begin, lie over or end at it."""
    words = _lattice_words()
    features: list[list[str]] = [[] for _ in text]
    for start in range(len(text)):
        for end in range(start + 2, min(len(text), start + MAX_WORD) + 1):
            piece = text[start:end]
            for kind in LATTICE_KINDS:
                if piece in words[kind]:
                    length = min(end - start, 4)
                    features[start].append(f"lat_b={kind}{length}")
                    features[end - 1].append(f"lat_e={kind}{length}")
                    for inner in range(start + 1, end - 1):
                        features[inner].append(f"lat_i={kind}")
    # A character inside several words of one kind gets that feature once.
    return [list(dict.fromkeys(item)) for item in features]
