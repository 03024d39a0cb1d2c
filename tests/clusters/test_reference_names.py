"""The 14 ecosystem names and the region names are stored in English and shown in the reader's
language (issue 17); any other region stays as written."""

import csv
import io

import pytest
from django.conf import settings
from django.utils import translation

from clusters.models import Ecosystem
from clusters.reference import ECOSYSTEMS, REGIONS, ecosystem_name, region_name
from tests import factories

pytestmark = pytest.mark.django_db

# The same word in English and in the language.
COGNATES = {"fr": {"Construction", "Textile", "Alsace"}, "de": set(), "ru": set(), "tr": set()}


@pytest.mark.parametrize("lang", ["fr", "de", "ru", "tr"])
def test_every_ecosystem_and_region_has_a_translation(lang):
    with translation.override(lang):
        same = {n for n in ECOSYSTEMS if ecosystem_name(n) == n} | {r for r in REGIONS if region_name(r) == r}
    assert same == COGNATES[lang]
    assert len(ECOSYSTEMS) == Ecosystem.objects.count() == 14


def test_an_unknown_region_and_interface_words_stay_as_written():
    with translation.override("de"):
        assert region_name("Search") == "Search"  # an interface message, not a region on the list
        assert region_name("Kärnten") == "Kärnten"
        assert region_name("Upper Austria") == "Oberösterreich"


@pytest.mark.parametrize(
    ("lang", "health", "region"),
    [
        ("fr", "Santé", "Haute-Autriche"),
        ("de", "Gesundheit", "Oberösterreich"),
        ("ru", "Здравоохранение", "Верхняя Австрия"),
        ("tr", "Sağlık", "Yukarı Avusturya"),
        ("en", "Health", "Upper Austria"),
    ],
)
def test_profile_list_and_export_show_them_in_the_readers_language(client, lang, health, region):
    org = factories.organisation(name="Reference names org", region="Upper Austria")
    org.ecosystems.add(Ecosystem.objects.get(name="Health"))
    org.tags.add("zz-reference-names")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    profile = client.get(org.get_absolute_url()).content.decode()
    assert f">{health}</a>" in profile
    assert f"<dd>{region}</dd>" in profile
    listing = client.get("/partners/", {"tag": "zz-reference-names"}).content.decode()
    assert f'<span class="pill pill-ecosystem">{health}</span>' in listing
    data = b"".join(client.get("/partners/", {"tag": "zz-reference-names", "format": "csv"}).streaming_content)
    (row,) = list(csv.reader(io.StringIO(data.decode())))[1:]
    assert health in row and region in row
