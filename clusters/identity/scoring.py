"""How close a mention is to one name of a candidate, and why: pure Python, no database.

A name is a list of words, each with the concept it stands for (lexicon) and a weight: a word of
its own weighs 1, a generic word little, a small word nothing. Two names score the weighted
Dice coefficient of their words: twice the weight of the words they share over the weight of
both. Words are shared when equal, of one concept ("klaster" and "cluster"), within a
transposition or a slip (Damerau/OSA distance: "tehctera" and "techtera"), or inflections of one
another ("bialymstoku" and "bialystok").
"""

from dataclasses import dataclass

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


def words_score(mention: list[Word], name: list[Word]) -> tuple[float, set[str]]:
    """Weighted Dice coefficient of two names' words, greedy best pairs first, and how the
    shared words matched ({"concept", "typo", "inflection"})."""
    total = sum(w.weight for w in mention) + sum(w.weight for w in name)
    if not total:
        return 0.0, set()
    pairs = []
    for i, a in enumerate(mention):
        for j, b in enumerate(name):
            similarity, how = _word_similarity(a, b)
            if similarity:
                pairs.append((similarity * (a.weight + b.weight) / 2, similarity, i, j, how))
    pairs.sort(key=lambda p: -p[0])
    used_a, used_b, shared, hows = set(), set(), 0.0, set()
    own_word_shared = False
    for gain, _, i, j, how in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        shared += gain
        if how:
            hows.add(how)
        own_word_shared |= mention[i].concept is None
    value = 2 * shared / total
    own_words_missed = any(w.concept is None and w.weight >= 1 and j not in used_b for j, w in enumerate(name)) or any(
        w.concept is None and w.weight >= 1 and i not in used_a for i, w in enumerate(mention)
    )
    if not own_word_shared and own_words_missed:
        value = min(value, GENERIC_ONLY_CAP)
    bodies_a = {w.concept for w in mention if w.concept and w.weight == ORGANISATION}
    bodies_b = {w.concept for w in name if w.concept and w.weight == ORGANISATION}
    if bodies_a and bodies_b and not bodies_a & bodies_b:
        value *= OTHER_BODY
    return value, hows


def name_score(mention: str, mention_words: list[Word], name: str, source: str) -> Score:
    """How close ``mention`` is to ``name``, one of a candidate's names; ``source`` is where the
    name comes from: "name", "acronym", or an AlternativeName kind."""
    base_reason = source if source in ("name", "acronym", "transliteration") else "alternative name"
    if has_cyrillic(mention) != has_cyrillic(name):
        base_reason = "transliteration"
    a, b = compact(mention), compact(name)
    if not a or not b:
        return Score(0.0, base_reason)
    if a == b:
        return Score(ACRONYM_EXACT if source == "acronym" and len(a) <= 3 else 1.0, base_reason)
    best = Score(0.0, base_reason)
    if len(mention_words) == 1 and len(a) <= 10 and a in initials(name):
        best = Score(ACRONYM_FROM_INITIALS, "acronym")
    if len(b) <= 10 and len(mention_words) >= 2 and b in initials(mention) and source == "acronym":
        best = max(best, Score(MENTION_INITIALS, "acronym"), key=lambda s: s.value)
    if min(len(a), len(b)) >= 5:
        distance = OSA.distance(a, b)
        if distance <= (1 if min(len(a), len(b)) < 10 else 2):
            slip = "transliteration" if base_reason == "transliteration" else "typo"
            best = max(best, Score(1.0 - distance / max(len(a), len(b)), slip), key=lambda s: s.value)
    value, hows = words_score(mention_words, parse(name))
    reason = base_reason
    if "typo" in hows and base_reason not in ("transliteration",):
        reason = "typo"
    elif "concept" in hows:
        reason = "translated generic words"
    if value > best.value:
        best = Score(value, reason)
    return best
