"""Itinerary stops from day-numbered and dated passages, with their host as written and the town."""

import datetime as dt

import pytest

from intake.text.itinerary import find_itinerary

from .text_seeds import seed

START = dt.date(2013, 4, 16)


def stops(text, language, start=START):
    return [(s.day, s.date, s.host, s.place, s.country) for s in find_itinerary(text, language, start)]


def test_viameca_days_and_hosts():
    # Ground truth: the stops of demo/records/viameca_2013.py (the Trade Union stop has no day in the text).
    assert stops(seed("viameca"), "en") == [
        (1, dt.date(2013, 4, 16), "ViaMeca", "", "FR"),
        (2, dt.date(2013, 4, 17), "Mayer Group France", "Saint-Étienne", "FR"),
        (2, dt.date(2013, 4, 17), "Partners in Nuclear Business (PNB)", "Burgundy", "FR"),
        (3, dt.date(2013, 4, 18), "", "Lyon", "FR"),  # the fair: an event, not a host
        (3, dt.date(2013, 4, 18), "ViaMeca", "Lyon", "FR"),
    ]


def test_viameca_descriptions_are_the_passages():
    first = find_itinerary(seed("viameca"), "en", START)[0]
    assert first.description.startswith("The working trip started at the ViaMeca")
    assert first.host_slug == ""


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Day 1: visit to the Lyon Cluster Agency in Lyon.\n\nDay 2: meeting at Techtera in Lyon.",
            "en",
            [
                (1, dt.date(2013, 4, 16), "Lyon Cluster Agency", "Lyon", "FR"),
                (2, dt.date(2013, 4, 17), "Techtera", "Lyon", "FR"),
            ],
        ),
        (
            "Le 17 avril, la délégation a visité le pôle ViaMeca à Saint-Etienne. "
            "Le 18 avril, visite de Techtera à Lyon.",
            "fr",
            [
                (2, dt.date(2013, 4, 17), "ViaMeca", "Saint-Étienne", "FR"),
                (3, dt.date(2013, 4, 18), "Techtera", "Lyon", "FR"),
            ],
        ),
        (
            "W dniu 17 kwietnia delegacja odwiedziła Wschodni Klaster Budowlany w Białymstoku.",
            "pl",
            [(2, dt.date(2013, 4, 17), "Wschodni Klaster Budowlany", "Białystok", "PL")],
        ),
        (
            "17 апреля делегация посетила Кластер Инновационных Технологий в Железногорске.",
            "ru",
            [(2, dt.date(2013, 4, 17), "Кластер Инновационных Технологий", "Zheleznogorsk", "RU")],
        ),
        (
            "17 Nisan'da heyet Ankara'da İŞİM Kümelenmesi ziyaret etti.",
            "tr",
            [(2, dt.date(2013, 4, 17), "İŞİM Kümelenmesi", "Ankara", "TR")],
        ),
        (
            "Am zweiten Tag besuchte die Delegation die ZENIT GmbH in Düsseldorf.",
            "de",
            [(2, dt.date(2013, 4, 17), "ZENIT GmbH", "Düsseldorf", "DE")],
        ),
    ],
)
def test_passages_in_several_languages(text, language, expected):
    assert stops(text, language) == expected


def test_without_start_the_day_is_what_the_text_says():
    assert stops("On the second day the group visited Techtera. Later they had lunch.", "en", None) == [
        (2, None, "Techtera", "", "")
    ]
    assert stops("Le 17 avril 2013, visite de Techtera à Lyon.", "fr", None) == [
        (None, dt.date(2013, 4, 17), "Techtera", "Lyon", "FR")
    ]


def test_a_date_far_from_the_start_is_another_event():
    assert stops("On 17 April 2020 they visited Techtera.", "en") == []


def test_people_are_not_hosts():
    found = stops("On the first day Minister Arnaud Montebourg opened the fair in Lyon.", "en")
    assert found == [(1, START, "", "Lyon", "FR")]


def test_no_itinerary_in_a_text_without_days():
    assert stops(seed("clustem"), "tr") == []


POLISH = """Wizyta studyjna na Białorusi

W dniach 12-14 czerwca 2018 r. delegacja klastra z Białegostoku odwiedziła Grodno i Mińsk.

Pierwszego dnia uczestnicy spotkali się z przedstawicielami Grodzieńskiej Izby Handlowo-Przemysłowej w Grodnie.

Drugiego dnia delegacja odwiedziła Park Naukowo-Technologiczny w Mińsku.

Dnia 14 czerwca w Mińsku odbyło się spotkanie w Ministerstwie Gospodarki."""


def test_polish_days_dates_and_hosts():
    assert stops(POLISH, "pl", dt.date(2018, 6, 12)) == [
        (1, dt.date(2018, 6, 12), "Grodzieńskiej Izby Handlowo-Przemysłowej", "Grodno", "BY"),
        (2, dt.date(2018, 6, 13), "Park Naukowo-Technologiczny", "Minsk", "BY"),
        (3, dt.date(2018, 6, 14), "Ministerstwie Gospodarki", "Minsk", "BY"),  # "dnia 14 czerwca": a date
    ]


def test_the_organisation_not_its_board_and_legal_forms_kept_whole():
    text = (
        "On the first day the guests met the Board of the Podlaskie Regional Development Foundation. "
        "On the second day they visited Tehctera Sp. z o.o. in Białystok."
    )
    assert [s[2] for s in stops(text, "en")] == ["Podlaskie Regional Development Foundation", "Tehctera Sp. z o.o."]


PROGRAMME = """Study tour to Belarus, October 2017

- Day 1 – 3 October: Białystok. Meeting at the Podlaskie Science and Technology Park.
- Day 2 – 4 October: Grodno. Visit to the Grodno Regional Chamber of Commerce and Industry (GRCCI)."""


def test_a_programme_list_gives_its_days_dates_and_hosts():
    assert stops(PROGRAMME, "en", dt.date(2017, 10, 3)) == [
        (1, dt.date(2017, 10, 3), "Podlaskie Science and Technology Park", "Białystok", "PL"),
        (2, dt.date(2017, 10, 4), "Grodno Regional Chamber of Commerce and Industry (GRCCI)", "Grodno", "BY"),
    ]


def test_russian_names_with_one_capital_and_their_case():
    text = (
        "12–14 июня 2018 г. делегация посетила Белосток. "
        "В первый день участники встретились с представителями Подляского научно-технологического парка. "
        "Во второй день делегация посетила Торгово-промышленную палату в Белостоке."
    )
    assert stops(text, "ru", dt.date(2018, 6, 12)) == [
        (1, dt.date(2018, 6, 12), "Подляского научно-технологического парка", "", ""),
        (2, dt.date(2018, 6, 13), "Торгово-промышленную палату", "Białystok", "PL"),
    ]
