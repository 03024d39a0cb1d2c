"""Which organisations on record a name written somewhere may mean, best first, each with a
score and the reason it was offered.

Two steps. Candidates come from the database through the trigram index on the folded names
(``search_title``: name, acronym and alternative names): the mention as written, in Latin and
in Cyrillic letters, with its generic words written in the seeds' languages, its own words
alone, and, for an acronym, the names whose initials spell it. A few dozen at most, in one query
(two more set and reset the trigram threshold, looser than the search's). Then each candidate
is scored in Python (``scoring``) against each of its names, and the country and kind, when
known, raise or lower the score.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import F, FloatField, Func, OuterRef, Q, Value
from django.db.models.functions import Greatest, JSONObject

from clusters.models import AlternativeName, Organisation
from core.fulltext import TYPO_SIMILARITY, BooleanOp

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
SUGGEST_SCORE = 0.55
REASONS = ("name", "alternative name", "acronym", "transliteration", "translated generic words", "typo")
CANDIDATES = 40
# pg_trgm word similarity for retrieval, looser than the search's 0.6: "tehctera" shares five
# of its nine trigrams with "techtera". Scoring decides; this only has to let the record through.
RETRIEVAL_SIMILARITY = 0.45
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
    if len(own) <= 2:
        texts += [swapped for word in own for swapped in transpositions(word)]
    texts += [a for a in initials(name) if len(a) >= 3 and len(tokens) >= 3]
    if acronym:
        texts.append(compact(acronym))
    return [t for t in dict.fromkeys(texts) if t]


def transpositions(word: str) -> list[str]:
    """``word`` with two neighbouring letters swapped, each way: a transposition costs a short word
    four of its trigrams, too many for any trigram threshold that keeps the rest out."""
    if not 5 <= len(word) <= 12:
        return []
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]]


def initials_pattern(acronym: str) -> str:
    """A regular expression matching, in a folded name, words whose initials spell ``acronym``,
    small words allowed between them: "pvf" matches "pole vehicule du futur"."""
    small = "|".join(sorted(STOPWORDS, key=len, reverse=True))
    between = rf"(?:[^a-z0-9]+(?:{small}))*[^a-z0-9]+"
    return "(?:^|[^a-z0-9])" + between.join(f"{letter}[a-z0-9]*" for letter in acronym)


def _candidates(name: str, acronym: str, exclude_pk) -> list[Organisation]:
    texts = lookup_texts(name, acronym)
    close = Q()
    for text in texts:
        close |= Q(BooleanOp(Value(text), "<%%", F("search_title")))
    similarity = Greatest(
        *(Func(Value(t), F("search_title"), function="word_similarity", output_field=FloatField()) for t in texts),
        Value(0.0),
    )
    alternatives = ArraySubquery(
        AlternativeName.objects.filter(organisation=OuterRef("pk")).values(json=JSONObject(name="name", kind="kind"))
    )
    base = Organisation.objects.all()
    if exclude_pk:
        base = base.exclude(pk=exclude_pk)
    base = base.annotate(identity_alternatives=alternatives, retrieval=similarity)
    queryset = base.filter(close).order_by("-retrieval", "pk")[:CANDIDATES]
    spelled = compact(acronym or name) if (acronym or looks_like_acronym(name)) else ""
    if spelled and re.fullmatch(r"[a-z]{2,8}", spelled):
        by_initials = base.filter(search_title__regex=initials_pattern(spelled)).order_by("-retrieval", "pk")
        queryset = queryset.union(by_initials[:CANDIDATES])
    outermost = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(RETRIEVAL_SIMILARITY)])
        candidates = list(queryset)
        if not outermost:  # the setting would outlive this block in the caller's transaction
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(TYPO_SIMILARITY)])
    return candidates
