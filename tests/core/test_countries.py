"""Country choices of the filters: named and ordered in the reader's language, built once per
language (core/countries.py)."""

import pytest
from django.conf import settings
from django.utils import translation

from core.countries import country_choices


def test_choices_are_named_in_the_active_language():
    with translation.override("de"):
        german = dict(country_choices())
    with translation.override("fr"):
        french = dict(country_choices())
    assert german["DE"] == "Deutschland"
    assert french["DE"] == "Allemagne"
    assert len(german) == len(french) >= 249


def test_choices_are_sorted_by_their_name_in_that_language_after_the_usual_ones():
    with translation.override("fr"):
        names = [name for _code, name in country_choices()]
    first = len(settings.COUNTRIES_FIRST)
    assert names[:first] == sorted(names[:first])  # COUNTRIES_FIRST, sorted too
    assert names.index("Belgique") < names.index("Danemark") < names.index("Espagne")


def test_choices_are_built_once_per_language():
    with translation.override("tr"):
        assert country_choices() is country_choices()


@pytest.mark.django_db
def test_a_country_filter_takes_a_code_and_refuses_an_unknown_one(client):
    ok = client.get("/partners/", {"country": "FR"})
    bad = client.get("/partners/", {"country": "XX"})
    assert ok.status_code == 200 and bad.status_code == 400
    assert "Country" not in " ".join(ok.context["filter_errors"])
    assert any("Country" in error for error in bad.context["filter_errors"])


@pytest.mark.parametrize("language", ["en", "de", "tr"])
def test_country_name_is_what_country_name_gives_in_the_active_language(language):
    from django_countries.fields import Country

    from core.countries import country_name

    with translation.override(language):
        for code in ("DE", "TR", "FR", "CZ"):
            assert country_name(code) == Country(code).name
        assert country_name("") == ""
