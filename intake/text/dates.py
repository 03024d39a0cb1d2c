"""Dates a report names, and which of them are the event's. Candidate spans come from regexes built
on dateparser's month names (every inflection it knows: "avril", "April", "kwietnia", "апреля",
"Nisan"); the spans are turned into dates here, because ``dateparser.search`` is slow and reads
"Clib 2021" or a phone number as a date."""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

LANGUAGES = ("en", "fr", "de", "it", "es", "pl", "ru", "tr", "uk", "be", "nl", "pt", "cs", "sk", "hu", "ro")
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass
class DateMention:
    text: str  # the span as written (markup dropped)
    start: datetime.date
    end: datetime.date | None  # a range's last day, else None
    precision: str  # day, month or year
    position: int  # offset in the text
    year_inferred: bool = False
    is_publication: bool = False  # labelled as the publication date ("Published", "Ekleme Tarihi")


@dataclass
class DatesFound:
    start: datetime.date | None
    end: datetime.date | None
    precision: str = DAY
    year_inferred: bool = False
    mentions: list[DateMention] = field(default_factory=list)


@functools.cache
def month_names(language: str | None) -> dict[str, tuple[int, bool]]:
    """Lower-cased month name -> (month number, is an abbreviation). The text's language wins a
    clash, then English; the other languages fill in, since reports quote dates in several."""
    from dateparser.languages.loader import default_loader

    order = [language] if language in LANGUAGES else []
    order += [code for code in ("en", *LANGUAGES) if code not in order]
    names: dict[str, tuple[int, bool]] = {}
    for code in order:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(MONTHS, start=1):
            forms = {form.lower().rstrip(".") for form in info.get(key, [])}
            for form in forms:
                if len(form) < 3 or form in names:  # "Ni", "IV": too ambiguous in running text
                    continue
                abbreviation = any(other != form and other.startswith(form) for other in forms)
                names[form] = (number, abbreviation)
    return names


D = r"(?<![\d.,/:+])(?P<{0}>[0-3]?\d)(?!\d)(?:\s*(?:st|nd|rd|th|er|e|-?го|-?е)\b|\.(?!\d))?"
Y = r"(?P<{0}>(?:19|20)\d\d)(?![\d.,:/]\d)"
CONNECT = r"\s*(?:[-–—‐‑]|to|and|till|until|through|au|à|bis(?:\s+zum)?|al|a|do|по|и|ile|ve|y|e|i|et|und|en)\s*"
PREFIX = r"(?:(?:from|du|vom|von|dal|del|od|с|between|entre)\s+)?"
BEFORE_MONTH = r"\s*(?:(?:of|de|del)\s+)?"
BEFORE_YEAR = r"\s*,?\s*(?:(?:de|del)\s+)?"


@functools.cache
def patterns() -> list[tuple[str, re.Pattern]]:
    # Any word stands where a month goes; build() keeps the spans whose word is a month name. An
    # alternation of the ~400 names was four times slower on a newsletter.
    m = r"(?<!\w)(?P<{0}>[^\W\d_]{{3,}})\.?(?!\w)"
    spec = {
        # 30 March - 2 April 2013
        "cross": f"{D.format('d1')}{BEFORE_MONTH}{m.format('m1')}(?:{BEFORE_YEAR}{Y.format('y1')})?{CONNECT}"
        f"{D.format('d2')}{BEFORE_MONTH}{m.format('m2')}(?:{BEFORE_YEAR}{Y.format('y2')})?",
        # 16-19 April 2013, du 16 au 19 avril, 21st and 22nd February 2012
        "range": f"{PREFIX}{D.format('d1')}{CONNECT}{D.format('d2')}{BEFORE_MONTH}{m.format('m1')}"
        f"(?:{BEFORE_YEAR}{Y.format('y1')})?",
        # April 16-19, 2013
        "us_range": f"{m.format('m1')}\\s+{D.format('d1')}{CONNECT}{D.format('d2')},?\\s*{Y.format('y1')}",
        # 1 October 2014, 14th of November 2011, le 17 avril, 21 Temmuz 2017
        "single": f"{D.format('d1')}{BEFORE_MONTH}{m.format('m1')}(?:{BEFORE_YEAR}{Y.format('y1')})?",
        # April 16, 2013
        "us_single": f"{m.format('m1')}\\s+{D.format('d1')},?\\s*{Y.format('y1')}",
        # 30.03-02.04.2013, 16-19.04.2013, 01.10.2014, 21/07/2017
        "numeric_cross": r"(?<![\d.])(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)\.?\s*[-–]\s*"
        r"(?P<d2>[0-3]?\d)[./](?P<m2>[01]?\d)[./](?P<y2>(?:19|20)\d\d)(?![\d])",
        "numeric_range": r"(?<![\d.])(?P<d1>[0-3]?\d)\.?\s*[-–]\s*(?P<d2>[0-3]?\d)[./](?P<m1>[01]?\d)[./]"
        r"(?P<y1>(?:19|20)\d\d)(?![\d])",
        "numeric": r"(?<![\d.,/])(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)[./](?P<y1>(?:19|20)\d\d)(?![\d])",
        "iso": r"(?<![\d-])(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d])",
        # April 2012, Temmuz 2017, Dec 2010
        "month": f"{m.format('m1')}{BEFORE_YEAR}{Y.format('y1')}",
        # in July, en juillet, im Juli, w lipcu: a month without its year, which the text supplies
        "bare_month": r"(?<!\w)(?:in|en|im|w|we|since|until|till|by|during|early|late|mid-?|end of|beginning of|"
        r"au mois d[e']|début|fin|anfang|ende|mitte|seit|bis)\s+(?P<m1>[^\W\d_]{3,})(?!\w|\.?\s*\d)",
        # 2011-2012, in 2011, autumn 2011, 2011 yılında, в 2011 году
        "years": r"(?<![\d.,/-])(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)\d\d)(?![\d.,/-])",
        "year": r"(?:(?<!\w)(?:in|en|im|nel|w|в|у|since|year|spring|summer|autumn|fall|winter|printemps|été|automne|"
        r"hiver|frühjahr|frühling|sommer|herbst)\s+(?P<y1>(?:19|20)\d\d)(?![\d.,/-]\d)"
        r"|(?<![\d.,/-])(?P<y2>(?:19|20)\d\d)\s*(?:yılı|году|года|roku|r\.|г\.)(?!\w))",
    }
    flags = re.IGNORECASE
    return [(name, re.compile(regex, flags)) for name, regex in spec.items()]


DAY_LABEL = re.compile(r"(?<!\w)(?:day|tag|jour|dzień|день|gün|giorno|día|dia)\s*$", re.IGNORECASE)
BARE_YEAR = re.compile(r"(?<![\d.,/:+-])(?:19|20)\d\d(?![\d.,/:-]?\d)")
MARKUP = re.compile(r"<[^>\n]{0,200}>|[*_#`]")
PUBLICATION = re.compile(
    r"(?:published|publication|posted|updated|date added|publié|mis à jour|veröffentlicht|aktualisiert|"
    r"pubblicato|publicado|opublikowano|data publikacji|опубликовано|дата публикации|обновлено|"
    r"ekleme tarihi|yayın tarihi|yayınlanma|güncelleme)\W{0,10}$",
    re.IGNORECASE,
)


def find_dates(text: str, language: str | None, *, reference: datetime.date | None = None) -> DatesFound:
    """Every date the text names (in text order) and the event's start and end: the first day or
    day range near the top that is not a publication date; failing that its first month; failing
    that the month of the publication date; failing that the earliest year the text names."""
    mentions = list(scan(text or "", language, reference))
    return choose(mentions, len(text or ""))


def scan(text: str, language: str | None, reference: datetime.date | None) -> Iterator[DateMention]:
    # Markup out, same length, so positions stay those of the original text.
    plain = MARKUP.sub(lambda match: " " * len(match.group()), text)
    names = month_names(language)
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in patterns():
        for match in pattern.finditer(plain):
            found.append((match.start(), match.end(), kind, match))
    reached = 0  # spans are taken in order of their start: one overlaps when it starts before this
    raw = []
    # Longest span first at each start; an earlier pattern (more specific) wins a tie.
    for start, end, kind, match in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if start < reached:
            continue
        if kind not in ("year", "years", "iso", "month", "bare_month") and DAY_LABEL.search(
            plain[max(0, start - 12) : start]
        ):
            continue  # "Day 1 – 3 October": day one is the 3rd, not a range from the 1st
        mention = build(kind, match, names)
        if mention is None:
            continue
        reached = end
        mention.text = " ".join(plain[start:end].split()).rstrip(",")
        mention.position = start
        line_start = plain.rfind("\n", 0, start) + 1
        mention.is_publication = bool(PUBLICATION.search(plain[max(line_start, start - 40) : start]))
        raw.append(mention)
    if reference is None and any(m.year_inferred for m in raw):
        bare = BARE_YEAR.search(plain)  # "Report 2013": no mention, but the text's year
        reference = datetime.date(int(bare.group()), 1, 1) if bare else None
    yield from infer_years(raw, reference)


class _Fields:
    """The numbers of one match, its month names read through ``names`` (month name -> (number,
    is an abbreviation))."""

    def __init__(self, kind: str, match: re.Match, names) -> None:
        self.kind, self.match, self.names = kind, match, names
        self.groups = match.groupdict()

    def number(self, key: str) -> int | None:
        value = self.groups.get(key)
        return int(value) if value else None

    def month(self, key: str) -> int | None:
        value = self.groups.get(key)
        if value is None:
            return None
        if value.isdigit():
            return int(value)
        number, abbreviation = self.names.get(value.lower().rstrip("."), (None, False))
        if abbreviation and not self._abbreviation_stands(key, value):
            return None  # "a set 2013", "3 ara verdi": lower-case abbreviations need a dot or a year
        return number

    def _abbreviation_stands(self, key: str, value: str) -> bool:
        """A month's abbreviation is one when capitalised, dotted, or beside a year."""
        dotted = self.match.string[self.match.end(key) : self.match.end(key) + 1] == "."
        beside_year = self.kind != "month" and bool(self.groups.get("y1") or self.groups.get("y2"))
        return value[:1].isupper() or dotted or beside_year


def build(kind: str, match: re.Match, names) -> DateMention | None:
    """A mention from one match, or None when the numbers make no date (31 February) or the
    match is a name that happens to look like a month ("set 2013")."""
    fields = _Fields(kind, match, names)
    try:
        if kind in ("year", "years"):
            return _years(fields)
        m1 = fields.month("m1")
        if m1 is None:
            return None
        if kind == "month":
            return DateMention("", datetime.date(fields.number("y1"), m1, 1), None, MONTH, 0)
        if kind == "bare_month":
            return _bare_month(fields, m1)
        return _days(fields, m1)
    except (TypeError, ValueError):
        return None


def _years(fields: _Fields) -> DateMention | None:
    """A year ("in 2011") or a range of years ("2011-2012")."""
    first = fields.number("y1") or fields.number("y2")
    last = fields.number("y2") if fields.kind == "years" else None
    if last is not None and last < first:
        return None
    end = datetime.date(last, 12, 31) if last else None
    return DateMention("", datetime.date(first, 1, 1), end, YEAR, 0)


def _bare_month(fields: _Fields, m1: int) -> DateMention | None:
    """A month without its year ("in July"); the year is inferred later."""
    if fields.names[fields.groups["m1"].lower()][1]:  # "in mar": an abbreviation alone is not a month
        return None
    return DateMention("", datetime.date(1904, m1, 1), None, MONTH, 0, year_inferred=True)


def _days(fields: _Fields, m1: int) -> DateMention | None:
    """A day or a range of days, within one month or across two."""
    d1, d2 = fields.number("d1"), fields.number("d2")
    y1, y2 = fields.number("y1"), fields.number("y2")
    if fields.kind == "numeric" and m1 > 12 and d1 <= 12:  # 07/21/2017 written the American way
        d1, m1 = m1, d1
    year = y2 or y1 or 1904  # a leap year stands in until the year is inferred
    if fields.kind in ("cross", "numeric_cross"):
        m2 = fields.month("m2")
        if m2 is None:
            return None
        start_year = y1 or (year - 1 if (m1, d1) > (m2, d2) else year)
        start, end = datetime.date(start_year, m1, d1), datetime.date(year, m2, d2)
    else:
        start = datetime.date(year, m1, d1)
        end = datetime.date(year, m1, d2) if d2 else None
    if end is not None and end <= start:
        return None
    return DateMention("", start, end, DAY, 0, year_inferred=not (y1 or y2))


def infer_years(mentions: list[DateMention], reference: datetime.date | None) -> Iterator[DateMention]:
    """A day without a year takes the year of the nearest dated mention before it (else after it,
    else the reference date's, else the first year the text names); without any, it is dropped
    rather than guessed."""
    dated = [m for m in mentions if not m.year_inferred]
    positions = [m.position for m in dated]
    for mention in mentions:
        if not mention.year_inferred:
            yield mention
            continue
        index = bisect.bisect_left(positions, mention.position)
        nearest = dated[index - 1] if index else dated[index] if index < len(dated) else None
        source = nearest.start if nearest else reference
        if source is None:
            continue
        try:
            shift = source.year - mention.start.year
            mention.start = mention.start.replace(year=mention.start.year + shift)
            if mention.end is not None:
                mention.end = mention.end.replace(year=mention.end.year + shift)
        except ValueError:  # 29 February in a year without one
            continue
        yield mention


def choose(mentions: list[DateMention], length: int) -> DatesFound:
    # The event's date is given near the top; a date deep in a newsletter is another event's.
    head = max(1500, length * 3 // 10)
    events = [m for m in mentions if not m.is_publication and m.position <= head]
    for precision in (DAY, MONTH):
        for mention in events:
            if mention.precision == precision:
                end = mention.end if precision == MONTH else last_day(mention, events)
                return DatesFound(mention.start, end, precision, mention.year_inferred, mentions)
    published = [m for m in mentions if m.is_publication and m.precision == DAY]
    if published:
        first = published[0]
        start = first.start.replace(day=1)
        return DatesFound(start, None, MONTH, first.year_inferred, mentions)
    # A bare year is often history ("founded in 2008"); the years of dated mentions are the
    # text's own time, and the earliest of them is when what it reports happened.
    dated = [m for m in mentions if m.precision != YEAR] or mentions
    if dated:
        earliest = min(m.start.year for m in dated)
        return DatesFound(datetime.date(earliest, 1, 1), None, YEAR, False, mentions)
    return DatesFound(None, None, DAY, False, mentions)


def last_day(first: DateMention, events: list[DateMention]) -> datetime.date | None:
    """A range's end; for a single day, the last of the days that follow it within a fortnight
    (a programme listing "3 October", "4 October", "5 October" is one trip)."""
    if first.end is not None:
        return first.end
    window = first.start + datetime.timedelta(days=14)
    following = [m.start for m in events if m.precision == DAY and m.end is None and first.start < m.start <= window]
    return max(following, default=None)
