"""The shipped Chinese resume entity tagger (a python-crfsuite linear-chain CRF)."""

import re
from functools import cache
from pathlib import Path

import pycrfsuite

from hireloop.resumes.ner import lexicon
from hireloop.resumes.ner.data import Entity, tags_to_spans
from hireloop.resumes.ner.features import SHIPPED_FEATURES, FeatureSet, sentence_features

DEFAULT_MODEL_PATH = Path(__file__).with_name("resume_ner_zh.crfsuite")
# ResumeNER sentences are at most a few hundred characters; cutting long text at sentence
# ends keeps inputs close to what the model was trained on and bounds decoding cost.
SENTENCE_ENDS = "。；;！？!?\n"
MAX_CHUNK = 300


class ChineseResumeTagger:
    """Tags NAME, EDU, ORG, TITLE, PRO, CONT, RACE and LOC spans in Chinese resume text."""

    def __init__(
        self, tagger: pycrfsuite.Tagger, feature_set: FeatureSet = SHIPPED_FEATURES
    ) -> None:
        self._tagger = tagger
        self._feature_set = feature_set

    @classmethod
    def load(
        cls, path: Path = DEFAULT_MODEL_PATH, feature_set: FeatureSet = SHIPPED_FEATURES
    ) -> "ChineseResumeTagger":
        """Open a model trained with feature_set; jieba's dictionary is read here, once."""
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        if feature_set.segmentation or feature_set.lattice or feature_set.words:
            lexicon.load()
        return cls(tagger, feature_set)

    def tag_sequence(self, text: str) -> list[str]:
        """One BMES tag per character of text (a single sentence)."""
        if not text:
            return []
        return list(self._tagger.tag(sentence_features(text, self._feature_set)))

    def tag(self, text: str) -> list[Entity]:
        """Entities in text, with offsets into text."""
        entities: list[Entity] = []
        for offset, chunk in split_sentences(text):
            for label, start, end in tags_to_spans(self.tag_sequence(spaces_as_commas(chunk))):
                entity_text = chunk[start:end]
                if entity_text.strip():
                    entities.append(Entity(label, entity_text, offset + start, offset + end))
        return entities


def spaces_as_commas(text: str) -> str:
    """Replace white space next to a Chinese character by "，" (same length, same offsets).

    ResumeNER has no white space at all (0 of its 124,099 training characters), so the model
    never learnt what a space means; in resume layouts a space between Chinese words
    separates fields ("2008-2012 重庆大学 土木工程 学士"), as a comma does in the prose the model
    was trained on. Spaces between Latin words ("Goldman Sachs") are kept.
    """
    chars = list(text)
    for match in _WHITE_RUN.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if _is_cjk(before) or _is_cjk(after):
            chars[match.start() : match.end()] = "，" * (match.end() - match.start())
    return "".join(chars)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


_WHITE_RUN = re.compile(r"[^\S\n]+")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Cut text after sentence-ending punctuation (and hard at MAX_CHUNK): (offset, chunk)."""
    chunks: list[tuple[int, str]] = []
    start = 0
    for index, char in enumerate(text):
        if char in SENTENCE_ENDS or index + 1 - start >= MAX_CHUNK:
            chunks.append((start, text[start : index + 1]))
            start = index + 1
    if start < len(text):
        chunks.append((start, text[start:]))
    return [(offset, chunk) for offset, chunk in chunks if chunk.strip()]


@cache
def default_tagger() -> ChineseResumeTagger:
    """The shipped model, loaded once per process."""
    return ChineseResumeTagger.load()


def tag_chinese(text: str) -> list[Entity]:
    return default_tagger().tag(text)


__all__ = ["ChineseResumeTagger", "Entity", "default_tagger", "tag_chinese"]
