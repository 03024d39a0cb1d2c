"""CSV exports name things the way the page does: display labels, not codes or method objects."""

import csv
import io

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def export(client, url: str, params: dict) -> list[dict]:
    response = client.get(url, {**params, "format": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_visit_csv_has_the_kind_label_and_the_page_address(client):
    visit = factories.visit(title="CSV column check visit")
    visit.tags.add("csv-column-check")
    (row,) = export(client, "/visits/", {"tag": "csv-column-check"})
    assert row["Kind"] == "Delegation visit / study tour"
    assert row["Page"].endswith(visit.get_absolute_url())
    assert "bound method" not in "".join(row.values())


def test_instrument_csv_has_labels_and_the_page_address(client):
    instrument = factories.instrument(name="CSV column check instrument")
    instrument.tags.add("csv-column-check")
    (row,) = export(client, "/funding/", {"tag": "csv-column-check"})
    assert (row["Kind"], row["Level"], row["Status"]) == ("Grant", "National", "Active")
    assert row["Page"].endswith(instrument.get_absolute_url())


def test_organisation_csv_has_the_kind_label_and_the_profile_address(client):
    org = factories.organisation(name="CSV column check organisation")
    org.tags.add("csv-column-check")
    (row,) = export(client, "/partners/", {"tag": "csv-column-check"})
    assert row["Kind"] == "Cluster"
    assert row["Profile"].endswith(org.get_absolute_url())
