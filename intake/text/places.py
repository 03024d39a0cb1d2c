"""Towns and countries a report names. Countries come from babel's names in the languages of the
field (with the endings Slavic cases add); towns from a short list of the field's towns in their
local spellings, and from capitalised words after "in", "à", "w", "в" or before Turkish "'da".
The proposer decides what the places mean; this only finds them."""

from __future__ import annotations

import functools
import re

NAME_LANGUAGES = ("en", "fr", "de", "it", "es", "pl", "ru", "tr", "uk", "be")
INFLECTED = {"pl", "ru", "uk", "be", "cs", "sk"}  # names take case endings ("we Francji", "во Франции")

EXTRA_COUNTRIES = {
    "Turkey": "TR",
    "Russian Federation": "RU",
    "UK": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "İngiltere": "GB",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "Türkei": "TR",
    "Turquie": "TR",
}
# Territory names that are also ordinary words or not countries at all.
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK", "JE", "GG", "IM", "TD", "CQ", "DG", "IC", "EA"}

# The field's towns (and regions): local and foreign spellings, Polish and Russian locatives -> (name, country).
TOWNS = {
    "Lyon": ("Lyon", "FR"),
    "Lyons": ("Lyon", "FR"),
    "Lione": ("Lyon", "FR"),
    "Лион": ("Lyon", "FR"),
    "Лионе": ("Lyon", "FR"),
    "Paris": ("Paris", "FR"),
    "Париж": ("Paris", "FR"),
    "Mulhouse": ("Mulhouse", "FR"),
    "Mulhose": ("Mulhouse", "FR"),
    "Saint-Etienne": ("Saint-Étienne", "FR"),
    "Saint-Étienne": ("Saint-Étienne", "FR"),
    "Saint Etienne": ("Saint-Étienne", "FR"),
    "Düsseldorf": ("Düsseldorf", "DE"),
    "Duesseldorf": ("Düsseldorf", "DE"),
    "Dusseldorf": ("Düsseldorf", "DE"),
    "Hamburg": ("Hamburg", "DE"),
    "Stuttgart": ("Stuttgart", "DE"),
    "Berlin": ("Berlin", "DE"),
    "Milan": ("Milan", "IT"),
    "Milano": ("Milan", "IT"),
    "Mailand": ("Milan", "IT"),
    "Sesto San Giovanni": ("Sesto San Giovanni", "IT"),
    "Linz": ("Linz", "AT"),
    "Vienna": ("Vienna", "AT"),
    "Wien": ("Vienna", "AT"),
    "Brussels": ("Brussels", "BE"),
    "Bruxelles": ("Brussels", "BE"),
    "Brüssel": ("Brussels", "BE"),
    "Copenhagen": ("Copenhagen", "DK"),
    "Kopenhag": ("Copenhagen", "DK"),
    "Ankara": ("Ankara", "TR"),
    "Istanbul": ("Istanbul", "TR"),
    "İstanbul": ("Istanbul", "TR"),
    "Piešťany": ("Piešťany", "SK"),
    "Piestany": ("Piešťany", "SK"),
    "Trnava": ("Trnava", "SK"),
    "Zheleznogorsk": ("Zheleznogorsk", "RU"),
    "Железногорск": ("Zheleznogorsk", "RU"),
    "Железногорске": ("Zheleznogorsk", "RU"),
    "Moscow": ("Moscow", "RU"),
    "Москва": ("Moscow", "RU"),
    "Москве": ("Moscow", "RU"),
    "Moskwie": ("Moscow", "RU"),
    "Saint Petersburg": ("Saint Petersburg", "RU"),
    "Minsk": ("Minsk", "BY"),
    "Минск": ("Minsk", "BY"),
    "Минске": ("Minsk", "BY"),
    "Mińsk": ("Minsk", "BY"),
    "Mińsku": ("Minsk", "BY"),
    "Grodno": ("Grodno", "BY"),
    "Grodnie": ("Grodno", "BY"),
    "Brest": ("Brest", "BY"),
    "Brześć": ("Brest", "BY"),
    "Brześciu": ("Brest", "BY"),
    "Białystok": ("Białystok", "PL"),
    "Białymstoku": ("Białystok", "PL"),
    "Białegostoku": ("Białystok", "PL"),
    "Белосток": ("Białystok", "PL"),
    "Белостоке": ("Białystok", "PL"),
    "Беласток": ("Białystok", "PL"),
    "Гродно": ("Grodno", "BY"),
    "Гародня": ("Grodno", "BY"),
    "Брест": ("Brest", "BY"),
    "Брэст": ("Brest", "BY"),
    "Варшава": ("Warsaw", "PL"),
    "Варшаве": ("Warsaw", "PL"),
    "Grodna": ("Grodno", "BY"),
    "Mińska": ("Minsk", "BY"),
    "Bialystok": ("Białystok", "PL"),
    "Warsaw": ("Warsaw", "PL"),
    "Warszawa": ("Warsaw", "PL"),
    "Warszawie": ("Warsaw", "PL"),
    "Lublin": ("Lublin", "PL"),
    "Lublinie": ("Lublin", "PL"),
    "Kraków": ("Kraków", "PL"),
    "Krakowie": ("Kraków", "PL"),
    "Katowice": ("Katowice", "PL"),
    "Katowicach": ("Katowice", "PL"),
    # regions the reports name as a stop's place
    "Burgundy": ("Burgundy", "FR"),
    "Bourgogne": ("Burgundy", "FR"),
    "Alsace": ("Alsace", "FR"),
    "Northrhine-Westphalia": ("North Rhine-Westphalia", "DE"),
    "North Rhine-Westphalia": ("North Rhine-Westphalia", "DE"),
    "Nordrhein-Westfalen": ("North Rhine-Westphalia", "DE"),
}

# Capitalised words that follow "in" without being places.
NOT_PLACES = frozenset(
    re.findall(
        r"\S+",
        """
    the a an this that these those our their its his her my le la les der die das cluster clusters
    project european europe central eastern western northern southern english french german russian
    polish turkish biotech medicine spring summer autumn winter january february march april may june
    july august september october november december monday tuesday wednesday thursday friday saturday
    sunday order addition general particular total future reflection regions region partnership
    cooperation collaboration innovation research ict r rdi
        """,
    )
)

# Upper-case letters of the Latin, Turkish and Cyrillic alphabets (a range such as Ā-Ž would let
# the lower-case letters between in too).
UPPER = "".join(ch for ch in map(chr, [*range(0xC0, 0x250), *range(0x400, 0x530)]) if ch.isupper())
LOCATED = re.compile(
    r"(?:(?<!\w)(?:in|à|au|en|w|we|в|во|у|a|nach|aus|near|bei)\s+"
    rf"(?P<after>[A-Z{UPPER}][\w-]+(?:\s+(?:San|Saint|Sankt|Santa)\s+[A-Z][\w-]+)?)"
    rf"|(?<!\w)(?P<before>[A-Z{UPPER}][\w-]+)['’](?:d[ae]|t[ae])(?:ki)?(?!\w))"
)


@functools.cache
def country_names() -> dict[str, str]:
    """Every country name in the field's languages (as written, case kept) -> ISO code."""
    from babel import Locale

    names: dict[str, str] = {}
    for language in NAME_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in SKIP_TERRITORIES:
                names.setdefault(name, code)
    names.update(EXTRA_COUNTRIES)
    return names


@functools.cache
def country_pattern(language: str | None) -> re.Pattern:
    parts = []
    for name in sorted(country_names(), key=len, reverse=True):
        escaped = re.escape(name)
        if language in INFLECTED and len(name) >= 5:
            # "Francja" -> "Francji", "Россия" -> "России": the stem and a short case ending.
            escaped = re.escape(name[:-1]) + r"\w{0,3}"
        parts.append(escaped)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


@functools.cache
def town_pattern() -> re.Pattern:
    names = sorted(TOWNS, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def find_places(text: str, language: str | None) -> list[tuple[str, str]]:
    """(place as written, ISO country or "") in text order, each once; a country is its own
    country. Known towns are given in their usual spelling ("w Białymstoku" -> "Białystok")."""
    text = text or ""
    found: list[tuple[int, str, str]] = []
    named = bytearray(len(text))  # 1 where a country or a known town is
    countries = country_names()
    for match in country_pattern(language).finditer(text):
        written = match.group()
        code = countries.get(written) or country_of_stem(written)
        if code:
            found.append((match.start(), written, code))
            named[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in town_pattern().finditer(text):
        name, code = TOWNS[match.group()]
        found.append((match.start(), name, code))
        named[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in LOCATED.finditer(text):
        group = "after" if match.group("after") else "before"
        start, end = match.span(group)
        word = match.group(group)
        if any(named[start:end]):
            continue
        if not looks_like_a_town(word, text[end : end + 40]) or names_an_organisation(word, text):
            continue
        found.append((start, word, ""))
    seen = set()
    places = []
    for _, name, code in sorted(found):
        if name not in seen:
            seen.add(name)
            places.append((name, code))
    return places


def looks_like_a_town(word: str, following: str) -> bool:
    """Not a common word, acronym, adjective ("Central-Transdanubian") or the first word of a
    longer name ("Partners in Nuclear Business")."""
    lowered = word.lower()
    if lowered in NOT_PLACES or word.isupper() or any(ch.isdigit() for ch in word) or "cluster" in lowered:
        return False
    if lowered.endswith(("ian", "ean", "ish", "ese")):
        return False
    return not re.match(rf"\s+[A-Z{UPPER}]", following)


ORGANISATION_WORDS = (
    r"(?:Kümelenmesi|Kümesi|Cluster|Klaster\w*|Pôle|Pole|Group|Groupe|GmbH|Agency|Association|Derneği|Vakfı)"
)


def names_an_organisation(word: str, text: str) -> bool:
    """ "Techtera’da" is at Techtera, an organisation the text also calls "Techtera Kümelenmesi"."""
    return re.search(rf"(?<!\w){re.escape(word)}\s+{ORGANISATION_WORDS}(?!\w)", text) is not None


def country_of_stem(written: str) -> str:
    """The country of an inflected name ("Francji" -> FR): the name whose stem it starts with."""
    for name, code in country_names().items():
        if len(name) >= 5 and written.startswith(name[:-1]) and len(written) - len(name) <= 2:
            return code
    return ""
