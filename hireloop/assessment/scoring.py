"""The first answer scorer: keyword and anchor overlap, explained with quoted evidence.

It only sees answer text, never who wrote it, and is deterministic. A later scorer (embedding
or LLM judge) replaces it behind the same two functions: score_dimension and overall_score.
"""

import math
import re
from dataclasses import dataclass

# Component weights of a dimension score (0–1 before scaling to 0–10):
#   score = 10 * (0.50 * keyword_coverage + 0.35 * anchor_fit + 0.15 * specificity * relevance)
# keyword_coverage: share of the dimension's keywords found; half of them counts as full.
# anchor_fit: how much the answer echoes the high anchor's words (and half the mid anchor's),
#   minus how much it echoes the low anchor's; clipped to 0–1.
# specificity: numbers and on-topic sentences; multiplied by relevance (the larger of the two
#   above) so a long off-topic answer full of figures earns nothing.
# A dimension without keywords gives that weight to the other two components in proportion.
WEIGHT_KEYWORDS = 0.50
WEIGHT_ANCHOR = 0.35
WEIGHT_SPECIFICITY = 0.15
# Anchors describe answers rather than quote them: a third of their own words is a full match.
ANCHOR_SATURATION = 1 / 3
FIGURES_FOR_FULL_CREDIT = 2
SENTENCES_FOR_FULL_CREDIT = 3
MAX_EVIDENCE = 3
# matched_anchor is the band the score falls in, so the label never contradicts the number.
HIGH_BAND, MID_BAND = 7.0, 4.0


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_WORDS = _word_set(
    "a about all also an and any are as at be been but by can could did do does for from had has"
    " have he her hers just more most no not some such than"
    " him his i if in into is it its me my of on or our she so that the their them then there"
    " they this to too us very was we were what when which who will with would you your"
)
# Function-word bigrams that would otherwise match any Chinese text.
CJK_STOP_BIGRAMS = _word_set(
    "我们 你们 他们 一个 这个 那个 然后 因为 所以 就是 可以 什么 没有 自己 我的 时候"
)
# "他" and "她" read the same, so changing a person's gender never moves a score.
_GENDER_NEUTRAL = str.maketrans("她", "他")
_WORD = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+(?=[个次人天周月年倍家项名%])")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+|(?<=\.)\s+")


@dataclass(frozen=True)
class DimensionSpec:
    """A competency to score, with its behavioural anchors and keywords."""

    id: int
    name: str
    anchor_low: str
    anchor_mid: str
    anchor_high: str
    keywords: list[str]


@dataclass(frozen=True)
class AnswerText:
    """One interview answer and the question it replied to."""

    question: str
    text: str


@dataclass(frozen=True)
class DimensionResult:
    """A 0–10 score with the quoted sentences and terms that produced it."""

    dimension_id: int
    score: float
    evidence: list[str]
    matched_terms: list[str]
    matched_anchor: str  # "low" | "mid" | "high"
    rationale: str
    scorer: str = ""  # set by judge_dimension: the engine(s) that produced the score


def tokenise(text: str) -> list[str]:
    """Lower-cased, lightly stemmed English words and Chinese character bigrams."""
    tokens = []
    for run in _WORD.findall(text.translate(_GENDER_NEUTRAL).lower()):
        if run[0].isascii():
            if len(run) > 1 and run not in STOP_WORDS:
                tokens.append(_stem(run))
        elif len(run) == 1:
            tokens.append(run)
        else:
            # Bigrams need no dictionary (no jieba) and still match words inside a sentence.
            bigrams = (run[i : i + 2] for i in range(len(run) - 1))
            tokens += [bigram for bigram in bigrams if bigram not in CJK_STOP_BIGRAMS]
    return tokens


def score_dimension(dimension: DimensionSpec, answers: list[AnswerText]) -> DimensionResult:
    """Score one dimension from the answers to its questions (the questions are not scored)."""
    text = "\n".join(answer.text.strip() for answer in answers if answer.text.strip())
    if not text:
        return DimensionResult(
            dimension.id, 0.0, [], [], "low", "No answer was given, so there is no evidence."
        )
    answer_tokens = set(tokenise(text))
    keywords = [k.strip() for k in dimension.keywords if tokenise(k)]
    found = [k for k in keywords if _has_keyword(text, answer_tokens, k)]
    anchors = _distinctive_words(dimension)
    echoes = {level: [w for w in words if w in answer_tokens] for level, words in anchors.items()}
    echoed = set(echoes["high"] + echoes["mid"])
    on_topic = _on_topic_sentences(text, found, echoed)
    figures = len(_FIGURE.findall(text))
    coverage = min(1.0, len(found) / math.ceil(len(keywords) / 2)) if keywords else None
    specificity = 0.5 * min(1.0, figures / FIGURES_FOR_FULL_CREDIT) + 0.5 * min(
        1.0, len(on_topic) / SENTENCES_FOR_FULL_CREDIT
    )
    score = _combine(coverage, _anchor_fit(echoes, anchors), specificity)
    band = "high" if score >= HIGH_BAND else "mid" if score >= MID_BAND else "low"
    return DimensionResult(
        dimension_id=dimension.id,
        score=score,
        evidence=_evidence(on_topic),
        matched_terms=_matched_terms(found, dimension, echoed),
        matched_anchor=band,
        rationale=_rationale(found, keywords, echoes, figures, band),
    )


def overall_score(results: list[DimensionResult], weights: dict[int, float]) -> float:
    """Weighted mean of dimension scores (1 decimal); a missing weight counts as 0.

    When all weights are zero the plain mean is used, so a report is never blank.
    """
    if not results:
        return 0.0
    pairs = [(max(0.0, weights.get(r.dimension_id, 0.0)), r.score) for r in results]
    total = sum(weight for weight, _ in pairs)
    if total <= 0:
        return round(sum(score for _, score in pairs) / len(pairs), 1)
    return round(sum(weight * score for weight, score in pairs) / total, 1)


def _anchor_fit(echoes: dict[str, list[str]], anchors: dict[str, list[str]]) -> float:
    """Echoing the high anchor counts fully, the mid anchor half, the low anchor against."""

    def echo(level: str) -> float:
        if not anchors[level]:
            return 0.0
        return min(1.0, len(echoes[level]) / max(1.0, len(anchors[level]) * ANCHOR_SATURATION))

    return _clip(echo("high") + 0.5 * echo("mid") - echo("low"))


def _on_topic_sentences(text: str, found: list[str], echoed: set[str]) -> dict[str, int]:
    """Sentences carrying a found keyword or echoed anchor word -> how many they carry."""
    on_topic = {}
    for sentence in _sentences(text):
        tokens = set(tokenise(sentence))
        hits = len(echoed & tokens) + sum(_has_keyword(sentence, tokens, k) for k in found)
        if hits:
            on_topic[sentence] = hits
    return on_topic


def _combine(coverage: float | None, anchor_fit: float, specificity: float) -> float:
    relevance = max(coverage or 0.0, anchor_fit)
    parts = [(WEIGHT_ANCHOR, anchor_fit), (WEIGHT_SPECIFICITY, specificity * relevance)]
    if coverage is not None:
        parts.append((WEIGHT_KEYWORDS, min(1.0, coverage)))
    total_weight = sum(weight for weight, _ in parts)
    return round(10 * _clip(sum(w * v for w, v in parts) / total_weight), 1)


def _distinctive_words(dimension: DimensionSpec) -> dict[str, list[str]]:
    """Each anchor's words that the other two anchors do not use, in order, without repeats."""
    anchors = {
        "high": dimension.anchor_high,
        "mid": dimension.anchor_mid,
        "low": dimension.anchor_low,
    }
    words = {level: list(dict.fromkeys(tokenise(text))) for level, text in anchors.items()}
    return {
        level: [w for w in own if not any(w in words[other] for other in words if other != level)]
        for level, own in words.items()
    }


def _has_keyword(text: str, tokens: set[str], keyword: str) -> bool:
    """Chinese keywords as substrings (bigrams miss one-character words), English by tokens."""
    if _CJK.search(keyword):
        return keyword.lower() in text.translate(_GENDER_NEUTRAL).lower()
    return set(tokenise(keyword)) <= tokens


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _evidence(on_topic: dict[str, int]) -> list[str]:
    """Up to MAX_EVIDENCE sentences richest in matched terms, quoted in reading order."""
    order = list(on_topic)
    best = sorted(order, key=lambda sentence: -on_topic[sentence])[:MAX_EVIDENCE]
    return sorted(best, key=order.index)


def _matched_terms(found: list[str], dimension: DimensionSpec, echoed: set[str]) -> list[str]:
    """Found keywords, then the anchor phrases the answer echoed, without repeats."""
    phrases = []
    for anchor in (dimension.anchor_high, dimension.anchor_mid):
        phrases += _echoed_phrases(anchor, echoed)
    lowered = [keyword.lower() for keyword in found]
    extra = [p for p in phrases if not any(p in keyword for keyword in lowered)]
    return found + list(dict.fromkeys(extra))


def _echoed_phrases(anchor: str, echoed: set[str]) -> list[str]:
    """Anchor words whose token was echoed; Chinese as the longest runs of echoed bigrams."""
    phrases = []
    for run in _WORD.findall(anchor.translate(_GENDER_NEUTRAL).lower()):
        if run[0].isascii():
            if _stem(run) in echoed and run not in STOP_WORDS:
                phrases.append(run)
            continue
        start = None
        for i in range(len(run)):  # position i stands for the bigram run[i:i+2]
            if i < len(run) - 1 and run[i : i + 2] in echoed:
                start = i if start is None else start
            elif start is not None:
                phrases.append(run[start : i + 1])
                start = None
    return phrases


def _rationale(
    matched: list[str], keywords: list[str], echoes: dict[str, list[str]], figures: int, band: str
) -> str:
    found = f"{len(matched)} of {len(keywords)} keywords" if keywords else "no keywords defined"
    if matched:
        found += f" ({', '.join(matched[:5])})"
    return (
        f"Matched {found}, echoed {len(echoes['high'])} high-anchor, {len(echoes['mid'])} "
        f"mid-anchor and {len(echoes['low'])} low-anchor words, and gave {figures} concrete "
        f"figure{'s' if figures != 1 else ''}, which places the answer in the {band} band."
    )


def _stem(word: str) -> str:
    """Strip one common English suffix so "resolved" and "resolving" meet "resolve"."""
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))
