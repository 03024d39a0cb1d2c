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

from core.text import fold
from intake.context import COUNTRY_NAMES, GENERIC_WORDS, MENTIONED, ROLE_RANK, country_near, kind_of, role_of
from intake.inflection import base_form
from intake.proposal import Candidate, OrganisationProposal

try:
    from clusters.identity import LINK_SCORE, resolve
except ImportError:  # until the identity branch is merged
    from intake.stand_in import LINK_SCORE, resolve

JOINERS = frozenset("of du de des der für fur di del della and et und i ve y for in on d' la le".split())
# Capitalised words that start a sentence or a heading rather than a name.
LEADING_STOP = frozenset(
    """the a an on in at by for to with from this these those its their our during within regarding when
    source overall still it he she they we main current both all other another but and or as if after before
    since while also more most some each every such what how why who where there here then thus however
    furthermore nevertheless moreover representatives established searching based creation already between
    until today yesterday after via per en le la les un une der die das ein eine il lo el los w z na do o
    bu bir ve ile da de e.g i.e thank dear new""".split()
)
# ALL-CAPS tokens that are not organisations: months, roman numerals, common abbreviations, headings.
CAPS_STOP = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec i ii iii iv v vi vii viii ix x xi xii sme smes eu
    r&d rdi ict it usa uk ceo pr hr pdf cv nrw ce mio eur usd ok no n.b faq www http https url tel fax ps
    rus dg ue ес ооо зао оао news newsletter report conference what is of from partners important events
    introduction metacluster meta-cluster benchmarking wp1 wp2 wp3 wp4 wp5 pp1 pp2 pp3 pp4 pp5 pp6 pp7 pp8
    pp9 pp10 hq gold vs inno nets ab""".split()
)
# Words that make a phrase an event, a programme or a group rather than one organisation.
NOT_ORGANISATION = frozenset(
    """workshop conference forum meeting festival fair congress seminar project programme program call initiative
    newsletter report session award cup summit exhibition webinar visit tour trip clusters poles networks
    agencies companies institutes universities ministries associations klastry klastrow kumeler kumelenmeleri
    toplantisi konferansi fuari konferencja spotkanie targi forum kongres конференция семинар форум выставка
    визит кластеры""".split()
)
# Nationality and region words: a "Russian cluster" or "EU clusters" is a kind of thing, not a name.
NATIONALITY = frozenset(
    """russian european eu french german polish turkish italian spanish austrian slovak hungarian czech
    belarusian british swedish belgian nrw international national regional central eastern western
    northern southern foreign local other russia europe""".split()
)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009]")
_TOKEN = re.compile(r"\w(?:[\w&\-]|[.’'](?=\w{2,}\.|\w\.)|\.(?=\w))*")
_QUOTES = "“”\"«»„"
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)|\n+")
_LEGAL = re.compile(r"\b(GmbH|Ltd|S\.?A\.?|S\.p\.A\.|SAS|SARL|AG|Inc|Co\.|Lc\.|Sp\. z o\.o\.|OOO|ООО|ЗАО|A\.Ş\.)(?!\w)")
# Words before a name that make it an organisation even without a generic word in it.
_ORG_BEFORE = re.compile(r"(company|firm|partner|member|organisation|organization|anchor)\w*\b.{0,25}\b(is|are)\s+$")


@dataclass
class Phrase:
    start: int  # in the sentence
    end: int
    name: str  # base form, without the acronym in parentheses
    acronym: str = ""

    def overlaps(self, other: Phrase) -> bool:
        return self.start < other.end and other.start < self.end


def is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_acronym(token: str) -> bool:
    return is_caps(token) and fold(token) not in CAPS_STOP and len(token) <= 12 and fold(token) not in GENERIC_WORDS


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs; headings and list items are sentences of their own."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, text[start : m.start()]))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Spans of capitalised word runs, with joiners and generic words inside them."""
    tokens = list(_TOKEN.finditer(sentence))
    runs, current = [], []
    for i, m in enumerate(tokens):
        word, folded = m.group(), fold(m.group())
        gap = sentence[current[-1].end() : m.start()] if current else ""
        if current and not (set(gap) <= set(" \t" + _QUOTES) or (gap == ", " and kind_of(current[0].group()))):
            runs.append(current)
            current = []
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if word[0].isupper():
            if not current and folded in LEADING_STOP:
                continue
            current.append(m)
        elif current and word.isdigit() and 2 <= len(word) <= 4 and not current[-1].group().isdigit():
            current.append(m)
        elif current and folded in JOINERS and (nxt[:1].isupper() or fold(nxt) in GENERIC_WORDS):
            current.append(m)
        elif current and folded in GENERIC_WORDS:
            current.append(m)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    spans = []
    for run in runs:
        while run and (fold(run[-1].group()) in JOINERS or fold(run[-1].group()) in LEADING_STOP):
            run.pop()
        if not run:
            continue
        if all(is_caps(m.group()) for m in run):  # "İŞİM CLUSTEM": acronyms side by side are not one name
            spans += [(m.start(), m.end()) for m in run]
            continue
        end = run[-1].end()
        if sentence[end : end + 1] in _QUOTES:
            end += 1
        spans.append((run[0].start(), end))
    return spans


def _with_parentheses(sentence: str, start: int, end: int) -> Phrase:
    """The phrase at ``start:end``, joined with an acronym (or a full name) in parentheses after it."""
    written = sentence[start:end]
    m = re.match(r"\s*\(([^()]{2,120})\)", sentence[end:])
    if m:
        inside = m.group(1).split(",")[0].strip()
        if is_acronym(inside) and not is_caps(written):
            return Phrase(start, end + m.end(), written, inside)
        if is_acronym(written) and inside[:1].isupper() and " " in inside:
            return Phrase(start, end + m.end(), inside, written)
    return Phrase(start, end, written)


def phrases(sentence: str) -> list[Phrase]:
    """Every candidate phrase of one sentence, overlapping ones included."""
    out = []
    for start, end in _runs(sentence):
        out.append(_with_parentheses(sentence, start, end))
        for m in _TOKEN.finditer(sentence[start:end]):  # an acronym inside a longer run
            if is_acronym(m.group()) and m.end() - m.start() < end - start:
                out.append(_with_parentheses(sentence, start + m.start(), start + m.end()))
    for m in re.finditer(r"[“«„\"]([^“”«»„\"\n]{2,80})[”»“\"]", sentence):
        if m.group(1)[:1].isupper():
            out.append(Phrase(m.start(), m.end(), m.group(1)))
    for p in out:
        p.name = base_form(p.name.strip(_QUOTES + " ,"))
    return out


def _not_a_name(name: str) -> bool:
    """An event, a group ("Russian clusters"), a country or a nationality: never a new organisation."""
    words = [w.strip(".-") for w in re.findall(r"[\w.\-]+", fold(name))]
    if not words or fold(name) in COUNTRY_NAMES or fold(name) == "russian federation":
        return True
    if any(w in NOT_ORGANISATION for w in words):
        return True
    if all(w in NATIONALITY or w in GENERIC_WORDS or w in JOINERS or w in COUNTRY_NAMES for w in words):
        return True
    return len(words) == 1 and re.search(r"(ian|ean|ese|ish)$", words[0]) is not None


def _looks_like_organisation(phrase: Phrase, sentence: str) -> bool:
    if len(phrase.name) < 2 or _not_a_name(phrase.name):
        return False
    if phrase.acronym or is_acronym(phrase.name) or _LEGAL.search(phrase.name) or kind_of(phrase.name):
        return True
    if _ORG_BEFORE.search(fold(sentence[: phrase.start])):
        return True
    return role_of(sentence[: phrase.start], sentence[phrase.end :]) != MENTIONED


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
    for query in dict.fromkeys(q for q in (phrase.name, phrase.acronym) if q):
        key = (fold(query), hint)
        if key not in cache:
            cache[key] = resolve(query, country=hint)
        if cache[key] and (not best or cache[key][0].score > best[0].score):
            best = cache[key]
    return _Found(phrase, sentence, best, country)


def _distance(sentence: str, phrase: Phrase, country: str) -> bool:
    """Whether the country is named close enough to the phrase to be its country."""
    window = sentence[max(0, phrase.start - 60) : phrase.end + 60]
    return country_near(window, 0) == country


def find_organisations(text: str, *, exclude: set[str] | frozenset = frozenset()) -> list[OrganisationProposal]:
    """The organisations ``text`` names, in order of first mention. ``exclude``: folded names
    of projects and instruments, which are proposed as such rather than as new organisations."""
    cache: dict = {}
    proposals: dict[str, OrganisationProposal] = {}
    for _offset, sentence in sentences(_SPACES.sub(" ", text)):
        taken = _spans_of(exclude, sentence)
        found = [
            _resolve(p, sentence, cache)
            for p in phrases(sentence)
            if not any(p.start < end and start < p.end for start, end in taken)
        ]
        found.sort(key=lambda f: (f.score >= LINK_SCORE, f.score, f.phrase.end - f.phrase.start), reverse=True)
        kept: list[_Found] = []
        for f in found:
            if any(f.phrase.overlaps(k.phrase) for k in kept):
                continue
            if f.score < LINK_SCORE:
                if not _looks_like_organisation(f.phrase, sentence):
                    continue
            kept.append(f)
        for f in sorted(kept, key=lambda f: f.phrase.start):
            _add(proposals, f)
    return list(proposals.values())


def _spans_of(names, sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names one of ``names`` (folded), word-bounded."""
    folded = fold(sentence)
    if len(folded) != len(sentence):
        return []
    return [
        (m.start(), m.end())
        for name in names
        if name
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", folded)
    ]


def _add(proposals: dict[str, OrganisationProposal], f: _Found) -> None:
    phrase, sentence = f.phrase, f.sentence
    role = role_of(sentence[: phrase.start], sentence[phrase.end :])
    link = f.score >= LINK_SCORE
    key = f"slug:{f.matches[0].organisation.slug}" if link else f"name:{fold(phrase.name)}"
    same = proposals.get(key) or next(
        (
            p
            for p in proposals.values()
            if p.action == "create"
            and not link
            and phrase.acronym
            and fold(phrase.acronym) in {fold(p.acronym), fold(p.name)}
        ),
        None,
    )
    if same is not None:
        if ROLE_RANK[role] < ROLE_RANK[same.role]:
            same.role = role
        if not same.acronym and phrase.acronym:
            same.acronym = phrase.acronym
        return
    candidates = [
        Candidate(slug=m.organisation.slug, name=m.organisation.name, score=round(m.score, 3), reason=m.reason,
                  pk=m.organisation.pk)
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

