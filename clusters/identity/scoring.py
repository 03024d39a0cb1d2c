"""How close a mention is to one name of a candidate, and why: pure Python, no database.

A name is a list of words, each with the concept it stands for (lexicon) and a weight: a word of
its own weighs 1, a generic word little, a small word nothing. Two names score the weighted
Dice coefficient of their words: twice the weight of the words they share over the weight of
both. Words are shared when equal, of one concept ("klaster" and "cluster"), within a
transposition or a slip (Damerau/OSA distance: "tehctera" and "techtera"), or inflections of one
another ("bialymstoku" and "bialystok").
"""

from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import OSA

from .lexicon import ORGANISATION, STOPWORDS, concept_of, weight_of
from .names import compact, has_cyrillic, initials, words

# What a name that matches only through generic words may score at most when the candidate has
# words of its own the mention lacks: "Institute of Innovation and Technology" is not ZENIT's
# "Center for Innovation and Technology in NRW".
GENERIC_ONLY_CAP = 0.4
# Whole-name scores for acronyms.
ACRONYM_EXACT = 0.93
ACRONYM_FROM_INITIALS = 0.8
MENTION_INITIALS = 0.6  # the candidate's acronym is the mention's initials
NUMBER = 0.3
INFLECTED = 0.85  # a word against the same word with another ending
# Two names that each say what kind of body they are, and say different kinds ("institute",
# "cluster"), are of two bodies unless their own words agree: the score is multiplied by this.
OTHER_BODY = 0.6


@dataclass(frozen=True)
class Word:
    text: str
    concept: str | None
    weight: float


@dataclass(frozen=True)
class Score:
    value: float
    reason: str


def parse(text: str) -> list[Word]:
    """The weighed words of a name, small words left out."""
    result = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        concept = concept_of(word)
        weight = weight_of(concept) if len(word) > 1 else 0.1
        if word.isdigit():  # a number (a year, a "2021") says little on its own
            weight = NUMBER
        result.append(Word(word, concept, weight))
    return result


def _word_similarity(a: Word, b: Word) -> tuple[float, str]:
    """1 for equal words or words of one concept; less for a slip or an inflection; else 0.
    The second value says how: "", "concept" (different words), "typo", "inflection"."""
    if a.text == b.text:
        return 1.0, ""
    if a.concept and a.concept == b.concept:
        return 1.0, "concept"
    if a.concept or b.concept:
        return 0.0, ""
    shorter = min(len(a.text), len(b.text))
    prefix = 0
    for x, y in zip(a.text, b.text, strict=False):
        if x != y:
            break
        prefix += 1
    # Words that differ only in their last letters are one word inflected ("politechnika",
    # "politechniki"; "Białystok", "w Białymstoku"), not a slip.
    ending = prefix >= 5 and prefix >= 0.7 * shorter
    if shorter >= 4:
        distance = OSA.distance(a.text, b.text)
        if distance <= (1 if shorter < 8 else 2):
            similarity = 1.0 - distance / max(len(a.text), len(b.text))
            return (max(similarity, INFLECTED), "inflection") if ending else (similarity, "typo")
    if ending:
        return INFLECTED, "inflection"
    return 0.0, ""


class _Pair(NamedTuple):
    """Word ``i`` of the mention and word ``j`` of the name, alike: the weight they share."""

    gain: float
    similarity: float
    i: int
    j: int
    how: str


def words_score(mention: list[Word], name: list[Word]) -> tuple[float, set[str]]:
    """Weighted Dice coefficient of two names' words, greedy best pairs first, and how the
    shared words matched ({"concept", "typo", "inflection"})."""
    total = sum(w.weight for w in mention) + sum(w.weight for w in name)
    if not total:
        return 0.0, set()
    chosen = _best_pairs(_alike_pairs(mention, name))
    value = 2 * sum(pair.gain for pair in chosen) / total
    if _shares_generic_words_only(mention, name, chosen):
        value = min(value, GENERIC_ONLY_CAP)
    if _of_other_bodies(mention, name):
        value *= OTHER_BODY
    return value, {pair.how for pair in chosen if pair.how}


def _alike_pairs(mention: list[Word], name: list[Word]) -> list[_Pair]:
    """Every pair of a mention's word and a name's word that are alike at all, largest gain first."""
    pairs = []
    for i, a in enumerate(mention):
        for j, b in enumerate(name):
            similarity, how = _word_similarity(a, b)
            if similarity:
                pairs.append(_Pair(similarity * (a.weight + b.weight) / 2, similarity, i, j, how))
    pairs.sort(key=lambda p: -p.gain)
    return pairs


def _best_pairs(pairs: list[_Pair]) -> list[_Pair]:
    """The pairs taken in their order, each word in one pair at most."""
    used_a, used_b, chosen = set(), set(), []
    for pair in pairs:
        if pair.i in used_a or pair.j in used_b:
            continue
        used_a.add(pair.i)
        used_b.add(pair.j)
        chosen.append(pair)
    return chosen


def _shares_generic_words_only(mention: list[Word], name: list[Word], chosen: list[_Pair]) -> bool:
    """No word of the mention's own is shared, and either name has a word of its own the other
    lacks (GENERIC_ONLY_CAP)."""
    if any(mention[pair.i].concept is None for pair in chosen):
        return False
    return _own_word_left(name, {pair.j for pair in chosen}) or _own_word_left(mention, {pair.i for pair in chosen})


def _own_word_left(parsed: list[Word], used: set[int]) -> bool:
    return any(w.concept is None and w.weight >= 1 and k not in used for k, w in enumerate(parsed))


def _of_other_bodies(mention: list[Word], name: list[Word]) -> bool:
    """Both names say what kind of body they are, and no kind is in both (OTHER_BODY)."""
    bodies_a, bodies_b = _bodies(mention), _bodies(name)
    return bool(bodies_a and bodies_b and not bodies_a & bodies_b)


def _bodies(parsed: list[Word]) -> set[str]:
    return {w.concept for w in parsed if w.concept and w.weight == ORGANISATION}


def name_score(mention: str, mention_words: list[Word], name: str, source: str) -> Score:
    """How close ``mention`` is to ``name``, one of a candidate's names; ``source`` is where the
    name comes from: "name", "acronym", or an AlternativeName kind. Of equal scores, the first
    found wins: acronym, then a slip of the whole name, then the words."""
    reason = _reason_of_source(mention, name, source)
    a, b = compact(mention), compact(name)
    if not a or not b:
        return Score(0.0, reason)
    if a == b:
        return Score(ACRONYM_EXACT if source == "acronym" and len(a) <= 3 else 1.0, reason)
    scores = [
        Score(0.0, reason),
        *_initials_of_name(a, mention_words, name),
        *_initials_of_mention(mention, mention_words, b, source),
        *_slip_scores(a, b, reason),
        _words_match(mention_words, name, reason),
    ]
    return max(scores, key=lambda s: s.value)


def _reason_of_source(mention: str, name: str, source: str) -> str:
    if has_cyrillic(mention) != has_cyrillic(name):
        return "transliteration"
    return source if source in ("name", "acronym", "transliteration") else "alternative name"


def _initials_of_name(a: str, mention_words: list[Word], name: str) -> list[Score]:
    """A one-word mention (``a`` compacted) that the name's initials spell."""
    if len(mention_words) == 1 and len(a) <= 10 and a in initials(name):
        return [Score(ACRONYM_FROM_INITIALS, "acronym")]
    return []


def _initials_of_mention(mention: str, mention_words: list[Word], b: str, source: str) -> list[Score]:
    """A candidate's acronym (``b`` compacted) that the mention's initials spell."""
    if len(b) <= 10 and len(mention_words) >= 2 and b in initials(mention) and source == "acronym":
        return [Score(MENTION_INITIALS, "acronym")]
    return []


def _slip_scores(a: str, b: str, reason: str) -> list[Score]:
    """The two compacted names one slip apart (two for long names), as a whole."""
    shorter = min(len(a), len(b))
    if shorter < 5:
        return []
    distance = OSA.distance(a, b)
    if distance > (1 if shorter < 10 else 2):
        return []
    slip = "transliteration" if reason == "transliteration" else "typo"
    return [Score(1.0 - distance / max(len(a), len(b)), slip)]


def _words_match(mention_words: list[Word], name: str, reason: str) -> Score:
    value, hows = words_score(mention_words, parse(name))
    if "typo" in hows and reason != "transliteration":
        reason = "typo"
    elif "concept" in hows:
        reason = "translated generic words"
    return Score(value, reason)
