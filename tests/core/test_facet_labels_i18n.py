"""Facet values and chips over reference names stored in English (the 14 ecosystems, known
regions) read in the interface language, and values with equal counts sort by those labels."""

import re
from html import unescape

import pytest
from django.conf import settings

from clusters.models import Ecosystem
from core.text import fold
from tests import factories

pytestmark = pytest.mark.django_db


def in_french(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


def facet_labels(html: str) -> list[str]:
    return [unescape(label).strip() for label in re.findall(r'class="facet-label">([^<]*)<', html)]


def chips(html: str) -> str:
    if 'class="chips"' not in html:
        return ""
    start = html.index('class="chips"')
    return unescape(html[start : html.index("</ul>", start)])


@pytest.fixture
def burgundy_agrifood():
    agri = Ecosystem.objects.get(name="Agri-food")
    org = factories.organisation(name="Facet Label Test Org", region="Burgundy")
    org.ecosystems.add(agri)
    org.save()  # refresh the denormalised ecosystem ids
    return org


def test_partner_facets_and_chips_are_in_french(client, burgundy_agrifood):
    html = in_french(client).get("/partners/").content.decode()
    labels = facet_labels(html)
    assert "Bourgogne" in labels and "Burgundy" not in labels
    assert "Agroalimentaire" in labels and "Agri-food" not in labels
    chosen = in_french(client).get("/partners/", {"region": "Burgundy", "ecosystem": "agri-food"}).content.decode()
    assert "Bourgogne" in chips(chosen) and "Agroalimentaire" in chips(chosen)
    assert "Burgundy" not in chips(chosen).replace("region=Burgundy", "")


def test_visit_ecosystem_facet_is_in_french(client):
    visit = factories.visit(title="Facet label visit")
    visit.ecosystems.add(Ecosystem.objects.get(name="Health"))
    html = in_french(client).get("/visits/").content.decode()
    labels = facet_labels(html)
    assert "Santé" in labels and "Health" not in labels
    assert "Santé" in chips(in_french(client).get("/visits/", {"ecosystem": "health"}).content.decode())


def test_equal_counts_sort_by_the_translated_label(client, burgundy_agrifood):
    html = in_french(client).get("/partners/", {"facet": "ecosystem"}).content.decode()
    counts = re.findall(r'class="facet-label">([^<]*)<[^>]*>\s*<span class="facet-count"[^>]*>([\d\s,.]+)<', html)
    assert counts, "the facet page lists counts"
    by_count = {}
    for label, count in counts:
        by_count.setdefault(count, []).append(unescape(label))
    for labels in by_count.values():
        assert labels == sorted(labels, key=fold)  # accent-blind: "Aérospatiale" before "Agro…"
