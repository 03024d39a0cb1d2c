"""The funding picture of /funding/ and the projects poles of competitiveness labelled."""

import datetime
import re
from collections import Counter

import pytest
from django.db import connection
from django.forms import modelform_factory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import Organisation
from funding.models import Instrument, Project
from tests import factories

pytestmark = pytest.mark.django_db

INSTRUMENTS = reverse("funding:instrument-list")


def table_rows(html: str, caption: str) -> dict[str, int]:
    """The rows of the picture's table captioned ``caption``: label -> count."""
    table = html.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    return {label: int(n) for label, n in re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table)}


def test_the_picture_counts_instruments_by_country_and_level_with_a_table(client):
    factories.instrument(name="Picture Greek grant", eligible_countries=["GR", "FR"], level=Instrument.Level.BILATERAL)
    html = client.get(INSTRUMENTS).content.decode()
    countries = Counter(c.name for i in Instrument.objects.all() for c in i.eligible_countries)
    levels = Counter(i.get_level_display() for i in Instrument.objects.all())
    by_country = table_rows(html, "Instruments by eligible country")
    assert by_country == dict(countries.most_common(12))
    assert table_rows(html, "Instruments by level") == dict(levels)
    unstated = Instrument.objects.filter(eligible_countries="").count()
    assert f"{unstated} instruments state no eligible country" in html
    assert "as of the last change on" in html
    # The bars carry the same numbers and link to the filtered list.
    assert f'href="{INSTRUMENTS}?level=bilateral">Bilateral</a>' in html
    assert 'class="bar-fill"' in html and "<table" in html


def test_the_picture_costs_the_same_queries_for_more_instruments(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(INSTRUMENTS).status_code == 200
        return len(ctx)

    before = count()
    for code in ("GR", "PT", "TR", "DE", "IT"):
        factories.instrument(eligible_countries=[code], level=Instrument.Level.REGIONAL)
    assert count() == before


@pytest.fixture
def labelled():
    pole = factories.organisation(name="Labelling pole", kind=Organisation.Kind.POLE)
    project = factories.project(name="Labelled R&D project", start_date=datetime.date(2012, 3, 1))
    project.labelled_by.add(pole)
    return pole, project


def test_the_pole_profile_lists_the_projects_it_labelled(client, labelled):
    pole, project = labelled
    html = client.get(pole.get_absolute_url()).content.decode()
    assert "Projects it labelled" in html and project.get_absolute_url() in html


def test_the_project_page_names_the_poles_that_labelled_it(client, labelled):
    pole, project = labelled
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Labelled by" in html and pole.get_absolute_url() in html


def test_a_cluster_profile_has_no_labelled_section(client):
    cluster = factories.organisation(name="Not a pole")
    assert "Projects it labelled" not in client.get(cluster.get_absolute_url()).content.decode()


def test_the_pole_profile_query_count_does_not_grow_with_labelled_projects(client, labelled):
    pole, _ = labelled

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(pole.get_absolute_url()).status_code == 200
        return len(ctx)

    before = count()
    for i in range(5):
        factories.project(name=f"More labelled {i}", instrument=factories.instrument()).labelled_by.add(pole)
    assert count() == before


def test_the_api_lists_the_labelling_poles(client, labelled):
    pole, project = labelled
    data = client.get(reverse("api:project-detail", kwargs={"slug": project.slug})).json()
    assert [p["slug"] for p in data["labelled_by"]] == [pole.slug]


def test_the_admin_offers_only_poles(admin_client, labelled):
    pole, project = labelled
    cluster = factories.organisation(name="Labelling cluster")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "funding", "model_name": "project", "field_name": "labelled_by", "term": "Labelling"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(pole.pk)]
    form = modelform_factory(Project, fields=["labelled_by"])({"labelled_by": [cluster.pk]}, instance=project)
    assert not form.is_valid() and "labelled_by" in form.errors
