"""The report's language: the five seeds right, short or placeless text None."""

import pytest

from intake.text.language import detect_language

from .text_seeds import seed

# Ground truth: the `language` of each seed's demo record (TACTICS: English slides with French bits).
SEED_LANGUAGES = {"viameca": "en", "duesseldorf": "en", "clustem": "tr", "clusters_cord": "en", "tactics": "en"}


@pytest.mark.parametrize(("name", "language"), SEED_LANGUAGES.items())
def test_seed_languages(name, language):
    assert detect_language(seed(name)) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wizyta studyjna delegacji w Białymstoku", "pl"),
        ("Визит делегации кластера в Лион", "ru"),
        ("Візит делегації до Ліона", "uk"),
        ("Візіт дэлегацыі ў Ліён", "be"),
        ("Kümelenme ziyareti Lyon şehrinde yapıldı", "tr"),
        ("La délégation a visité le pôle de compétitivité", "fr"),
        ("Der Workshop fand in Düsseldorf statt", "de"),
        ("Visita de estudio de la delegación a Madrid", "es"),
    ],
)
def test_short_sentences_in_several_languages(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello",
        "12345 678 90 2013 40 %",
        "asdkjh qwe zxcv lkjasd poiqwe mnbzx qwpoe xcvb",
        "qwrtzp xkcd vbnm ghjkl trewq zxcvbn mlkjh poiuy",
        "代表团于四月访问了里昂并会见了当地企业",
    ],
)
def test_too_short_or_placeless_text_is_none(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Klusterin valtuuskunta vieraili Lyonissa huhtikuussa ja tapasi paikallisia yrityksiä sekä tutkimuslaitoksia.",
        "Kundi la wajumbe lilitembelea Lyon mwezi Aprili na kukutana na makampuni ya ndani ya eneo hilo.",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
    ],
)
def test_a_language_outside_the_field_is_none(text):
    """Finnish, Swahili, Latin: placed, but not in a language the knowledge base takes."""
    assert detect_language(text) is None
