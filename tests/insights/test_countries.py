import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Organisation
from funding.models import ProjectPartner
from tests import factories
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def belarus_in_poland():
    """An unnamed delegation of 18 from Belarus (a counted group, no organisation) visited a
    Polish cluster in 2019; a Polish cluster visited a Belarusian agency in 2021; both are
    partners in a project."""
    host = factories.organisation(name="Country test Polish cluster", country="PL")
    agency = factories.organisation(name="Country test Belarusian agency", country="BY", kind="agency")
    visit = factories.visit(title="Country test tour of Podlasie", country="PL", start_date=datetime.date(2019, 5, 6))
    visit.hosts.add(host)
    Participant.objects.create(
        visit=visit, group="Belarusian clusters", count=18, country="BY", role=Participant.Role.DELEGATE
    )
    back = factories.visit(title="Country test return visit", country="BY", start_date=datetime.date(2021, 3, 1))
    back.hosts.add(agency)
    back.delegation.add(host)
    project = factories.project(name="Country test cross-border project")
    ProjectPartner.objects.create(project=project, organisation=host)
    ProjectPartner.objects.create(project=project, organisation=agency)
    return {"host": host, "agency": agency, "visit": visit, "back": back}


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_index_lists_countries_with_data(client):
    response = client.get("/countries/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<a href="/countries/fr/">France</a>' in content
    assert "<title>Countries" in content


def test_country_page_counts_organisations_by_kind_with_links_to_the_list(client):
    response = client.get("/countries/fr/")
    assert response.status_code == 200
    content = response.content.decode()
    poles = Organisation.objects.filter(country="FR", kind="pole").count()
    assert f'href="/partners/?country=FR&amp;kind=pole">Pole of competitiveness <span class="count">{poles}' in content
    assert '<li aria-current="page">France</li>' in content  # breadcrumbs
    assert 'href="/countries/">All countries</a>' in content


def test_a_counted_group_from_a_country_counts_as_its_delegation(client, belarus_in_poland):
    content = client.get("/countries/by/").content.decode()
    assert "Country test tour of Podlasie" in content
    rows = _csv(client.get("/countries/by/visits.csv"))
    assert rows[0] == [
        "Year",
        "Held there",
        "Delegations from there",
        "Other events abroad",
        "Total",
        "Partner countries",
    ]
    assert ["2019", "0", "1", "0", "1", "PL"] in rows
    assert ["2021", "1", "0", "0", "1", "PL"] in rows


def test_pair_page_shows_visits_either_way_per_year(client, belarus_in_poland):
    response = client.get("/countries/by/with/pl/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Belarus and Poland</h1>" in content
    assert "Belarusian clusters" in content  # the counted group, among those involved
    assert "Country test Polish cluster" in content
    rows = _csv(client.get("/countries/by/with/pl/visits.csv"))
    assert rows[0] == ["Year", "From Belarus to Poland", "From Poland to Belarus", "Both at an event", "Total"]
    assert rows[1:] == [["2019", "1", "0", "0", "1"], ["2021", "0", "1", "0", "1"]]


def test_csv_equals_the_pages_table(client, belarus_in_poland):
    table = client.get("/countries/by/with/pl/").context["table"]
    rows = _csv(client.get("/countries/by/with/pl/visits.csv"))[1:]
    assert rows == [[str(r["year"]), *map(str, r["cells"]), str(r["total"])] for r in table]


def test_demo_russia_and_france_show_the_2013_delegation(client):
    rows = _csv(client.get("/countries/ru/with/fr/visits.csv"))
    assert ["2013", "1", "0", "0", "1"] in rows


def test_drafts_are_left_out_for_the_public(client, belarus_in_poland):
    belarus_in_poland["visit"].status = Visit.Status.DRAFT
    belarus_in_poland["visit"].save()
    assert "Country test tour of Podlasie" not in client.get("/countries/by/").content.decode()


def test_projects_with_partners_from_both_countries(client, belarus_in_poland):
    assert "Country test cross-border project" in client.get("/countries/by/with/pl/").content.decode()


def test_instruments_naming_the_country_and_no_open_to_every_country(client):
    factories.instrument(name="Country test Maltese grant", eligible_countries=["MT"])
    content = client.get("/countries/mt/").content.decode()
    assert "Country test Maltese grant" in content
    assert "open to every country" in content  # only in "their sources do not say they are open to every country"
    assert "do not say" in content


@pytest.mark.parametrize("address", ["/countries/xx/", "/countries/fra/", "/countries/by/with/zz/", "/countries/1/"])
def test_unknown_country_is_a_clear_404(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "is not a country code" in response.content.decode()


def test_upper_case_redirects_to_lower_case_and_the_same_country_twice_to_its_page(client):
    assert client.get("/countries/BY/with/PL/")["Location"] == "/countries/by/with/pl/"
    assert client.get("/countries/FR/").status_code == 301
    response = client.get("/countries/by/with/by/")
    assert response.status_code == 302
    assert response["Location"] == "/countries/by/"


def test_organisation_and_visit_pages_link_to_the_country_page(client, belarus_in_poland):
    assert 'href="/countries/pl/"' in client.get(belarus_in_poland["host"].get_absolute_url()).content.decode()
    assert 'href="/countries/pl/"' in client.get(belarus_in_poland["visit"].get_absolute_url()).content.decode()


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("address", ["/countries/", "/countries/by/", "/countries/by/with/pl/"])
def test_query_budget_does_not_grow_with_rows(client, belarus_in_poland, address):
    few = _queries(client, address)
    for i in range(6):
        org = factories.organisation(name=f"Country test more {i}", country="BY")
        visit = factories.visit(country="PL", start_date=datetime.date(2010 + i, 1, 1))
        visit.hosts.add(belarus_in_poland["host"])
        visit.delegation.add(org)
        project = factories.project(name=f"Country test project {i}")
        ProjectPartner.objects.create(project=project, organisation=org)
        ProjectPartner.objects.create(project=project, organisation=belarus_in_poland["host"])
    assert _queries(client, address) == few


def test_country_names_follow_the_interface_language(client):
    response = client.get("/countries/de/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "<h1>Allemagne</h1>" in response.content.decode()


def test_country_page_links_to_the_cooperation_with_each_partner_country(client, belarus_in_poland):
    content = client.get("/countries/by/").content.decode()
    assert '<a href="/countries/by/with/pl/">Belarus and Poland</a>' in content


def test_instruments_naming_russia_show_their_status_with_its_date_and_source(client):
    content = client.get("/countries/ru/").content.decode()
    assert "FASIE" in content
    assert "as of Oct 2014, per" in content
