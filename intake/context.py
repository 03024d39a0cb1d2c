"""What the words around a mention say about it: its role in the visit, the kind of
organisation its own words suggest, and the country named nearest to it.

Role cues are written in the seeds' languages (en, fr, de, it, es, pl, ru, tr). A cue *before* the
mention governs the name that follows it ("hosted by X", "delegacja z X"); a cue *after* it
governs the name that precedes it ("X delegation", "X'in ev sahipliğinde", "X ziyaret edildi").
"""

from __future__ import annotations

import re

from core.text import fold
from intake.text.dates import MONTHS

HOST, DELEGATION, ORGANISER, PARTICIPANT, MENTIONED = "host", "delegation", "organiser", "participant", "mentioned"

_ART = r"(?:(?:the|a|an|le|la|les|l'|der|die|den|dem|des|il|lo|el|los)\s+)?"
# Cues ending right before the mention (matched against the folded text just before it).
_BEFORE = [
    (
        ORGANISER,
        r"(organi[sz]ed by|co-organi[sz]ed by|organise(e|s|es)? par|organisiert von|veranstaltet von|"
        r"organizzat[oa] da|organizad[oa] por|(z)?organizowan\w* przez|организован\w*|проведен\w*)",
    ),
    (
        HOST,
        r"(hosted by|hosted at|visited|visiting the premises of|at the premises of|received by|welcomed by|"
        r"accueilli(e|s|es)? par|chez|zu gast bei|besucht\w*|ospitat[oa] da|presso|acogid[oa] por|"
        r"gosci\w*|w siedzibie|odwiedzi\w*|wizyt\w* w|принимал\w*|в гостях у|посетил\w*|"
        r"visit(ed)? to|trip to|(working |study )?visit\b[^.;:]{0,120}\bto)",
    ),
    (
        DELEGATION,
        r"(delegation (of|from)|a group from|visitors from|delegation de|delegation du|delegation des|"
        r"delegation (aus|von|der)|delegazione d\w*|delegacion de|delegacj\w* (z|ze)?|делегаци\w*( из)?|"
        r"grupa z)",
    ),
    (
        PARTICIPANT,
        r"(participants? from|representatives? (of|from)|with the participation of|together with|"
        r"participation de|teilnehmer (aus|von)|uczestnicy z|участник\w* (из|от)|представител\w*)",
    ),
]
# Cues right after the mention (matched against the folded text just after it).
_AFTER = [
    (DELEGATION, r"^\W{0,3}(delegation|delegation members|heyeti|delegacj\w*|делегаци\w*)"),
    (DELEGATION, r"^\W{0,3}(\w+\s+){0,2}(visited|paid a visit to|odwiedzil\w*|посетил\w*)\b"),
    (
        HOST,
        r"^\W{0,3}(\w+\s+)?(hosted|welcomed|received the|ev sahipligi\w*|\w{0,3}\s*ev sahipligi\w*|"
        r"(de |da )?ziyaret edil\w*|gosci\w*|принял\w*|принимал\w*)",
    ),
    (ORGANISER, r"^\W{0,3}(organi[sz]ed|conducted|tarafindan duzenlen\w*|zorganizowal\w*|организовал\w*)"),
    (PARTICIPANT, r"^\W{0,3}(attended|took part|participated|katildi\w*|wzi\w* udzial|принял\w* участие)"),
]
_BEFORE_RE = [(role, re.compile(pattern + r"\s+" + _ART + r"(\W{0,2})$")) for role, pattern in _BEFORE]
_AFTER_RE = [(role, re.compile(pattern)) for role, pattern in _AFTER]


# A Turkish sentence names its subject first and its verb last: "X, ..., kümeleri ziyaret etti".
_SUBJECT_VISITED = re.compile(r"\bziyaret (etti|ettiler|gerceklestirdi)\b")


def role_of(before: str, after: str) -> str:
    """The role that the text around a mention gives it (``before``/``after`` within its sentence)."""
    if len(before.strip()) < 3 and _SUBJECT_VISITED.search(fold(after)):
        return DELEGATION
    before, after = fold(before[-160:]), fold(after[:40])
    for role, pattern in _BEFORE_RE:
        if pattern.search(before):
            return role
    for role, pattern in _AFTER_RE:
        if pattern.search(after):
            return role
    return MENTIONED


# Folded words of a name -> the kind they suggest; the first hit in this order wins.
KIND_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("pole", """pole poles polo competitiveness competitivite"""),
    ("cluster", """cluster clusters klaster klastra klastry kume kumesi kumelenmesi кластер"""),
    ("network", """network alliance netzwerk reseau siec rete сеть agi meta-cluster"""),
    ("financial", """fund fonds fundusz bank venture finance financial фонд банк foundation"""),
    (
        "research",
        """institute institut instytut istituto university universite universitat uniwersytet universita
        universidad universitesi politechnika academy laboratory университет институт enstitusu""",
    ),
    (
        "authority",
        """ministry ministere ministerium ministerstwo ministero bakanligi министерство government hukumeti
        province provincia region regione town city municipality commission directorate-general
        directorate council office правительство администрация""",
    ),
    (
        "agency",
        """agency agence agentur agenzia agencia agencja ajansi агентство secretariat center centre centrum
        zentrum centro центр merkezi development_company""",
    ),
    (
        "association",
        """association federation union chamber verband verein kammer dernek odasi stowarzyszenie zwiazek
        izba associazione camera asociacion ассоциация союз палата society confederation""",
    ),
    (
        "company",
        """company group gmbh ltd limited plc inc s.a. sa s.p.a. spa srl ag sas sarl co. corp corporation
        lc. sp. spolka ooo ооо зао оао sirketi a.s. firm holding""",
    ),
]
KIND_WORDS = [(kind, tuple(w.replace("_", " ") for w in words.split())) for kind, words in KIND_WORDS]
GENERIC_WORDS = frozenset(w for _, words in KIND_WORDS for w in words)
_TOKENS = re.compile(r"[\w.\-]+")


def kind_of(name: str) -> str:
    """The organisation kind that the words of ``name`` suggest, or "" when none does."""
    words = _TOKENS.findall(fold(name))
    # "Lebensmittel-Cluster" is a cluster, "Inter-company learning" is not a company
    words += [fold(part) for part in re.findall(r"(?<=-)[A-ZÀ-Ý]\w+", name)]
    bare = {w.strip(".") for w in words} | set(words)
    joined = " ".join(words)
    for kind, cues in KIND_WORDS:
        if any((" " in cue and cue in joined) or cue in bare for cue in cues):
            return kind
    return ""


# Countries and towns the seeds' reports name, as written in their languages -> ISO code.
_NAMES_BY_COUNTRY = {
    "FR": "france fransa francja frankreich francia франция saint-etienne lyon mulhouse paris burgundy alsace",
    "RU": "russia russian rusya rosja russland russie россия zheleznogorsk moscow",
    "DE": "germany deutschland almanya niemcy allemagne германия dusseldorf duesseldorf nrw stuttgart hamburg",
    "PL": "poland polska polish polonya pologne польша bialystok warszawa warsaw",
    "BY": "belarus bialorus беларусь belarusian белоруссия minsk grodno brest",
    "TR": "turkey turkiye turkish ankara istanbul",
    "IT": "italy italia italian italya milan milano",
    "ES": "spain espana ispanya",
    "AT": "austria osterreich austrian linz",
    "SK": "slovakia slovensko piestany trnava",
    "HU": "hungary magyarorszag",
    "CZ": "czech",
    "SE": "sweden",
    "BE": "belgium",
    "GB": "uk england ingiltere",
    "DK": "denmark kopenhag copenhagen",
}
COUNTRY_NAMES: dict[str, str] = {name: code for code, names in _NAMES_BY_COUNTRY.items() for name in names.split()}
# Towns and months: "Mayer Group France in Saint-Etienne" ends before "in".
TOWNS = frozenset(
    [
        "zheleznogorsk",
        "moscow",
        "saint-etienne",
        "lyon",
        "mulhouse",
        "paris",
        "ankara",
        "istanbul",
        "milan",
        "milano",
        "linz",
        "piestany",
        "trnava",
        "dusseldorf",
        "duesseldorf",
        "stuttgart",
        "hamburg",
        "bialystok",
        "warszawa",
        "warsaw",
        "minsk",
        "grodno",
        "brest",
        "kopenhag",
        "copenhagen",
        # English month names: a capitalised "May" or "April" is no town.
        *MONTHS,
    ]
)
_COUNTRY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COUNTRY_NAMES), key=len, reverse=True)) + r")\b")


def country_near(sentence: str, position: int) -> str:
    """The country of the country or town named nearest to ``position`` in ``sentence``."""
    folded = fold(sentence)
    hits = [(abs(m.start() - position), COUNTRY_NAMES[m.group()]) for m in _COUNTRY_RE.finditer(folded)]
    return min(hits)[1] if hits else ""
