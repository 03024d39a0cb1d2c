"""/compare/: the side-by-side table, its CSV, its query budget, bad input and its entry points."""

import csv
import datetime
import io
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Label
from funding.models import ProjectPartner
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/compare/"
PAIR = {"o": ["pole-vehicule-du-futur", "isim"]}
FOUR = {"o": ["pole-vehicule-du-futur", "isim", "techtera", "rda-piestany"]}


class TableCells(HTMLParser):
    """The comparison table as text: the header's organisation names, then per body row its
    header and each cell, a cell's list items joined with "; " and the "—" of an empty cell as ""."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.items, self.item = [], None, None, None, None
        self.in_table = self.skip = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "compare-table" in attrs.get("class", ""):
            self.in_table = True
        elif not self.in_table:
            return
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell, self.items = [], []
        elif tag == "li":
            self.item = []
        elif tag == "a" and "compare-remove" in attrs.get("class", ""):
            self.skip = True  # the header's "Remove" link is not part of the name

    def handle_endtag(self, tag):
        if not self.in_table:
            return
        if tag == "a":
            self.skip = False
        if tag == "table":
            self.in_table = False
        elif tag == "li" and self.item is not None:
            self.items.append("".join(self.item).strip())
            self.item = None
        elif tag in ("td", "th") and self.items is not None:
            text = "; ".join(self.items) if self.items else "".join(self.cell or []).strip()
            self.row.append("" if text == "—" else text)
            self.items = self.cell = None
        elif tag == "tr":
            self.rows.append(self.row)

    def handle_data(self, data):
        if self.skip:
            return
        if self.item is not None:
            self.item.append(data)
        elif self.cell is not None:
            self.cell.append(data)


def page_rows(response) -> list[list[str]]:
    parser = TableCells()
    parser.feed(response.content.decode())
    return [[" ".join(cell.split()) for cell in row] for row in parser.rows]


def csv_rows(response) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for row in csv.reader(io.StringIO(response.content.decode()))]


def test_two_organisations_side_by_side(client):
    response = client.get(URL, PAIR)
    assert response.status_code == 200
    rows = {row[0]: row[1:] for row in page_rows(response)}
    assert rows["Attribute"] == ["Pôle Véhicule du Futur", "İŞİM"]
    assert rows["Kind"] == ["Pole of competitiveness", "Cluster"]
    assert rows["Country"] == ["France", "Türkiye"]
    assert rows["Members"][0].startswith("375 members as of Jul 2017, per ")
    assert rows["Small firms among members"] == ["58 %", ""]
    assert rows["Labels"][0].startswith("ESCA Gold as of Jul 2017")
    assert rows["Projects"] == ["", "CLUSTEM (Partner)"]
    assert rows["Visits in 2017"] == ["1", "1"]


@pytest.mark.parametrize("query", [PAIR, FOUR])
def test_the_csv_equals_the_page(client, query):
    page = page_rows(client.get(URL, query))
    download = client.get(URL, {**query, "format": "csv"})
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="comparison.csv"' in download["Content-Disposition"]
    assert csv_rows(download) == page
    assert len(page[0]) == len(query["o"]) + 1


def test_visits_per_year_count_each_event_once_and_fill_the_years_between(client):
    a, b = factories.organisation(), factories.organisation()
    for year in (2011, 2011, 2014):
        factories.visit(start_date=datetime.date(year, 3, 1)).hosts.add(a)
    first = factories.visit(start_date=datetime.date(2014, 6, 1))
    first.delegation.add(b)
    # Another account of the same event, naming the same delegation member: still one event.
    factories.visit(start_date=datetime.date(2014, 6, 1), account_of=first).delegation.add(b)
    factories.visit(start_date=datetime.date(2012, 1, 1), status="draft").hosts.add(b)
    rows = {row[0]: row[1:] for row in page_rows(client.get(URL, {"o": [a.slug, b.slug]}))}
    assert rows["Visits in 2011"] == ["2", "0"]
    assert rows["Visits in 2012"] == ["0", "0"]  # the draft is not public
    assert rows["Visits in 2013"] == ["0", "0"]
    assert rows["Visits in 2014"] == ["1", "1"]
    assert rows["Visits and events (all years)"] == ["3", "1"]


def test_projects_and_the_instruments_that_funded_them(client):
    a, b = factories.organisation(), factories.organisation()
    instrument = factories.instrument(name="Test grant line")
    project = factories.project(name="Test bridge project", instrument=instrument)
    ProjectPartner.objects.create(project=project, organisation=a, role=ProjectPartner.Role.COORDINATOR)
    rows = {row[0]: row[1:] for row in page_rows(client.get(URL, {"o": [a.slug, b.slug]}))}
    assert rows["Projects"] == [f"{project} (Coordinator)", ""]
    assert rows["Instruments of its projects"] == ["Test grant line", ""]


def test_an_expired_label_says_so(client):
    a, b = factories.organisation(), factories.organisation()
    Label.objects.create(organisation=a, kind="esca_bronze", valid_until=datetime.date(2015, 1, 1))
    rows = {row[0]: row[1:] for row in page_rows(client.get(URL, {"o": [a.slug, b.slug]}))}
    assert rows["Labels"][0].endswith("(expired)")


def queries(client, query) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, query).status_code == 200
    return len(ctx)


def test_the_query_budget_does_not_grow_with_organisations_or_visits(client):
    two = queries(client, PAIR)
    assert queries(client, FOUR) == two
    a, b = factories.organisation(), factories.organisation()
    few = queries(client, {"o": [a.slug, b.slug]})
    for year in range(2000, 2020):
        visit = factories.visit(start_date=datetime.date(year, 1, 1))
        visit.hosts.add(a)
        visit.delegation.add(b)
        Label.objects.create(organisation=a, kind="esca_bronze", valid_until=datetime.date(year, 12, 31))
    assert queries(client, {"o": [a.slug, b.slug]}) == few
    assert two <= 8


def test_no_organisation_is_the_start_page(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="add"' in response.content.decode()


def test_one_organisation_is_a_400_that_offers_to_add_another(client):
    response = client.get(URL, {"o": "isim"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Add at least one more organisation to compare İŞİM with." in html
    assert '<input type="hidden" name="o" value="isim">' in html


def test_five_organisations_are_a_400_with_a_message(client):
    response = client.get(URL, {"o": [*FOUR["o"], "zenit"]})
    assert response.status_code == 400
    assert "Compare two to four organisations at a time; this address names 5." in response.content.decode()


def test_an_unknown_slug_is_a_404_naming_it(client):
    response = client.get(URL, {"o": ["isim", "no-such-cluster"]})
    assert response.status_code == 404
    html = response.content.decode()
    assert "No organisation has the address “no-such-cluster”." in html
    assert 'href="/compare/?o=isim"' in html  # the way out: remove it


@pytest.mark.parametrize("junk", ["<script>", "x" * 5000, "'; DROP TABLE x; --", "\x7f"])
def test_junk_slugs_are_a_clear_4xx(client, junk):
    response = client.get(URL, {"o": ["isim", junk]})
    assert response.status_code == 404
    assert "<script>" not in response.content.decode().split("</header>")[-1]


def test_duplicates_and_empty_values_are_dropped_by_a_redirect(client):
    response = client.get(URL, {"o": ["isim", " isim ", "", "techtera"]})
    assert response.status_code == 302
    assert response.url == "/compare/?o=isim&o=techtera"


def test_adding_by_address_or_a_single_matching_name_redirects_to_the_new_address(client):
    response = client.get(URL, {"o": "isim", "add": "techtera"})
    assert (response.status_code, response.url) == (302, "/compare/?o=isim&o=techtera")
    response = client.get(URL, {"o": "isim", "add": "Pôle Véhicule du Futur"})
    assert (response.status_code, response.url) == (302, "/compare/?o=isim&o=pole-vehicule-du-futur")


def test_adding_by_a_whole_name_picks_it_among_several_matches(client):
    factories.organisation(name="Zyxwv Textile")
    other = factories.organisation(name="Zyxwv Textile Two")
    response = client.get(URL, {"o": "isim", "add": "zyxwv textile two"})
    assert (response.status_code, response.url) == (302, f"/compare/?o=isim&o={other.slug}")


def test_adding_by_a_name_matching_several_offers_them(client):
    factories.organisation(name="Zyxwv Textile One")
    factories.organisation(name="Zyxwv Textile Two")
    response = client.get(URL, {"o": "isim", "add": "Zyxwv"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Add Zyxwv Textile One" in html and "Add Zyxwv Textile Two" in html


def test_adding_what_matches_nothing_or_a_fifth_is_a_4xx(client):
    response = client.get(URL, {"o": "isim", "add": "qqqzzzxxx"})
    assert response.status_code == 404
    assert "No organisation matches “qqqzzzxxx”." in response.content.decode()
    response = client.get(URL, {**FOUR, "add": "zenit"})
    assert response.status_code == 400


def test_a_column_can_be_removed_and_the_address_is_the_state(client):
    html = client.get(URL, FOUR).content.decode()
    assert 'href="/compare/?o=isim&amp;o=techtera&amp;o=rda-piestany"' in html
    assert 'name="add"' not in html  # four is the most


def test_the_partners_list_has_compare_boxes_for_one_form(client):
    html = client.get("/partners/").content.decode()
    assert '<form id="compare-form" method="get" action="/compare/"' in html
    assert 'type="checkbox" name="o" value="isim" form="compare-form"' in html


def test_a_profile_offers_compare_with(client):
    html = client.get("/partners/pole-vehicule-du-futur/").content.decode()
    assert "Compare with…" in html  # any organisation by its name
    assert 'href="/compare/?o=pole-vehicule-du-futur&amp;o=' in html  # the most similar one at once
