"""Figures: shares, counts, money, durations, with their sentence and whether they are approximate;
the number of participants."""

from decimal import Decimal

import pytest

from intake.text.figures import find_figures, participants_count

from .text_seeds import seed


def one(text, language="en"):
    figures = find_figures(text, language)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The state pays 40 % of a project.", "40", "percent"),
        ("It saves up to 40% of the cost.", "40", "percent"),
        ("Firmaların %58 oranında küçük.", "58", "percent"),
        ("Üyelerin yüzde 58’i küçük ölçekli.", "58", "percent"),
        ("Il couvre 70 pour cent du budget.", "70", "percent"),
        ("Es gab 40 Teilnehmer.", "40", "count"),
        ("The pole has 375 members.", "375", "count"),
        ("Now 25 pilot clusters are financed.", "25", "count"),
        ("There were 113 participants.", "113", "count"),
        ("Seven different clusters came.", "7", "count"),
        ("They are financed with 50 million euro.", "50000000", "EUR"),
        ("They are financed with 50 Mio Euro.", "50000000", "EUR"),
        ("A budget of EUR 2.5 million.", "2500000", "EUR"),
        ("A grant of € 10 000 per firm.", "10000", "EUR"),
        ("A grant of 10,000 EUR per firm.", "10000", "EUR"),
        ("Over eight hours of discussion.", "8", "hour"),
        ("A programme of 3 years.", "3", "year"),
    ],
)
def test_figure_value_and_unit(text, value, unit):
    figure = one(text)
    assert (figure.value, figure.unit) == (Decimal(value), unit)
    assert figure.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "about 30 clusters",
        "around 30 clusters",
        "almost 80 member organisations",
        "nearly 80 members",
        "some 80 members",
        "environ 30 clusters",
        "près de 30 membres",
        "yaklaşık 30 küme",
        "около 40 участников",
        "około 30 uczestników",
        "etwa 25 Teilnehmer",
        "circa 25 partners",
        "approximately 50 Mio Euro",
    ],
)
def test_approximate_markers(text):
    assert one(text).is_approximate


def test_exact_figure_is_not_approximate():
    assert not one("There were 113 participants.").is_approximate


@pytest.mark.parametrize(
    "text", ["Founded in 2005 yılında.", "Clib 2021 supported SMEs.", "Phone +421 911 285 131", "Horizon 2020"]
)
def test_years_and_names_are_not_figures(text):
    assert find_figures(text, "en") == []


def test_calls_for_proposals_counts_calls():
    figure = one("OSEO runs 2 calls for proposals a year.")
    assert figure.label.startswith("2 calls")


def test_label_is_the_figure_and_what_follows():
    assert one("The state pays 40 % to the research project, the rest comes later.").label == (
        "40 % to the research project"
    )


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("There have been 113 participants from many sectors.", 113),
        ("The workshop was well attended. Overall 40 cluster representatives listened.", 40),
        ("Wzięło udział 30 uczestników.", 30),
        ("An unnamed group of 18 from Belarus visited the cluster.", 18),
        ("An 18-strong delegation came.", 18),
        ("18-osobowa delegacja z Grodna przyjechała.", 18),
        ("Delegacja licząca 18 osób przyjechała.", 18),
        ("Wzięło w niej udział 30 osób.", 30),
        ("Делегация из 18 человек посетила кластер.", 18),
        ("18 kişilik heyet ziyaret etti.", 18),
        ("25 people took part in the visit.", 25),
        ("A group of 25 clusters met.", None),
        ("The pole has 375 members and 40 % small firms.", None),
        ("Five cluster managers spoke.", None),
    ],
)
def test_participants_count(text, count):
    assert participants_count(text, "en") == count


@pytest.mark.parametrize(
    ("name", "count"), [("viameca", None), ("duesseldorf", 40), ("clustem", None), ("clusters_cord", 113)]
)
def test_seed_participants(name, count):
    assert participants_count(seed(name), "en") == count


def test_seed_figures():
    viameca = [(f.value, f.unit) for f in find_figures(seed("viameca"), "en")]
    assert viameca == [(Decimal(40), "percent"), (Decimal(60), "percent"), (Decimal(40), "percent")]
    clustem = {(f.value, f.unit) for f in find_figures(seed("clustem"), "tr")}
    expected = {(Decimal(v), "percent") for v in (58, 22, 20, 15, 70)} | {(Decimal(375), "count")}
    assert expected <= clustem
    duesseldorf = {(f.value, f.unit, f.is_approximate) for f in find_figures(seed("duesseldorf"), "en")}
    assert {(Decimal(25), "count", False), (Decimal(50_000_000), "EUR", True)} <= duesseldorf
