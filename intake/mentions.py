"""The organisations a report names, each once, with its role and its candidates on record.

Candidate phrases are capitalised word runs (with lower-case joiners such as "of", "du", "ve"),
runs extended by a generic word of the field ("ViaMeca pole"), quoted names, names paired with
an acronym in parentheses and ALL-CAPS acronyms. Every phrase goes through the identity resolver;
where phrases overlap the better one is kept, and a phrase that matches nothing on record is
proposed as new only when it looks like an organisation (a generic word, a legal form, an
acronym, or a role cue such as "hosted by"): persons and places are not organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusters.identity import LINK_SCORE, resolve
from clusters.identity.lexicon import CONCEPTS, EXACT, ORGANISATION, STEMS, concept_of
from core.text import fold, transliterate
from intake.context import COUNTRY_NAMES, GENERIC_WORDS, KIND_WORDS, MENTIONED, TOWNS, country_near, kind_of, role_of
from intake.inflection import base_form
from intake.proposal import Candidate, OrganisationProposal
from intake.vocabulary import may_be_on_record, vocabulary
from intake.words import (
    CAPS_STOP,
    JOINERS,
    LEADING_STOP,
    NATIONALITY,
    NOT_ORGANISATION,
    TOKEN,
    caps_groups,
    common_words,
    is_caps,
    sentences,
    shouted_words,
    spans_of,
)

_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009]")
# "VINNOVA-Sweden", "NWDA- UK": a hyphen that ends a word or leads to a country separates.
_DANGLING_HYPHEN = re.compile(
    r"(?<=\w)[-–](?=\s|$|(?:Sweden|Austria|UK|Belgium|Poland|Italy|France|Germany|Spain|Russia)\b)"
)
_QUOTES = '“”"«»„'
_LEGAL = re.compile(r"\b(GmbH|Ltd|S\.?A\.?|S\.p\.A\.|SAS|SARL|AG|Inc|Co\.|Lc\.|Sp\. z o\.o\.|OOO|ООО|ЗАО|A\.Ş\.)(?!\w)")
# Words before a name that make it an organisation even without a generic word in it.
_ORG_BEFORE = re.compile(r"(company|firm|partner|member|organisation|organization|anchor)\w*\b(.{0,25}\b(is|are))?\s+$")


@dataclass
class Phrase:
    start: int  # in the sentence
    end: int
    name: str  # base form, without the acronym in parentheses
    acronym: str = ""
    parts: tuple = ()  # the names an "and" inside it may separate

    def overlaps(self, other: Phrase) -> bool:
        return self.start < other.end and other.start < self.end


def is_generic(word: str) -> bool:
    """A word of the field's lexicon that says what kind of body something is (cluster, pôle, klastra...)."""
    concept = concept_of(transliterate(word))
    return fold(word) in GENERIC_WORDS or (concept is not None and CONCEPTS[concept][0] == ORGANISATION)


def _generic_as_such(word: str) -> bool:
    """A generic word itself or one of its inflections ("klastra"), not a longer word that
    begins with one ("Clusterland")."""
    if not is_generic(word):
        return False
    folded = transliterate(word)
    stems = [stem for stem, _concept in STEMS if folded.startswith(stem)]
    return fold(word) in GENERIC_WORDS or folded in EXACT or not stems or len(folded) - len(stems[0]) <= 3


def _capital_or_generic(word: str) -> bool:
    return word[:1].isupper() or is_generic(word)


def is_acronym(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    return is_caps(token) and letters >= 3 and len(token) <= 12 and fold(token) not in CAPS_STOP | GENERIC_WORDS


def _continues(run: list, word: str, nxt: str) -> bool:
    """Whether a lower-case word or a number continues the capitalised run before it."""
    folded = fold(word)
    if word.isdigit():  # "Clib 2021"
        return 2 <= len(word) <= 4 and not run[-1].group().isdigit()
    if folded in JOINERS:
        return nxt[:1].isupper() and not (folded == "in" and fold(nxt) in TOWNS)
    # "ViaMeca pole", "NRW cluster secretariat"; not "Identify cluster" at a sentence's start
    return is_generic(word) and run[0].start() > 0 and _capital_or_generic(run[-1].group())


CLUSTER_WORDS = {w for kind, words in KIND_WORDS if kind in ("cluster", "pole", "network") for w in words}
# Words joining two names in an enumeration: "A.N.Bach Institute and AIRR".
AND_WORDS = {"and", "et", "und", "ve", "i", "y", "e"}
# "Ministry of Economic Affairs, Energy and Industry": a body whose name may hold a comma.
COMMA_KINDS = {"authority", "agency", "research", "association"}


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Spans of capitalised word runs, with joiners and generic words inside them; a gap other
    than spaces and quotes (or a comma inside the name of a body that may hold one) ends a run."""
    tokens = list(TOKEN.finditer(sentence))
    runs, current = [], []
    for i, m in enumerate(tokens):
        word, folded = m.group(), fold(m.group())
        gap = sentence[current[-1].end() : m.start()] if current else ""
        comma = (
            bool(current) and gap == ", " and kind_of(current[0].group()) in COMMA_KINDS and folded not in COUNTRY_NAMES
        )
        if current and not (set(gap) <= set(" \t" + _QUOTES) or comma):
            runs.append(current)
            current = []
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if word[0].isupper():
            if not current and folded in LEADING_STOP:
                continue
            current.append(m)
        elif current and _continues(current, word, nxt):
            current.append(m)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [span for run in runs for span in _run_spans(sentence, run)]


def _run_spans(sentence: str, run: list[re.Match]) -> list[tuple[int, int]]:
    """The span of one run, its trailing joiners dropped; acronyms side by side are one span each."""
    while run and (fold(run[-1].group()) in JOINERS or fold(run[-1].group()) in LEADING_STOP):
        run.pop()
    if not run:
        return []
    # "İŞİM CLUSTEM": acronyms side by side are not one name, but "CITTA DEI MOTORI" is
    if all(is_caps(m.group()) for m in run) and len(run) < 3 and not any(is_generic(m.group()) for m in run):
        return [(m.start(), m.end()) for m in run]
    end = run[-1].end()
    if sentence[end : end + 1] in _QUOTES:
        end += 1
    return [(run[0].start(), end)]


def _with_parentheses(sentence: str, start: int, end: int) -> Phrase:
    """The phrase at ``start:end``, joined with an acronym (or a full name) in parentheses after it."""
    written = sentence[start:end]
    m = re.match(r"\s*\(([^()]{2,120})\)", sentence[end:])
    if m:
        inside = m.group(1).split(",")[0].strip()
        initials = {w[:1].upper() for w in re.findall(r"\w+", written)}
        if is_acronym(inside) and not is_caps(written) and inside[:1].upper() in initials:
            return Phrase(start, end + m.end(), written, inside)
        if is_acronym(written) and inside[:1].isupper() and " " in inside:
            return Phrase(start, end + m.end(), inside, written)
    return Phrase(start, end, written)


def phrases(sentence: str) -> list[Phrase]:
    """Every candidate phrase of one sentence, overlapping ones included."""
    out = []
    for start, end in _runs(sentence):
        whole = _with_parentheses(sentence, start, end)
        joints = [m for m in TOKEN.finditer(sentence, start, end) if fold(m.group()) in AND_WORDS]
        if len(joints) == 1:
            whole.parts = (
                Phrase(start, joints[0].start() - 1, sentence[start : joints[0].start() - 1]),
                _with_parentheses(sentence, joints[0].end() + 1, end),
            )
            out += whole.parts
        out.append(whole)
        inner = list(TOKEN.finditer(sentence, start, end))
        if all(is_caps(t.group()) for t in inner):
            continue
        for group in caps_groups(sentence, inner):  # an acronym in a longer run, or "CITTA DEI MOTORI"
            if len(group) >= 3:
                out.append(Phrase(group[0].start(), group[-1].end(), sentence[group[0].start() : group[-1].end()]))
            elif is_acronym(group[0].group()):
                out += [_with_parentheses(sentence, m.start(), m.end()) for m in group if is_acronym(m.group())]
    for m in re.finditer(r"[“«„\"]([^“”«»„\"\n]{2,80})[”»“\"]", sentence):
        if m.group(1)[:1].isupper():
            out.append(Phrase(m.start(), m.end(), m.group(1)))
    for p in out:
        p.name = base_form(p.name.strip(_QUOTES + " ,"))
    return out


def _not_a_name(name: str) -> bool:
    """An event, a group ("Russian clusters"), a country or a nationality: never a new organisation."""
    words = [w.strip(".") for w in re.findall(r"[\w.]+", fold(name))]
    if not words or fold(name) in COUNTRY_NAMES or fold(name) == "russian federation":
        return True
    if any(w in NOT_ORGANISATION for w in words) or (len(words) == 1 and is_generic(words[0])):
        return True
    if len(words) <= 2 and all(w in NATIONALITY or w in CLUSTER_WORDS or w in COUNTRY_NAMES for w in words):
        return True  # "NRW cluster", "EU-RUS cluster"; not "Province of Milan"
    # "Northrhine-Westphalian partner": a nationality adjective
    return len(words) <= 2 and re.search(r"(ian|ean|ese|ish)$", words[-1]) is not None


def _looks_like_organisation(phrase: Phrase, sentence: str) -> bool:
    if len(phrase.name) < 2 or _not_a_name(phrase.name):
        return False
    if phrase.acronym or is_acronym(phrase.name) or _LEGAL.search(phrase.name) or kind_of(phrase.name):
        return True
    if _ORG_BEFORE.search(fold(sentence[: phrase.start])) or _described_after(phrase, sentence):
        return True
    if _listed_with_country(phrase, sentence):
        return True
    return role_of(sentence[: phrase.start], sentence[phrase.end :]) != MENTIONED


def _described_after(phrase: Phrase, sentence: str) -> bool:
    """ "Progresit, Civic Association": a name followed by what kind of body it is."""
    m = re.match(r",\s+((?:\w+\s+){0,2}\w+)", sentence[phrase.end :])
    return bool(m) and bool(kind_of(m.group(1))) and not _not_a_name(m.group(1))


def _listed_with_country(phrase: Phrase, sentence: str) -> bool:
    """A line of its own, "Veneto Innovazione-Italy": a partner list names a body and its country."""
    words = fold(phrase.name).split()
    alone = not sentence[: phrase.start].strip(" -–•*#\t") and not sentence[phrase.end :].strip(" -–.\t")
    return alone and len(words) >= 2 and words[-1] in COUNTRY_NAMES and words[-1] not in TOWNS


@dataclass
class _Found:
    phrase: Phrase
    sentence: str
    matches: list
    country: str

    @property
    def score(self) -> float:
        return self.matches[0].score if self.matches else 0.0


def _resolve(phrase: Phrase, sentence: str, cache: dict) -> _Found:
    country = country_near(sentence, phrase.start)
    hint = country if country and _distance(sentence, phrase, country) else ""
    best: list = []
    # "EU-DG Enterprise", "Veneto Innovazione Italy": an EU prefix or a country suffix only hides the name
    bare = re.sub(r"^(EU|EC|UE)[-‑]", "", phrase.name)
    last = fold(bare).rsplit(" ", 1)[-1]
    bare = bare.rsplit(" ", 1)[0] if " " in bare and last in COUNTRY_NAMES and last not in TOWNS else bare
    queries = (phrase.name, phrase.acronym, _own_words(phrase.name), bare)
    for query in dict.fromkeys(q for q in queries if q):
        key = (fold(query), hint)
        if key not in cache:
            cache[key] = resolve(query, country=hint)
        if cache[key] and (not best or cache[key][0].score > best[0].score):
            best = cache[key]
        if best and best[0].score >= LINK_SCORE:  # each lookup is a query: stop at a sure one
            break
    return _Found(phrase, sentence, best, country)


def _own_words(name: str) -> str:
    """``name`` without its generic words ("Pole of Competitiveness ViaMeca" -> "ViaMeca"), when
    what is left is a word of its own: the resolver gives a long generic frame too much weight."""
    words = re.findall(r"[\w\-]+", name)
    # Only a generic word as such is dropped, not a name built on one ("Clusterland"): without
    # it, "Oberösterreich" alone would meet the Chamber of Commerce of that region.
    kept = [w for w in words if not _generic_as_such(w) and fold(w) not in JOINERS]
    own = " ".join(kept)
    if (
        len(kept) == len([w for w in words if fold(w) not in JOINERS])
        or not kept
        or all(fold(w) in NATIONALITY or fold(w) in COUNTRY_NAMES for w in kept)
    ):
        return ""
    return own if any(w[:1].isupper() for w in kept) else ""


def _distance(sentence: str, phrase: Phrase, country: str) -> bool:
    """Whether the country is named close enough to the phrase to be its country."""
    window = sentence[max(0, phrase.start - 60) : phrase.end + 60]
    return country_near(window, 0) == country


def find_organisations(text: str, *, exclude: set[str] | frozenset = frozenset()) -> list[OrganisationProposal]:
    """The organisations ``text`` names, in order of first mention. ``exclude``: folded names
    of projects and instruments, which are proposed as such rather than as new organisations."""
    cache: dict = {}
    proposals: dict[str, OrganisationProposal] = {}
    text = _DANGLING_HYPHEN.sub(" ", _SPACES.sub(" ", text))
    skipped, known = shouted_words(text) | common_words(text), vocabulary()
    kept_all: list[_Found] = []
    for _offset, sentence in sentences(text):
        found = _found_in(sentence, skipped, known, cache)
        taken = spans_of(exclude, sentence)
        kept: list[_Found] = []
        for f in found:
            if not any(f.phrase.overlaps(k.phrase) for k in kept) and not _dropped(f, sentence, taken):
                kept.append(f)
        kept_all += sorted(kept, key=lambda f: f.phrase.start)
    linked = {f.matches[0].organisation.slug for f in kept_all if f.score >= LINK_SCORE}
    for f in kept_all:
        _add(proposals, f, linked)
    return list(proposals.values())


def _found_in(sentence: str, skipped: set[str], known, cache: dict) -> list[_Found]:
    """The phrases of ``sentence`` looked up, longest first, a phrase inside a sure link left
    out; sure links first, then by score and length."""
    found: list[_Found] = []
    candidates = [p for p in phrases(sentence) if not _skipped(p.name, skipped) and not _opening_word(p, sentence)]
    for p in sorted(candidates, key=lambda p: p.start - p.end):  # longest first
        if any(p.overlaps(f.phrase) for f in found if f.score >= LINK_SCORE):
            continue
        if _looks_like_organisation(p, sentence) or may_be_on_record(p.name, known):
            found.append(_resolve(p, sentence, cache))
    found.sort(key=lambda f: (f.score >= LINK_SCORE, f.score, f.phrase.end - f.phrase.start), reverse=True)
    return found


def _dropped(f: _Found, sentence: str, taken: list[tuple[int, int]]) -> bool:
    """Whether a phrase without a sure link is no organisation to propose: it does not look like
    one, it names two organisations together, or it is a project or instrument on record."""
    parts = f.phrase.parts
    return f.score < LINK_SCORE and (
        not _looks_like_organisation(f.phrase, sentence)
        or bool(parts and all(_looks_like_organisation(part, sentence) for part in parts))
        or any(f.phrase.start < end and start < f.phrase.end for start, end in taken)
    )


def _opening_word(phrase: Phrase, sentence: str) -> bool:
    """A single capitalised word opening a sentence or a list item ("Support", "Facilitate")."""
    opening = not sentence[: phrase.start].strip(" -–•*#0123456789.)➔✓+\t")
    return opening and " " not in phrase.name and not is_caps(phrase.name) and not phrase.acronym


def _skipped(name: str, words: set[str]) -> bool:
    """Phrases not worth a lookup: stop words, shouted or common words, events, groups, places."""
    folded = fold(name)
    return folded in CAPS_STOP or folded in LEADING_STOP or folded in words or _not_a_name(name)


def _same_acronym(name: str, acronym: str, other_name: str, other_acronym: str) -> bool:
    """Whether one of two new names is the other's acronym: "İŞİM" and "İş ve İnşaat Makineleri
    Kümelenmesi (İŞİM)", "PNB pole" and "Partners in Nuclear Business (PNB)"."""

    def keys(n: str, a: str) -> set[str]:
        return {fold(n), fold(a), fold(_own_words(n))} - {""}

    return bool(
        (acronym and fold(acronym) in keys(other_name, other_acronym))
        or (other_acronym and fold(other_acronym) in keys(name, acronym))
    )


def _add(proposals: dict[str, OrganisationProposal], f: _Found, linked: set[str]) -> None:
    """Add the phrase found, or merge it into the proposal for the same organisation. A phrase
    whose best candidate the report names elsewhere beyond doubt is that organisation again."""
    phrase, sentence = f.phrase, f.sentence
    role = role_of(sentence[: phrase.start], sentence[phrase.end :])
    link = bool(f.matches) and f.matches[0].organisation.slug in linked
    key = f"slug:{f.matches[0].organisation.slug}" if link else f"name:{fold(phrase.name)}"
    same = proposals.get(key) or next(
        (
            p
            for p in proposals.values()
            if p.action == "create" and not link and _same_acronym(p.name, p.acronym, phrase.name, phrase.acronym)
        ),
        None,
    )
    if same is not None:
        if same.role == MENTIONED:  # the first role the text gives it is its role in this report
            same.role = role
        if not same.acronym and phrase.acronym:
            same.acronym = phrase.acronym
        return
    candidates = [
        Candidate(
            slug=m.organisation.slug,
            name=m.organisation.name,
            score=round(m.score, 3),
            reason=m.reason,
            pk=m.organisation.pk,
        )
        for m in f.matches
    ]
    proposals[key] = OrganisationProposal(
        mention=sentence[phrase.start : phrase.end].strip(),
        name=phrase.name,
        role=role,
        action="link" if link else "create",
        candidates=candidates,
        kind="" if link else kind_of(phrase.name),
        country="" if link else f.country,
        acronym=phrase.acronym,
    )
