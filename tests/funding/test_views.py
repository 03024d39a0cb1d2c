import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Eligibility, ProjectPartner
from tests import factories

pytestmark = pytest.mark.django_db

TAG = "zz-funding-views-test"
TODAY = datetime.date.today()
INSTRUMENTS = reverse("funding:instrument-list")
CALLS = reverse("funding:call-list")
PROJECTS = reverse("funding:project-list")


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
        assert response.status_code == 200
    return len(ctx)


def rows(n: int):
    """``n`` instruments, each with an SME rate, an open call, and a project with a partner."""
    made = []
    for i in range(n):
        inst = factories.instrument(name=f"Views instrument {i:03}", eligible_countries=["TR"])
        inst.tags.add(TAG)
        Eligibility.objects.create(instrument=inst, beneficiary_type="sme", co_funding_rate=60)
        c = factories.call(title=f"Views call {i:03}", instrument=inst, deadline=TODAY + datetime.timedelta(days=9))
        c.tags.add(TAG)
        p = factories.project(name=f"Views project {i:03}", instrument=inst, partner_countries=["TR"])
        p.tags.add(TAG)
        ProjectPartner.objects.create(project=p, organisation=factories.organisation(), role="coordinator")
        made.append((inst, c, p))
    return made


@pytest.mark.parametrize("url", [INSTRUMENTS, CALLS, PROJECTS])
def test_lists_show_their_rows(client, url):
    inst, call, project = rows(1)[0]
    response = client.get(url, {"tag": TAG})
    assert response.status_code == 200
    html = response.content.decode()
    assert {INSTRUMENTS: inst, CALLS: call, PROJECTS: project}[url].get_absolute_url() in html


def test_instrument_page_links_to_its_call_and_the_call_links_back(client):
    inst, call, project = rows(1)[0]
    html = client.get(inst.get_absolute_url()).content.decode()
    assert call.get_absolute_url() in html
    assert project.get_absolute_url() in html
    assert "Open" in html
    call_html = client.get(call.get_absolute_url()).content.decode()
    assert inst.get_absolute_url() in call_html


def test_project_and_partner_organisation_link_each_other(client):
    inst, call, project = rows(1)[0]
    partner = project.partner_links.get().organisation
    visit = factories.visit(title="Project meeting in Ankara", project=project)
    html = client.get(project.get_absolute_url()).content.decode()
    assert partner.get_absolute_url() in html
    assert inst.get_absolute_url() in html
    assert visit.title in html
    assert "Coordinator" in html
    assert project.get_absolute_url() in client.get(partner.get_absolute_url()).content.decode()


def test_instrument_without_countries_says_they_are_not_stated(client):
    inst = factories.instrument(name="Countries unknown instrument")
    html = client.get(inst.get_absolute_url()).content.decode()
    assert "Not stated by the sources on record." in html
    assert "every country" not in html


def test_description_is_escaped(client):
    inst = factories.instrument(description="<script>alert(1)</script>\n\nSecond paragraph")
    html = client.get(inst.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "url, query", [(INSTRUMENTS, {"beneficiary": "sme", "country": "TR"}), (CALLS, {"status": "open"}), (PROJECTS, {})]
)
def test_csv_has_exactly_the_filtered_rows_across_pages(client, url, query):
    made = rows(30)
    factories.instrument(name="Views instrument untagged")
    response = client.get(url, {"tag": TAG, "format": "csv", **query})
    reader = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(reader) - 1 == len(made)
    names = {r[0] for r in reader[1:]}
    column = {INSTRUMENTS: 0, CALLS: 1, PROJECTS: 2}[url]
    assert names == {str(m[column]) for m in made}


@pytest.mark.parametrize("url", [INSTRUMENTS, CALLS, PROJECTS])
def test_list_query_count_does_not_grow_with_rows(client, url):
    rows(3)
    few = queries(client, url, {"tag": TAG})
    rows(27)
    assert queries(client, url, {"tag": TAG}) == few


@pytest.mark.parametrize("kind", ["instrument", "call", "project"])
def test_detail_query_count_does_not_grow_with_rows(client, kind):
    def url(made):
        inst, call, project = made
        return {"instrument": inst, "call": call, "project": project}[kind].get_absolute_url()

    def grow(made, n):
        inst, _call, project = made
        for _ in range(n):
            factories.call(instrument=inst)
            p = factories.project(instrument=inst)
            ProjectPartner.objects.create(project=p, organisation=factories.organisation())
            ProjectPartner.objects.create(project=project, organisation=factories.organisation())
            factories.visit(project=project)

    small = rows(1)[0]
    grow(small, 3)
    few = queries(client, url(small))
    grow(small, 27)
    assert queries(client, url(small)) == few


@pytest.mark.parametrize("url", [INSTRUMENTS, CALLS, PROJECTS])
@pytest.mark.parametrize(
    "params",
    [
        {"unknown": "1"},
        {"deadline_after": "2024-13-45", "deadline_before": "yesterday"},
        {"page": str(10**9)},
        {"page": "-"},
        {"q": "x" * 10_000},
        {"q": "\"'"},
        {"q": "<script>alert(1)</script>"},
        {"q": "-"},
        {"q": '"'},
        {"rate_min": "abc", "rate_max": "1e999"},
        {"closing_within": "-5"},
        {"country": "ZZZ", "beneficiary": "dragons", "instrument": "no-such", "managing_body": "no-such"},
        {"sort": "nonsense", "tag": "Not a slug!"},
    ],
)
def test_bad_input_never_fails(client, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_malformed_date_is_a_400_with_the_message(client):
    response = client.get(CALLS, {"deadline_after": "2024-13-45"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deadline from" in html and "This filter was ignored" in html


def test_unknown_slug_is_404(client):
    for url in ("/funding/no-such-thing/", "/funding/calls/no-such-thing/", "/funding/projects/no-such-thing/"):
        assert client.get(url).status_code == 404
