"""Which organisations on record a name written somewhere may mean, best first, each with a
score and the reason it was offered.

Two steps. Candidates come from the database through the trigram index on the folded names
(``search_title``: name, acronym and alternative names): the mention as written, in Latin and
in Cyrillic letters, with its generic words written in the seeds' languages, its own words
alone, each of its own words one slip away, and, for an acronym, the names whose initials spell
it. A few dozen at most, in one query (two for an acronym no record spells). Then each candidate
is scored in Python (``scoring``) against each of its names, and the country and kind, when
known, raise or lower the score.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, FloatField, Func, OuterRef, Q, Value
from django.db.models.functions import JSONObject

from clusters.models import AlternativeName, Organisation
from core.fulltext import BooleanOp

from .lexicon import STOPWORDS, TRANSLATIONS, concept_of
from .names import (
    acronym_from_parentheses,
    compact,
    folded,
    has_cyrillic,
    initials,
    latin,
    looks_like_acronym,
    to_cyrillic,
    words,
)
from .scoring import Score, name_score, parse

# At or above LINK_SCORE a candidate is safe to link without asking; at or above SUGGEST_SCORE
# it is offered (ranked candidates, the duplicate guard's list).
LINK_SCORE = 0.85
SUGGEST_SCORE = 0.6
REASONS = ("name", "alternative name", "acronym", "transliteration", "translated generic words", "typo")
CANDIDATES = 40
COUNTRY_AGREES, COUNTRY_DIFFERS = 0.08, -0.15
KIND_AGREES, KIND_NEAR, KIND_DIFFERS = 0.04, 0.02, -0.06


@dataclass(frozen=True)
class Match:
    organisation: Organisation
    score: float
    reason: str


def resolve(mention: str, *, country: str = "", kind: str = "", limit: int = 3, exclude_pk=None) -> list[Match]:
    """The organisations ``mention`` may name, best first, only those scoring SUGGEST_SCORE or
    more, at most ``limit``. ``country`` (ISO code) and ``kind`` (Organisation.Kind), when the
    context tells them, raise the score of candidates that agree and lower that of those that
    do not. ``exclude_pk``: the record being edited."""
    name, acronym = acronym_from_parentheses(mention or "")
    name = name[:300]
    if not words(name):
        return []
    spoken = [(name, parse(name))] + ([(acronym, parse(acronym))] if acronym else [])
    matches = []
    for organisation in _candidates(name, acronym, exclude_pk):
        score = _best(spoken, organisation)
        value = min(1.0, max(0.0, score.value + _context(organisation, country, kind)))
        if value >= SUGGEST_SCORE:
            matches.append(Match(organisation, round(value, 3), score.reason))
    matches.sort(key=lambda m: (-m.score, m.organisation.name, m.organisation.pk))
    return matches[:limit]


def _best(spoken: list, organisation) -> Score:
    names = [(organisation.name, "name")]
    if organisation.acronym:
        names.append((organisation.acronym, "acronym"))
    names += [(alt["name"], alt["kind"]) for alt in organisation.identity_alternatives or ()]
    best = Score(0.0, "name")
    for text, parsed in spoken:
        for candidate_name, source in names:
            score = name_score(text, parsed, candidate_name, source)
            # Of equal scores, the plainest reason: an exact alternative name before a translation.
            if (score.value, -REASONS.index(score.reason)) > (best.value, -REASONS.index(best.reason)):
                best = score
    return best


def _context(organisation, country: str, kind: str) -> float:
    adjust = 0.0
    if country and organisation.country:
        adjust += COUNTRY_AGREES if organisation.country.code == country.upper() else COUNTRY_DIFFERS
    if kind and organisation.kind:
        if organisation.kind == kind:
            adjust += KIND_AGREES
        elif organisation.kind in Organisation.CLUSTER_KINDS and kind in Organisation.CLUSTER_KINDS:
            adjust += KIND_NEAR
        else:
            adjust += KIND_DIFFERS
    return adjust


def lookup_texts(name: str, acronym: str = "") -> list[str]:
    """The folded texts looked up in ``search_title``: the name as written, in Latin and in
    Cyrillic letters, with its generic words in each language of the lexicon, its own words
    alone, its initials (a record known by its acronym), and the acronym."""
    tokens = words(name)
    texts = [folded(name), latin(name)]
    if not has_cyrillic(name):
        texts.append(to_cyrillic(name))
    concepts = [concept_of(t) for t in tokens]
    for table in TRANSLATIONS.values():
        texts.append(" ".join(table.get(c, t) if c else t for t, c in zip(tokens, concepts, strict=True)))
    own = [t for t, c in zip(tokens, concepts, strict=True) if c is None and t not in STOPWORDS]
    if own and len(own) < len(tokens) and len("".join(own)) >= 4:
        texts.append(" ".join(own))
    texts += [a for a in initials(name) if len(a) >= 3 and len(tokens) >= 3]
    if acronym:
        texts.append(compact(acronym))
    return [t for t in dict.fromkeys(texts) if t]


def slips(word: str) -> list[str]:
    """LIKE patterns for the words one slip away from ``word`` (a letter dropped, added, changed,
    or two swapped): trigram similarity forgives a slip in a long name but not in a short word,
    where a swap costs four of its nine trigrams. Only patterns with three letters in a row, which
    the trigram index can look up."""
    if not 5 <= len(word) <= 20:
        return []
    found = set()
    for i in range(len(word)):
        found |= {word[:i] + word[i + 1 :], word[:i] + "_" + word[i + 1 :], word[:i] + "_" + word[i:]}
        if i < len(word) - 1 and word[i] != word[i + 1]:
            found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return sorted(f"%{p}%" for p in found if max(len(run) for run in p.split("_")) >= 3)


def initials_pattern(acronym: str) -> str:
    """A regular expression matching, in folded names, words whose initials spell ``acronym``,
    a short word allowed between them: "pvf" matches "pole vehicule du futur". Scoring then
    checks the initials exactly."""
    return r"\m" + r"\W+(?:\w{1,4}\W+)?".join(rf"{letter}\w*" for letter in acronym)


def _candidates(name: str, acronym: str, exclude_pk) -> list[Organisation]:
    """A few dozen organisations the name may mean: one query through the trigram index, and for
    an acronym that no name or acronym on record spells, a second one by initials (a scan of the
    folded names: a third of a second at 100,000 organisations)."""
    texts = lookup_texts(name, acronym)
    close = Q()
    for text in texts:
        close |= Q(BooleanOp(Value(text), "<%%", F("search_title")))
    own = sorted({w for w in words(name) if concept_of(w) is None and w not in STOPWORDS}, key=len, reverse=True)
    for pattern in [p for word in own[:2] for p in slips(word)]:
        close |= Q(BooleanOp(F("search_title"), "LIKE", Value(pattern)))
    alternatives = ArraySubquery(
        AlternativeName.objects.filter(organisation=OuterRef("pk")).values(json=JSONObject(name="name", kind="kind"))
    )
    base = Organisation.objects.all()
    if exclude_pk:
        base = base.exclude(pk=exclude_pk)
    base = base.annotate(identity_alternatives=alternatives)
    ranked = base.filter(close).alias(
        retrieval=Func(Value(texts[0]), F("search_title"), function="word_similarity", output_field=FloatField())
    )
    candidates = list(ranked.order_by("-retrieval", "pk")[:CANDIDATES])
    spelled = compact(acronym or name) if (acronym or looks_like_acronym(name)) else ""
    if re.fullmatch(r"[a-z]{2,8}", spelled) and not any(
        spelled in (compact(o.name), compact(o.acronym)) for o in candidates
    ):
        by_initials = base.filter(search_title__regex=initials_pattern(spelled)).exclude(
            pk__in=[o.pk for o in candidates]
        )
        candidates += list(by_initials.order_by("pk")[:CANDIDATES])
    return candidates
