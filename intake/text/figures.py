"""Figures a report states: shares, counts of things, sums of money and durations, each with its
sentence, as candidates for the visit's findings. The patterns are deliberately narrow (a number
next to a unit or a counted noun): a figure missed costs the editor a line, a wrong one costs
trust in the whole list."""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from intake.proposal import FindingProposal

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six ": 6, "sept": 7, "huit": 8, "dix": 10, "vingt": 20,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10, "zwanzig": 20,
}  # fmt: skip
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?"
WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUM = rf"(?<![\w.,/-])(?P<num>{DIGITS}|(?:{WORDS})(?!\w))"

PERSON_NOUNS = (
    r"participants?|attendees?|delegates?|visitors?|guests?|people|persons?|representatives?|experts?|speakers?|"
    r"managers?|individuals?|teilnehmer\w*|teilnehmende\w*|katılımcı\w*|uczestnik\w*|участник\w*|человек|"
    r"partecipanti|participantes|personnes|personen|osób|kişi\w*"
)
THING_NOUNS = (
    r"members?|clusters?|companies|company|firms?|SMEs?|enterprises?|organi[sz]ations?|countries|partners?|"
    r"projects?|proposals?|regions?|institutions?|universities|sectors?|calls?|employees|"
    r"membres|entreprises|pôles|pays|partenaires|mitglieder\w*|unternehmen|länder\w*|üye\w*|firma\w*|küme\w*|"
    r"ülke\w*|członk\w*|klastr\w*|firm|przedsiębiorstw\w*|kraj\w*|член\w*|кластер\w*|компани\w*|предприяти\w*|"
    r"стран\w*|membri|imprese|aziende|paesi|miembros|empresas|países|socios"
)
PARTICIPANT_NOUNS = re.compile(
    r"participants?|attendees?|teilnehmer\w*|teilnehmende\w*|katılımcı\w*|uczestnik\w*|участник\w*|"
    r"partecipanti|participantes",
    re.IGNORECASE,
)
TOTAL = re.compile(
    r"(?:overall|in total|a total of|altogether|au total|en tout|insgesamt|toplam|łącznie|всего|in totale)\W*$",
    re.IGNORECASE,
)

# Words between a number and its noun are adjectives or nouns ("40 cluster representatives"),
# never these: "2 calls for proposals" counts calls.
LINKS = r"(?:for|of|in|from|with|to|and|or|by|de|des|du|pour|von|der|für|und|et|i|и|ve|için)"

GROUP_NOUNS = (
    r"(?:delegation|group|party|team|délégation|groupe|gruppe|delegac\w*|grup\w*|делегаци\w*|групп\w*|heyet\w*)"
)
GROUP = re.compile(
    rf"(?<!\w){GROUP_NOUNS}\s+(?:(?:of|de|von|aus|из|z|liczą\w*|в составе|consisting of|made up of)\s+)?{NUM}(?!\s*%)",
    re.IGNORECASE,
)
SIZED = re.compile(
    rf"{NUM}\s*[-‑]?\s*(?:osobow\w+|person|people|member|strong|kişilik|personnes|köpfige)\s+{GROUP_NOUNS}",
    re.IGNORECASE,
)
TOOK_PART = re.compile(
    r"[^.!?\n]{0,40}?(?:took part|attended|participated|joined|wzię\w* udział|uczestnicz\w*|приняли участие|"
    r"участвовал\w*|katıldı|nahmen teil|ont participé|participaron|hanno partecipato)",
    re.IGNORECASE,
)
TOOK_PART_BEFORE = re.compile(
    r"(?:udział|took part|participated|attended by|приняли участие|участвовал\w*|katıldı|teilgenommen)"
    r"[^.!?\n]{0,15}$",
    re.IGNORECASE,
)

MULTIPLIERS = {
    "thousand": 3, "k": 3, "tys": 3, "тыс": 3, "bin": 3,
    "million": 6, "millions": 6, "mio": 6, "mln": 6, "millionen": 6, "milioni": 6, "millones": 6, "milyon": 6,
    "млн": 6, "миллиона": 6, "миллионов": 6, "miliony": 6, "milionów": 6, "mld": 9,
    "billion": 9, "bn": 9, "milliard": 9, "milliards": 9, "mrd": 9, "milyar": 9, "млрд": 9, "miliard": 9,
}  # fmt: skip
MULTIPLIER = r"(?:\s*(?P<mult>" + "|".join(sorted(MULTIPLIERS, key=len, reverse=True)) + r")\.?(?!\w))?"
EURO = r"(?:EUR|€|euros?|Euro|евро|avro)"

COUNT = re.compile(
    rf"{NUM}\s+(?:(?!{LINKS}\s)[\w-]+\s+){{0,2}}(?P<noun>(?:{PERSON_NOUNS}|{THING_NOUNS}))(?!\w)",
    re.IGNORECASE,
)
PATTERNS = [
    ("EUR", re.compile(rf"{EURO}\s*{NUM}{MULTIPLIER}", re.IGNORECASE)),
    ("EUR", re.compile(rf"{NUM}{MULTIPLIER}\s*{EURO}(?!\w)", re.IGNORECASE)),
    (
        "percent",
        re.compile(
            rf"{NUM}\s*(?:%|per ?cent|pour ?cent|prozent|procent\w*|процент\w*|por ciento|per cento)",
            re.IGNORECASE,
        ),
    ),
    ("percent", re.compile(r"(?:%|yüzde)\s*(?P<num>\d+(?:[.,]\d+)?)(?![\d%])", re.IGNORECASE)),
    (
        "hour",
        re.compile(rf"{NUM}\s+(?:hours?|heures?|stunden|saat|godzin\w*|час\w*|ore|horas)(?!\w)", re.IGNORECASE),
    ),
    ("year", re.compile(rf"{NUM}\s+(?:years?|ans|jahren?|yıl(?!ı)|lat|лет|anni|años)(?!\w)", re.IGNORECASE)),
    ("count", COUNT),
]

APPROXIMATE = re.compile(
    r"(?:about|around|almost|nearly|some|approximately|approx\.|roughly|circa|ca\.|environ|près de|presque|"
    r"quelque|etwa|rund|fast|ungefähr|yaklaşık|около|почти|около|około|prawie|blisko|circa|quasi|cerca de|"
    r"aproximadamente|casi)\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)
LABEL_WORDS = 5


def find_figures(text: str, language: str | None) -> list[FindingProposal]:
    """Every figure in text order, each with the sentence that states it."""
    found = []
    taken = bytearray(len(text or ""))  # 1 where a figure already is: money wins over its count
    for unit, pattern in PATTERNS:  # the order says which reading wins an overlap: money first
        for match in pattern.finditer(text or ""):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            value = number(match.group("num"), match.groupdict().get("mult"))
            if value is None or (unit in ("count", "year") and 1900 <= value <= 2099):
                continue  # "2005 yılında", "2021 members": a year, not a count
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, unit, value))
    figures = []
    stops = [m.end() for m in SENTENCE_STOP.finditer(text or "")]
    for start, end, unit, value in sorted(found, key=lambda f: f[0]):
        sentence = sentence_at(text, start, stops)
        before = text[max(0, start - 30) : start]
        figures.append(
            FindingProposal(
                sentence=sentence,
                value=value,
                unit=unit,
                label=label(text, start, end),
                is_approximate=bool(APPROXIMATE.search(before)),
            )
        )
    return figures


def participants_count(text: str, language: str | None) -> int | None:
    """How many took part, if the text says: "113 participants"; a delegation's size ("a group of
    18 from Belarus", "18-osobowa delegacja", "делегация из 18 человек"); people who "took part";
    a total of people ("Overall 40 cluster representatives")."""
    text = text or ""
    people = []
    for match in COUNT.finditer(text):
        value = whole(match.group("num"))
        if value is None:
            continue
        noun = match.group("noun")
        if PARTICIPANT_NOUNS.fullmatch(noun):
            return value
        if re.fullmatch(PERSON_NOUNS, noun, re.IGNORECASE):
            people.append((match, value))
    for pattern in (GROUP, SIZED):
        for match in pattern.finditer(text):
            value = whole(match.group("num"))
            if value is not None and not re.match(rf"\s+(?:{THING_NOUNS})(?!\w)", text[match.end() :], re.IGNORECASE):
                return value
    for match, value in people:
        before = text[max(0, match.start() - 40) : match.start()]
        if TOTAL.search(before) or TOOK_PART_BEFORE.search(before) or TOOK_PART.match(text[match.end() :][:60]):
            return value
    return None


def whole(written: str) -> int | None:
    """A head count: a whole number that is not a year."""
    value = number(written, None)
    if value is None or value != value.to_integral_value() or 1900 <= value <= 2099:
        return None
    return int(value)


def number(written: str, multiplier: str | None) -> Decimal | None:
    word = NUMBER_WORDS.get(written.lower())
    if word is not None:
        value = Decimal(word)
    else:
        digits = re.sub(r"[ \u00a0\u202f]", "", written)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
            digits = re.sub(r"[.,]", "", digits)  # thousands separators
        try:
            value = Decimal(digits.replace(",", "."))
        except InvalidOperation:
            return None
    if multiplier:
        value *= Decimal(10) ** MULTIPLIERS[multiplier.lower()]
    return value.to_integral_value() if value == value.to_integral_value() else value


def sentence_at(text: str, position: int, stops: list[int]) -> str:
    """The sentence around ``position``: from the last full stop or line end before it to the
    next one after it (a decimal point is not a full stop). ``stops`` are the offsets just after
    each full stop, found once for the whole text."""
    index = bisect.bisect_right(stops, position)
    begin = stops[index - 1] if index else 0
    finish = stops[index] if index < len(stops) else len(text)
    return " ".join(text[begin:finish].split())


SENTENCE_STOP = re.compile(r"[.!?](?!\d)(?=\s)|\n")


def label(text: str, start: int, end: int) -> str:
    """The figure and the few words after it up to a punctuation mark: "40 % to the research project"."""
    figure = " ".join(text[start:end].split())
    # A Turkish suffix stays attached ("58’i küçük"); a web address ends the label.
    rest = re.match(r"(?:['’]\w+)?(?:(?!www\.|https?:)[^\n.,;:!?()])*", text[end:]).group()
    words = rest.split(" ")
    return (figure + " ".join(words[: LABEL_WORDS + 1])).strip()[:80]
