"""Itinerary stops from the passages of a report that say which day they are about ("On the second
day", "Day 3", "le 17 avril", "w dniu 17 kwietnia", "On the same day"). Each stop names the host
as the text writes it (the proposer resolves it to a record) and the town."""

from __future__ import annotations

import datetime
import re

from intake.proposal import StopProposal
from intake.text.dates import DAY, month_names, scan
from intake.text.places import TOWNS, UPPER, find_places

ORDINALS = {
    1: r"first|premier|première|1st|ersten|erster|ilk|birinci|pierwsz\w+|перв\w+|primo|primer\w*",
    2: r"second|deuxième|seconde?|2nd|zweiten|zweiter|ikinci|drugi\w*|втор\w+|secondo|segundo",
    3: r"third|troisième|3rd|dritten|dritter|üçüncü|trzeci\w*|трет\w+|terzo|tercer\w*",
    4: r"fourth|quatrième|4th|vierten|vierter|dördüncü|czwart\w+|четв[её]рт\w+|quarto|cuarto",
    5: r"fifth|cinquième|5th|fünften|fünfter|beşinci|piąt\w+|пят\w+|quinto",
    6: r"sixth|sixième|6th|sechsten|altıncı|szóst\w+|шест\w+|sesto|sexto",
    7: r"seventh|septième|7th|siebten|yedinci|siódm\w+|седьм\w+|settimo|séptimo",
}
DAY_NOUN = r"(?:day|jour|tag|gün|günü|gününde|dnia|dzień|день|дня|giorno|día|dia)"
CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

ORDINAL_DAY = re.compile(
    r"(?<!\w)(?P<ordinal>" + "|".join(f"(?:{o})" for o in ORDINALS.values()) + rf")\s+(?:\w+\s+)?{DAY_NOUN}(?!\w)",
    re.IGNORECASE,
)
NUMBERED_DAY = re.compile(
    rf"(?<!\w){DAY_NOUN}\s+(?P<number>\d{{1,2}}|one|two|three|four|five|six|seven)(?!\w)"
    r"|(?<![\w.])(?P<number2>\d{1,2})\.\s*(?:gün|tag)(?!\w)",
    re.IGNORECASE,
)
SAME_DAY = re.compile(
    rf"(?<!\w)(?:same|même|selben|gleichen|aynı|samego|тот же|том же|stesso|mismo)\s+(?:\w+\s+)?{DAY_NOUN}(?!\w)"
    r"|later that day|in the afternoon|l'après-midi|am nachmittag|öğleden sonra|po południu|во второй половине",
    re.IGNORECASE,
)
TRIP_START = re.compile(
    r"(?:trip|visit|tour|programme|program|mission|voyage|visite|reise|besuch|gezi|wizyta|визит|поездка)\s+"
    r"(?:\w+\s+)?(?:started|began|opened|commenced|a commencé|begann|başladı|rozpoczęła|начал\w*)",
    re.IGNORECASE,
)

WORD = rf"(?<!\w)[A-Z{UPPER}0-9][\w&'’.-]*"
PHRASE = re.compile(
    # Polish and French legal forms come whole, dots and all ("Sp. z o.o."), before a plain word
    rf"{WORD}(?:\s+Sp\.\s*z\s*o\.\s*o\.|\s+S\.A\.|\s+(?:(?:of|in|for|and|&|de|du|des|la|le|di|del|für|dla|и)\s+)?{WORD})*"
    r"(?:\s*\((?P<acronym>[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&-]{1,11})[,)])?"
)
VISITING = re.compile(
    r"(?:visited|visit(?:ing)? to|attended|started at|began at|at|met|meetings? with|hosted by|guests? of|"
    r"representatives of|reçus? par|visité|visite d[eu]|chez|besuchten|bei|ziyaret etti|odwiedzi\w+|"
    r"посетил\w*|в гостях у)"
    r"(?:\s+(?:the|la|le|les|l'|die|der|den|das))?\s*$",
    re.IGNORECASE,
)
ORG_WORDS = re.compile(
    r"(?<!\w)(?:group|cluster|pole|pôle|company|agency|institute|university|cent(?:re|er)|association|"
    r"federation|union|chamber|business|partners|network|alliance|foundation|ministry|park|gmbh|ltd|sa|sas|"
    r"agence|chambre|institut|ministère|kammer|agentur|zentrum|verband|ministerium|université|universität|"
    r"kümelenmesi|odası|ajansı|enstitüsü|üniversitesi|derneği|vakfı|bakanlığı|merkezi|"
    r"klast\w*|izb\w*|agencj\w*|instytut\w*|uniwersytet\w*|fundacj\w*|stowarzyszeni\w*|ministerstw\w*|"
    r"centrum|parku?|urz[ąę]d\w*|spółk\w*|"
    r"кластер\w*|палат\w*|агентств\w*|институт\w*|университет\w*|центр\w*|министерств\w*|"
    r"ассоциаци\w*|парк\w*|фонд\w*|ооо|оао|зао)(?!\w)",
    re.IGNORECASE,
)
EVENT_WORDS = re.compile(
    r"(?<!\w)(?:fair|exhibition|expo|forum|conference|congress|salon|messe|fuarı|targi|выставк\w*|summit)(?!\w)",
    re.IGNORECASE,
)
PERSON_WORDS = re.compile(
    r"(?<!\w)(?:minister|mr|mrs|ms|dr|prof|president|director|mayor|ministre|koordinatörü|uzmanı|"
    # the part of an organisation met, not the organisation: "the Board of the ... Foundation"
    r"board|head|representatives|management|members|delegation|delegacj\w*|делегаци\w*)(?!\w)",
    re.IGNORECASE,
)
SKIP_WORDS = {
    "on", "the", "in", "at", "during", "after", "before", "then", "le", "la", "am", "w", "в", "day", "dnia",
    "dzień", "jour", "tag", "день", "gün",
}  # fmt: skip
SENTENCE = re.compile(rf"(?<=[.!?])\s+(?=[\"“«(]?[A-Z{UPPER}])")
MAX_DESCRIPTION = 400
MAX_TRIP = datetime.timedelta(days=30)


def find_itinerary(text: str, language: str | None, start: datetime.date | None) -> list[StopProposal]:
    """Stops in text order. ``start`` is the visit's first day: it turns a date into a day number
    and a day number into a date; without it only what the text says is filled in."""
    stops: list[StopProposal] = []
    day: int | None = None
    date: datetime.date | None = None
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-•*]|\s*#)", text or ""):
        sentences = [s.strip() for s in SENTENCE.split(" ".join(paragraph.split())) if s.strip()]
        for index, sentence in enumerate(sentences):
            marked = day_of(sentence, language, start, day, date, first=not stops)
            if marked is None:
                continue
            day, date = marked
            passage = sentences[index:]
            rest = next((i for i, s in enumerate(passage[1:], 1) if day_of(s, language, start, day, date)), None)
            passage = passage[:rest]
            stops.extend(stops_of(passage, language, day, date))
    return stops


def day_of(sentence, language, start, previous_day, previous_date, first=False):
    """(day, date) when the sentence opens a day's passage, else None."""
    if SAME_DAY.search(sentence):
        return (previous_day, previous_date) if previous_day or previous_date else None
    ordinal = ORDINAL_DAY.search(sentence)
    numbered = NUMBERED_DAY.search(sentence)
    if numbered and is_month(sentence[numbered.end() :], language):
        numbered = None  # "dnia 14 czerwca" is a date, not day 14
    number = None
    if ordinal:
        word = ordinal.group("ordinal").lower()
        number = next(n for n, pattern in ORDINALS.items() if re.fullmatch(pattern, word, re.IGNORECASE))
    elif numbered:
        written = (numbered.group("number") or numbered.group("number2")).lower()
        number = CARDINALS.get(written) or int(written)
    elif first and TRIP_START.search(sentence):
        number = 1
    dated = date_in(sentence, language, start)
    if number:
        # "Day 2 – 4 October": the number is the day, the date is the text's own if it gives one.
        return number, (dated or (start + datetime.timedelta(days=number - 1) if start else None))
    if dated is None:
        return None
    return ((dated - start).days + 1 if start else None), dated


def date_in(sentence: str, language: str | None, start: datetime.date | None) -> datetime.date | None:
    """The first single day the sentence names that can be a day of the trip."""
    if not any(ch.isdigit() for ch in sentence):
        return None
    for mention in scan(sentence, language, start):
        if mention.precision != DAY or mention.end is not None or mention.is_publication:
            continue
        if start is None or start <= mention.start <= start + MAX_TRIP:  # a date far off is another event's
            return mention.start
    return None


def stops_of(passage: list[str], language, day, date) -> list[StopProposal]:
    """One stop for the passage's first sentence; when that names no host (a fair, a town), a
    second stop the same day for the first host a later sentence meets."""
    first = passage[0]
    places = find_places(" ".join(passage), language)
    towns = [(name, code) for name, code in places if not is_country(name, code)]
    # The last town of the first sentence is where the day went ("the Zheleznogorsk delegation
    # attended the fair in Lyon"); else the passage's first.
    in_first = [(name, code) for name, code in find_places(first, language) if not is_country(name, code)]
    town = (in_first or towns or [("", "")])[-1 if in_first else 0]
    country = town[1] or next((code for _, code in places if code), "")
    description = first if len(first) <= MAX_DESCRIPTION else first[: MAX_DESCRIPTION - 1] + "…"
    host = host_in(first, places)
    stops = [StopProposal(day, date, place=town[0], country=country, host=host, description=description)]
    if not host:
        for sentence in passage[1:]:
            later = host_in(sentence, places, visiting_only=True)
            if not later:
                continue
            if EVENT_WORDS.search(first):  # the fair was the day's first stop, the host's meeting another
                stops.append(StopProposal(day, date, place=town[0], country=country, host=later, description=sentence))
            else:  # "Day 1 – 3 October: Białystok." then where they went
                stops[0].host = later
                stops[0].description = f"{first} {sentence}"[:MAX_DESCRIPTION]
            break
    return stops


def host_in(sentence: str, places, visiting_only: bool = False) -> str:
    """The organisation-like phrase the sentence is about: one after a visiting verb first, then
    an acronym or a name with an organisation word; people, events and places are not hosts."""
    place_names = {name for name, _ in places} | set(TOWNS)
    best, best_score = "", -1
    for match in PHRASE.finditer(sentence):
        phrase = trim_phrase(match.group() + cyrillic_tail(sentence, match), match.start(), place_names)
        if not phrase:
            continue
        if PERSON_WORDS.search(phrase) or EVENT_WORDS.search(phrase):
            continue
        score = 0
        if VISITING.search(sentence[: match.start()][-40:]):
            score += 2
        if ORG_WORDS.search(phrase) or re.fullmatch(r"[A-ZÀ-Ý][\w-]*[A-Z][\w-]*", phrase):
            score += 1
        if visiting_only and score < 2:
            continue
        if score > best_score:
            acronym = match.group("acronym")
            best, best_score = (f"{phrase} ({acronym})" if acronym and acronym.isupper() else phrase), score
    return best


def cyrillic_tail(sentence: str, match: re.Match) -> str:
    """Russian names capitalise their first word only ("Восточный строительный кластер"): the
    lower-case words after it, up to the last organisation word among the next four."""
    if not re.match(r"[А-ЯЁІЎЄ]", match.group()) or match.group("acronym"):
        return ""
    words = re.match(r"(?:\s+[а-яёіўє][\w-]*){1,4}", sentence[match.end() :])
    if not words:
        return ""
    tail = words.group().split()
    last = max((i for i, word in enumerate(tail) if ORG_WORDS.fullmatch(word)), default=None)
    return "" if last is None else " " + " ".join(tail[: last + 1])


def trim_phrase(phrase: str, position: int, place_names: set[str]) -> str:
    phrase = re.sub(r"\s*\(.*$", "", phrase)
    words = phrase.split()
    while words and (
        words[0].lower() in SKIP_WORDS
        or words[0].isdigit()
        or words[0].lower().rstrip(".:,") in month_names(None)
        or located(words[0], place_names)
    ):
        words = words[1:]  # "On", "The" opening the sentence; "Ankara'da" before the name
    for index in range(1, len(words)):  # "Mayer Group France in Saint-Etienne": the town is not the name
        if words[index] in {"in", "w", "в", "à"} and " ".join(words[index + 1 :]).rstrip(".,;:") in place_names:
            words = words[:index]
            break
    phrase = " ".join(words)
    if not phrase.endswith(("o.o.", "S.A.")):  # a legal form keeps its dots
        phrase = phrase.rstrip(".,;:")
    phrase = re.sub(r"['’]s$", "", phrase)
    if not phrase or phrase in place_names or re.sub(r"['’]s$", "", words[0]) in place_names and len(words) == 1:
        return ""
    if position == 0 and len(words) == 1 and sum(ch.isupper() for ch in phrase) < 2:
        return ""  # a sentence's first word, capitalised only for that
    return phrase


def is_month(following: str, language: str | None) -> bool:
    word = re.match(r"\s*\.?\s*([^\W\d_]+)", following)
    return bool(word) and word.group(1).lower() in month_names(language)


def located(word: str, place_names: set[str]) -> bool:
    """A place with a Turkish locative ending: "Ankara'da", "Lyon’daki"."""
    base, _, ending = re.sub("’", "'", word).partition("'")
    return bool(ending) and base in place_names


def is_country(name: str, code: str) -> bool:
    """A country as written ("France", "Francji"), not a town that has a country."""
    return bool(code) and name not in TOWN_NAMES


TOWN_NAMES = {name for name, _ in TOWNS.values()}
