"""intake.mentions and its rules: Polish inflection undone, role words in the seeds' languages,
acronyms told from shouted words and abbreviations, and one proposal per organisation."""

import pytest

from intake.context import DELEGATION, HOST, MENTIONED, ORGANISER, PARTICIPANT, country_near, kind_of, role_of
from intake.inflection import base_form, base_place
from intake.mentions import find_organisations, is_acronym, phrases


@pytest.mark.parametrize(
    "inflected, base",
    [
        ("Klastra", "Klaster"),
        ("Klastrze", "Klaster"),
        ("Wschodniego Klastra Budowlanego", "Wschodni Klaster Budowlany"),
        ("Klastra Obróbki Metali", "Klaster Obróbki Metali"),  # the genitive complement keeps its form
        ("Podlaskiej Fundacji Rozwoju Regionalnego", "Podlaska Fundacja Rozwoju Regionalnego"),
        ("Klaster w Białymstoku", "Klaster w Białystok"),
        ("Partners in Nuclear Business", "Partners in Nuclear Business"),  # no Polish head: unchanged
    ],
)
def test_polish_names_come_back_to_their_base_form(inflected, base):
    assert base_form(inflected) == base


def test_inflected_towns_come_with_their_country():
    assert base_place("Białymstoku") == ("Białystok", "PL")
    assert base_place("Mińsku") == ("Mińsk", "BY")
    assert base_place("Lyon") is None


@pytest.mark.parametrize(
    "before, after, role",
    [
        ("On the second day the delegation visited ", " in Saint-Etienne.", HOST),
        ("The meeting was hosted by the ", ".", HOST),
        ("La rencontre, accueillie par ", ", a réuni les pôles.", HOST),
        ("Spotkanie odbyło się w siedzibie ", ".", HOST),
        ("Kapanış toplantısı ", "’in ev sahipliğinde Ankara’da yapılacak.", HOST),
        ("Mulhouse’da ", " de ziyaret edildi.", HOST),
        ("A working visit of the delegation from the ", " to France.", DELEGATION),
        ("Do Lyonu przyjechała delegacja z ", ".", DELEGATION),
        ("", " delegation members met the pole.", DELEGATION),
        ("", ", AB projesi kapsamında Fransa'daki kümeleri ziyaret etti.", DELEGATION),
        ("The workshop, organised by the ", " in the frame of the project", ORGANISER),
        ("Семинар организован ", ".", ORGANISER),
        ("There were participants from ", " and France.", PARTICIPANT),
        ("The anchor company of the pole is ", ".", MENTIONED),
    ],
)
def test_the_words_around_a_mention_give_its_role(before, after, role):
    assert role_of(before, after) == role


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Pole of Competitiveness ViaMeca", "pole"),
        ("İş ve İnşaat Makineleri Kümelenmesi", "cluster"),
        ("Mayer Group France", "company"),
        ("Upper Austrian Chamber of Commerce", "association"),
        ("Ministry of Economy of the Republic of Belarus", "authority"),
        ("Milano Metropoli Development Agency", "agency"),
        ("Polytech Üniversitesi", "research"),
        ("Techtera", ""),
    ],
)
def test_the_words_of_a_new_name_suggest_its_kind(name, kind):
    assert kind_of(name) == kind


def test_the_country_named_nearest_to_a_mention_is_its_country():
    sentence = "The delegation from the cluster of Zheleznogorsk went to the ViaMeca pole in France."
    assert country_near(sentence, sentence.index("cluster")) == "RU"
    assert country_near(sentence, sentence.index("ViaMeca")) == "FR"
    assert country_near("Делегация кластера прибыла.", 0) == ""  # Cyrillic alone says neither RU nor BY


@pytest.mark.parametrize("token", ["ZENIT", "AIRR", "OSEO", "ECA", "İŞİM", "NUTRIBIOMED"])
def test_acronyms_are_kept(token):
    assert is_acronym(token)


@pytest.mark.parametrize("token", ["APRIL", "XII", "SME", "SMES", "EU", "R&D", "ICT", "NEWSLETTER", "MI"])
def test_months_numerals_and_abbreviations_are_not_acronyms(token):
    assert not is_acronym(token)


def test_a_name_and_its_acronym_in_parentheses_are_one_phrase():
    sentence = "the delegation visited Partners in Nuclear Business (PNB, Burgundy) on the same day"
    found = {(p.name, p.acronym) for p in phrases(sentence)}
    assert ("Partners in Nuclear Business", "PNB") in found


def test_a_quoted_part_belongs_to_the_name_before_it():
    sentence = "On that day the Center for Strategic Research “North-West” conducted a visit."
    assert any(p.name.startswith("Center for Strategic Research “North-West") for p in phrases(sentence))


@pytest.mark.django_db
def test_an_organisation_named_twice_is_one_proposal_with_its_first_role():
    text = (
        "The delegation visited Mayer Group France in Saint-Etienne. "
        "Representatives of Mayer Group France showed their design office."
    )
    orgs = find_organisations(text)
    assert [(o.action, o.role, o.candidates[0].slug) for o in orgs] == [("link", HOST, "mayer-group-france")]


@pytest.mark.django_db
def test_persons_places_events_and_shouted_words_are_not_proposed():
    text = (
        "Philippe Bertrand met the group in Lyon, France. The EU-Russia Cluster Workshop followed. "
        "Russian Clusters came too. The INNOVATION Express call is open; innovation matters."
    )
    assert find_organisations(text) == []


@pytest.mark.django_db
def test_a_new_organisation_is_proposed_as_create_with_kind_and_country():
    text = "In April the group was hosted by the Eastern Construction Cluster in Białystok, Poland."
    [org] = find_organisations(text)
    assert (org.action, org.role, org.kind, org.country) == ("create", HOST, "cluster", "PL")
    assert org.name == "Eastern Construction Cluster"
