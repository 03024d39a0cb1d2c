"""The draft's title and the places a report names."""

import pytest

from intake.text.places import find_places
from intake.text.titles import MAX_LENGTH, guess_title

from .text_seeds import seed


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("viameca", "Working visit of the Zheleznogorsk Cluster delegation"),
        ("duesseldorf", "EU-Russia Cluster Workshop"),  # the date line above it is skipped
        ("clustem", "İŞİM CLUSTEM"),
        ("clusters_cord", "NEWSLETTER no. 3"),  # the heading, not the slogan above it
        ("tactics", "PITER Brussels Final seminar How to promote"),  # the web address skipped
    ],
)
def test_seed_titles(name, starts):
    assert guess_title(seed(name)).startswith(starts)


def test_long_first_line_gives_its_first_sentence():
    text = "The delegation went to Lyon. " + "It met many firms there and learned a lot. " * 10
    assert guess_title(text) == "The delegation went to Lyon."


def test_title_is_trimmed_on_a_word():
    title = guess_title("word " * 400)
    assert len(title) <= MAX_LENGTH
    assert title.endswith("word…")


def test_empty_text_has_no_title():
    assert guess_title("\n  \n") == ""


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        ("Visite à Lyon en France", "fr", [("Lyon", "FR"), ("France", "FR")]),
        ("Wizyta w Białymstoku i we Francji", "pl", [("Białystok", "PL"), ("Francji", "FR")]),
        ("Визит в Лион, во Франции", "ru", [("Lyon", "FR"), ("Франции", "FR")]),
        ("Fransa'daki kümeler Ankara'da buluştu", "tr", [("Fransa", "FR"), ("Ankara", "TR")]),
        ("The forum met in Tartu last year.", "en", [("Tartu", "")]),
    ],
)
def test_places_in_several_languages(text, language, places):
    assert find_places(text, language) == places


@pytest.mark.parametrize(
    "text",
    ["Partners in Nuclear Business met.", "Interest in Biotech grew.", "Active in ICT and in Central-Transdanubian"],
)
def test_names_after_in_are_not_towns(text):
    assert find_places(text, "en") == []


def test_viameca_places():
    assert find_places(seed("viameca"), "en") == [
        ("Zheleznogorsk", "RU"),
        ("France", "FR"),
        ("Saint-Étienne", "FR"),
        ("Burgundy", "FR"),
        ("Lyon", "FR"),
    ]


def test_clustem_places():
    places = dict(find_places(seed("clustem"), "tr"))
    assert {"Mulhouse", "Lyon", "Ankara", "Copenhagen", "Hamburg"} <= set(places)
    assert places["Fransa"] == "FR"
    assert "Techtera" not in places  # "Techtera’da": at the cluster, not in a town
