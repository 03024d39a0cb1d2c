"""The "Show all" page of a facet (``?facet=NAME``): every value with its count, a search box among
the values, checkboxes submitting to the list with the other filters kept; plain HTML, no script.
Read against the demo data set the test database holds."""

import re
from html import unescape

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def labels(html: str) -> list[str]:
    return [unescape(label) for label in re.findall(r'class="facet-label">([^<]*)<', html)]


def checkboxes(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]+)"', html)


def hidden(html: str, form_class: str) -> list[tuple[str, str]]:
    form = html[html.index(f'class="{form_class}"') :]
    form = form[: form.index("</form>")]
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)


def test_a_facet_cut_to_its_top_values_links_to_all_of_them(client):
    html = client.get("/partners/").content.decode()
    countries = Organisation.objects.for_list_page().exclude(country="").values("country").distinct().count()
    assert countries > 12  # more than the facet shows
    assert re.search(rf'href="\?facet=country">Show all {countries}\b', html)
    assert 'href="?facet=tag">Show all 43' in html


def test_turkiye_can_be_chosen_on_the_partner_list(client):
    response = client.get("/partners/", {"facet": "country"})
    assert response.status_code == 200
    html = response.content.decode()
    assert ("country", "TR") in checkboxes(html)
    assert "<script" not in html.split("<main", 1)[-1]  # the page needs no script
    chosen = client.get("/partners/", {"country": "TR"}).content.decode()
    assert Organisation.objects.filter(country="TR").first().get_absolute_url() in chosen


def test_the_search_box_narrows_the_values_accent_blind(client):
    html = client.get("/partners/", {"facet": "country", "facet_q": "turk"}).content.decode()
    assert [value for _name, value in checkboxes(html)] == ["TR"]
    assert 'name="facet_q" value="turk"' in html
    assert "No value matches" in client.get("/partners/", {"facet": "country", "facet_q": "zzzz"}).content.decode()


def test_every_tag_is_listed(client):
    html = client.get("/partners/", {"facet": "tag"}).content.decode()
    assert len(checkboxes(html)) == 43


def test_isim_can_be_picked_as_organisation_involved(client):
    html = client.get("/visits/", {"facet": "organisation", "facet_q": "isim"}).content.decode()
    assert labels(html) == ["İŞİM"]
    slug = checkboxes(html)[0][1]
    listed = client.get("/visits/", {"organisation": slug}).content.decode()
    assert "Organisation involved:</span> İŞİM" in listed


def test_the_values_page_keeps_the_other_filters(client):
    html = client.get(
        "/partners/", {"facet": "country", "kind": "cluster", "country": "FR", "sort": "country", "page": "2"}
    ).content.decode()
    # The checkboxes submit to the list with the other filters, the chosen values ticked.
    assert sorted(hidden(html, "facet-all")) == [("kind", "cluster"), ("sort", "country")]
    assert re.search(r'name="country" value="FR" checked', html)
    # The search box keeps every filter and stays on the values page.
    assert sorted(hidden(html, "search-form facet-search")) == [
        ("country", "FR"),
        ("facet", "country"),
        ("kind", "cluster"),
        ("sort", "country"),
    ]
    assert 'href="?kind=cluster&amp;country=FR&amp;sort=country"' in html  # back to the list


def test_the_counts_on_the_values_page_are_those_of_the_list(client):
    query = "kind=cluster&kind=pole&country=FR"
    html = client.get(f"/partners/?facet=country&{query}").content.decode()
    shown = dict(
        re.findall(
            r'value="([A-Z]{2})"(?: checked)?>\s*<span class="facet-label">[^<]*</span> '
            r'<span class="facet-count">([\d,]+)<',
            html,
        )
    )
    assert shown
    for code, count in shown.items():
        data = QueryDict(query, mutable=True)
        data.setlist("country", [code])
        rows = OrganisationFilterSet(data, queryset=Organisation.objects.for_list()).qs.count()
        assert int(count.replace(",", "")) == rows, code


def test_an_unknown_facet_is_a_400_with_a_message(client):
    response = client.get("/visits/", {"facet": "password"})
    assert response.status_code == 400
    assert "has no filter" in response.content.decode()


@pytest.mark.parametrize("url", ["/partners/", "/visits/", "/funding/", "/funding/calls/", "/funding/projects/"])
def test_every_facet_page_answers(client, url):
    html = client.get(url).content.decode()
    filterset_names = set(re.findall(r'id="facet-([a-z_]+)"', html))
    assert filterset_names
    for name in filterset_names:
        response = client.get(url, {"facet": name})
        assert response.status_code == 200, name
        assert checkboxes(response.content.decode()), name


def test_the_values_page_costs_a_few_queries_however_many_values(client):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/visits/", {"facet": "organisation", "kind": "study_visit"}).status_code == 200
        return len(ctx)

    count()
    few = count()
    for i in range(20):
        factories.visit(kind="study_visit").hosts.add(factories.organisation(name=f"Facet page host {i}"))
    assert count() == few


def test_two_values_of_a_facet_show_two_chips_each_removing_its_own(client):
    html = client.get("/partners/", {"country": ["FR", "DE"]}).content.decode()
    chips = re.findall(r'<a class="chip" href="([^"]+)"', html)
    assert sorted(unescape(c) for c in chips) == ["?country=DE", "?country=FR"]
