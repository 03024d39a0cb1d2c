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
from django.db.models import F, FloatField, Func, OuterRef, Q, QuerySet, Value
from django.db.models.functions import JSONObject
from django.utils.translation import gettext_lazy

from clusters.models import AlternativeName, Organisation
from core.fulltext import BooleanOp

from .lexicon import CONCEPTS, ORGANISATION, STOPWORDS, TRANSLATIONS, concept_of, weight_of
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
    written_words,
)
from .scoring import Score, name_score, parse

# At or above LINK_SCORE a candidate is safe to link without asking; at or above SUGGEST_SCORE
# it is offered (ranked candidates, the duplicate guard's list).
LINK_SCORE = 0.85
SUGGEST_SCORE = 0.6
AMBIGUOUS = 0.03
REASONS = ("name", "alternative name", "acronym", "transliteration", "translated generic words", "typo")
# The reasons as the interface shows them; the codes above stay English, the logic compares them.
REASON_LABELS = {
    "name": gettext_lazy("name"),
    "alternative name": gettext_lazy("alternative name"),
    "acronym": gettext_lazy("acronym"),
    "transliteration": gettext_lazy("transliteration"),
    "translated generic words": gettext_lazy("translated generic words"),
    "typo": gettext_lazy("typo"),
}
CANDIDATES = 40

# Latin spellings typical of transliterated Russian: only such names are also looked up in
# Cyrillic letters (each lookup text costs the index its trigrams' lists).
_RUSSIAN_SPELLING = re.compile(r"kh|zh|shch|ts|yu|ya|iy\b|ii\b|yi\b|ykh\b|aya\b|ogo\b|skoe\b|ovo\b|sk\b")
COUNTRY_AGREES, COUNTRY_DIFFERS = 0.08, -0.15
KIND_AGREES, KIND_NEAR, KIND_DIFFERS = 0.04, 0.02, -0.06


def reason_label(reason: str) -> str:
    """A match's reason in the interface language (an unknown code as it is)."""
    return str(REASON_LABELS.get(reason, reason))


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
    candidates, base = _candidates(name, acronym, exclude_pk)
    matches = _scored(candidates, spoken, country, kind)
    spelled = compact(acronym or name) if (acronym or looks_like_acronym(name)) else ""
    if re.fullmatch(r"[a-z]{2,8}", spelled) and not matches:
        # An acronym nothing on record is written as (or close to): names whose initials spell
        # it. A scan of the folded names, a few hundred milliseconds at 100,000 organisations.
        by_initials = base.filter(search_title__regex=initials_pattern(spelled)).exclude(
            pk__in=[o.pk for o in candidates]
        )
        matches += _scored(by_initials.order_by("pk")[:CANDIDATES], spoken, country, kind)
    matches.sort(key=lambda m: (-m.score, m.organisation.name, m.organisation.pk))
    return _unambiguous(matches)[:limit]


def _unambiguous(matches: list[Match]) -> list[Match]:
    """Two records the mention fits as well as each other are not safe to link without asking:
    when the runner-up is within AMBIGUOUS of the best, those above LINK_SCORE are brought just
    below it (two organisations with one acronym, or a duplicate on record)."""
    if len(matches) < 2 or matches[0].score < LINK_SCORE or matches[1].score < matches[0].score - AMBIGUOUS:
        return matches
    close = matches[0].score - AMBIGUOUS
    below = round(LINK_SCORE - 0.01, 3)
    return [Match(m.organisation, min(m.score, below), m.reason) if m.score >= close else m for m in matches]


def _scored(candidates, spoken: list, country: str, kind: str) -> list[Match]:
    matches = []
    for organisation in candidates:
        score = _best(spoken, organisation)
        value = min(1.0, max(0.0, score.value + _context(organisation, country, kind)))
        if value >= SUGGEST_SCORE:
            matches.append(Match(organisation, round(value, 3), score.reason))
    return matches


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


def lookup_texts(name: str, acronym: str = "") -> tuple[list[str], list[str]]:
    """The folded texts looked up in ``search_title``: for the name, as written, in Latin and
    (when spelled the Russian way) in Cyrillic letters, with its generic words in each language of
    the lexicon, and its own words alone; then, as acronyms, its initials (a record known by its
    acronym) and the acronym written beside it."""
    tokens = words(name)
    texts = [folded(name), latin(name)]
    if not has_cyrillic(name) and (_RUSSIAN_SPELLING.search(latin(name)) or looks_like_acronym(name)):
        texts.append(to_cyrillic(name))
    concepts = [concept_of(t) for t in tokens]
    for table in TRANSLATIONS.values():
        texts.append(" ".join(table.get(c, t) if c else t for t, c in zip(tokens, concepts, strict=True)))
    own = [t for t, c in zip(tokens, concepts, strict=True) if c is None and t not in STOPWORDS]
    if own and len(own) < len(tokens) and len("".join(own)) >= 4:
        texts.append(" ".join(own))
    acronyms = [a for a in initials(name) if len(a) >= 3 and len(tokens) >= 3]
    if acronym:
        acronyms.append(compact(acronym))
    return [t for t in dict.fromkeys(texts) if t], list(dict.fromkeys(acronyms))


def own_word_forms(name: str) -> tuple[list[str], list[str]]:
    """The name's own words (not generic, not small) as the database may hold them: in Latin,
    as written, in Cyrillic letters when spelled the Russian way (for a name of generic words
    only, its telling generic words in every language); and, for a short name, LIKE patterns one
    slip away from its own words (``slips``)."""
    latin_words = words(name)
    written = written_words(name)
    if len(written) != len(latin_words):
        written = latin_words
    both = list(zip(latin_words, written, strict=True))
    own = [(w, x) for w, x in both if w not in STOPWORDS and concept_of(w) is None]
    if own:
        forms = _forms_of_own_words(own, in_cyrillic=looks_like_acronym(name))
    else:
        forms = _forms_of_telling_generic_words(both)
    # Only for short names: a long one forgives a slip in its trigrams, and each slipped word
    # costs the index a few dozen lookups. (A generic word mistyped, "clutser", is no word of
    # its own: lexicon.concept_of.)
    short = len([w for w in latin_words if w not in STOPWORDS]) <= 3
    patterns = _slips_of_longest(own) if short else []
    return list(dict.fromkeys(f for f in forms if f)), patterns


def _forms_of_own_words(own: list[tuple[str, str]], *, in_cyrillic: bool) -> list[str]:
    """Each own word in Latin and as written, and in Cyrillic letters when spelled the Russian
    way or when ``in_cyrillic`` (an acronym)."""
    forms = []
    for word, as_written in own:
        forms += [word, as_written]
        if in_cyrillic or _RUSSIAN_SPELLING.search(word):
            forms.append(to_cyrillic(word))
    return forms


def _forms_of_telling_generic_words(both: list[tuple[str, str]]) -> list[str]:
    """For a name of generic words only: its telling ones ("ict" in "ICT Cluster", not
    "cluster"), in any language of the lexicon."""
    forms = []
    for word, as_written in both:
        concept = concept_of(word)
        if concept and weight_of(concept) > ORGANISATION:
            forms += [word, as_written, *_in_every_language(concept)]
            if _RUSSIAN_SPELLING.search(word):
                forms.append(to_cyrillic(word))
    return forms


def _in_every_language(concept: str) -> list[str]:
    english = CONCEPTS[concept][1][0].rstrip("*")
    return [english, *(table[concept] for table in TRANSLATIONS.values() if concept in table)]


def _slips_of_longest(own: list[tuple[str, str]]) -> list[str]:
    """``slips`` of the two longest own words."""
    patterns = []
    for word, _ in sorted(own, key=lambda o: -len(o[0]))[:2]:
        patterns += slips(word)
    return patterns


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


def _candidates(name: str, acronym: str, exclude_pk) -> tuple[list[Organisation], QuerySet]:
    """A few dozen organisations the name may mean, in one query through the trigram index, and
    the QuerySet they came from (for ``resolve`` to look by initials)."""
    texts, acronyms = lookup_texts(name, acronym)
    close = Q()
    for text in texts:
        close |= Q(BooleanOp(Value(text), "<%%", F("search_title")))
    forms, patterns = own_word_forms(name)
    if forms:
        # A name with words of its own is only looked for where one of them is (or one slip
        # away, below): "ICT Cluster" need not be compared with every cluster, which scoring
        # would drop anyway.
        own = Q()
        for form in forms:
            own |= Q(BooleanOp(Value(form), "<%%", F("search_title")))
        close &= own
    for pattern in patterns:
        close |= Q(BooleanOp(F("search_title"), "LIKE", Value(pattern)))
    for text in acronyms:
        close |= Q(BooleanOp(Value(text), "<%%", F("search_title")))
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
    return list(ranked.order_by("-retrieval", "pk")[:CANDIDATES]), base
