"""Dates in the languages of the field: single days, ranges, months, years; the event's start and
end chosen over publication dates and other events' dates."""

import datetime as dt

import pytest

from intake.text.dates import find_dates

from .text_seeds import seed

D = dt.date


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("16-19 April 2013", "en", D(2013, 4, 16), D(2013, 4, 19)),
        ("On 16-19 April, 2013 the delegation", "en", D(2013, 4, 16), D(2013, 4, 19)),
        ("1 October 2014", "en", D(2014, 10, 1), None),
        ("21 Temmuz 2017", "tr", D(2017, 7, 21), None),
        ("21-22 February 2012", "en", D(2012, 2, 21), D(2012, 2, 22)),
        ("21st and 22nd February 2012", "en", D(2012, 2, 21), D(2012, 2, 22)),
        ("du 16 au 19 avril 2013", "fr", D(2013, 4, 16), D(2013, 4, 19)),
        ("12-14 czerwca 2018", "pl", D(2018, 6, 12), D(2018, 6, 14)),
        ("16–19 апреля 2013 г.", "ru", D(2013, 4, 16), D(2013, 4, 19)),
        ("с 16 по 19 апреля 2013 года", "ru", D(2013, 4, 16), D(2013, 4, 19)),
        ("am 1. Oktober 2014", "de", D(2014, 10, 1), None),
        ("vom 16. bis 19. April 2013", "de", D(2013, 4, 16), D(2013, 4, 19)),
        ("dal 16 al 19 aprile 2013", "it", D(2013, 4, 16), D(2013, 4, 19)),
        ("del 16 al 19 de abril de 2013", "es", D(2013, 4, 16), D(2013, 4, 19)),
        ("w dniu 17 kwietnia 2013", "pl", D(2013, 4, 17), None),
        ("April 16-19, 2013", "en", D(2013, 4, 16), D(2013, 4, 19)),
        ("30 March - 2 April 2013", "en", D(2013, 3, 30), D(2013, 4, 2)),
        ("28 December - 3 January 2013", "en", D(2012, 12, 28), D(2013, 1, 3)),
        ("01.10.2014 | Duesseldorf", "de", D(2014, 10, 1), None),
        ("16-19.04.2013", "de", D(2013, 4, 16), D(2013, 4, 19)),
        ("2013-04-16", None, D(2013, 4, 16), None),
        ("30.03-02.04.2013", "pl", D(2013, 3, 30), D(2013, 4, 2)),
        ("from 16th to 19th of April 2013", "en", D(2013, 4, 16), D(2013, 4, 19)),
        ("Monday, 16 April 2013", "en", D(2013, 4, 16), None),
        ("w dniach 16-19 kwietnia 2013 r.", "pl", D(2013, 4, 16), D(2013, 4, 19)),
        ("16-19 красавіка 2013 г.", "be", D(2013, 4, 16), D(2013, 4, 19)),
        ("16-19 квітня 2013 року", "uk", D(2013, 4, 16), D(2013, 4, 19)),
        ("16 Nisan – 19 Nisan 2013 tarihlerinde", "tr", D(2013, 4, 16), D(2013, 4, 19)),
        ("16 y 17 de abril de 2013", "es", D(2013, 4, 16), D(2013, 4, 17)),
    ],
)
def test_days_and_ranges(text, language, start, end):
    found = find_dates(text, language)
    assert (found.start, found.end, found.precision, found.year_inferred) == (start, end, "day", False)


def test_language_unknown_still_reads_any_month_name():
    assert find_dates("Visite du 16 au 19 avril 2013", None).end == D(2013, 4, 19)


def test_month_only():
    found = find_dates("The second forum is planned for April 2012 in Milan.", "en")
    assert (found.start, found.precision) == (D(2012, 4, 1), "month")


def test_year_only():
    found = find_dates("The visit took place in 2011.", "en")
    assert (found.start, found.end, found.precision) == (D(2011, 1, 1), None, "year")


def test_year_taken_from_the_text():
    found = find_dates("Report 2013. Le 17 avril, la délégation a visité Lyon.", "fr")
    assert found.start == D(2013, 4, 17)
    assert found.year_inferred


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Report 2017. The delegation came in July.", "en"),
        ("Rapport 2017. La délégation est venue en juillet.", "fr"),
        ("Bericht 2017. Die Delegation kam im Juli.", "de"),
        ("Raport 2017. Delegacja przyjechała w lipcu.", "pl"),
    ],
)
def test_month_without_year(text, language):
    found = find_dates(text, language)
    assert (found.start, found.precision, found.year_inferred) == (D(2017, 7, 1), "month", True)


def test_year_taken_from_the_reference():
    found = find_dates("Le 17 avril, la délégation a visité Lyon.", "fr", reference=D(2015, 1, 1))
    assert (found.start, found.year_inferred) == (D(2015, 4, 17), True)


def test_no_year_anywhere_gives_no_date():
    assert find_dates("Le 17 avril, la délégation a visité Lyon.", "fr").start is None


def test_day_labels_are_not_ranges_and_a_programme_spans_its_days():
    text = "Tour, October 2017\n\nDay 1 – 3 October: Białystok.\nDay 2 – 4 October: Grodno.\nDay 3 – 5 October: Minsk."
    found = find_dates(text, "en")
    assert (found.start, found.end, found.precision, found.year_inferred) == (
        D(2017, 10, 3),
        D(2017, 10, 5),
        "day",
        True,
    )


def test_publication_date_is_not_the_event():
    found = find_dates("Published 12 May 2014\n\nThe delegation came on 3 June 2014.", "en")
    assert found.start == D(2014, 6, 3)
    assert [m.is_publication for m in found.mentions] == [True, False]


@pytest.mark.parametrize(
    "text",
    ["Horizon 2020 and Clib 2021", "phone: +421 911 285 131", "a set 2013 of tools", "31 February", "3 ara verdi"],
)
def test_names_and_numbers_are_not_dates(text):
    assert find_dates(text, "en").start is None


def test_nothing_to_find():
    assert find_dates("", None) == find_dates("No date here.", "en")


# Ground truth: the demo records' visit dates (demo/records/*.py).
SEED_EVENTS = {
    "viameca": (D(2013, 4, 16), D(2013, 4, 19), "day"),
    "duesseldorf": (D(2014, 10, 1), None, "day"),
    "clustem": (D(2017, 7, 1), None, "month"),  # only the news item's date is given
    "clusters_cord": (D(2011, 1, 1), None, "year"),  # the Milan conference: year only
}


@pytest.mark.parametrize(("name", "event"), SEED_EVENTS.items())
def test_seed_event_dates(name, event):
    found = find_dates(seed(name), {"clustem": "tr"}.get(name, "en"))
    assert (found.start, found.end, found.precision) == event


# Every full date of a seed (day, month and year) read exactly, in text order.
SEED_FULL_DATES = {
    "viameca": [(D(2013, 4, 16), D(2013, 4, 19))],
    "duesseldorf": [(D(2014, 10, 1), None)],
    "clustem": [(D(2017, 7, 21), None)],
    "clusters_cord": [
        (D(2012, 2, 21), D(2012, 2, 22)),
        (D(2011, 11, 14), None),
        (D(2012, 2, 26), D(2012, 2, 28)),
        (D(2011, 11, 30), None),
    ],
    "tactics": [(D(2010, 11, 24), None)],
}


@pytest.mark.parametrize(("name", "dates"), SEED_FULL_DATES.items())
def test_seed_full_dates(name, dates):
    found = find_dates(seed(name), {"clustem": "tr"}.get(name, "en"))
    assert [(m.start, m.end) for m in found.mentions if m.precision == "day"] == dates


def test_seed_months():
    months = [m.start for m in find_dates(seed("clusters_cord"), "en").mentions if m.precision == "month"]
    assert months == [D(2012, 4, 1), D(2012, 6, 1), D(2011, 11, 1)]  # "in November": the year of autumn 2011
