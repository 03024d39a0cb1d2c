"""The OpenAPI schema at /api/schema/: valid OpenAPI 3, generated without a single warning, and
documenting every filter of every list as the FilterSet accepts it."""

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from clusters.filtersets import OrganisationFilterSet
from funding.filtersets import CallFilterSet, InstrumentFilterSet, ProjectFilterSet
from visits.filtersets import VisitFilterSet


def test_schema_is_valid_and_generated_without_warnings(tmp_path):
    # --validate checks it against the OpenAPI 3 specification; --fail-on-warn refuses guesses.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert yaml.safe_load((tmp_path / "schema.yaml").read_text())["openapi"].startswith("3.")


@pytest.fixture
def schema(client):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    "path, filterset",
    [
        ("/api/organisations/", OrganisationFilterSet),
        ("/api/visits/", VisitFilterSet),
        ("/api/instruments/", InstrumentFilterSet),
        ("/api/calls/", CallFilterSet),
        ("/api/projects/", ProjectFilterSet),
    ],
)
def test_every_filter_of_the_page_is_documented(schema, path, filterset):
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert set(parameters) == {*filterset.base_filters, "page", "page_size"}
    assert parameters["tag"]["schema"]["type"] == "array" and parameters["tag"]["explode"] is True
    assert parameters["q"]["schema"]["maxLength"] == 200


def test_filter_types_follow_the_form_fields(schema):
    visits = {p["name"]: p["schema"] for p in schema["paths"]["/api/visits/"]["get"]["parameters"]}
    # Repeated parameters, ORed (tags ANDed): arrays of the form field's values.
    assert visits["year"] == {
        "type": "array",
        "items": {"type": "integer", "minimum": 1900, "maximum": 2100},
        "maxItems": 20,
    }
    assert "FR" in visits["host_country"]["items"]["enum"]
    assert visits["date_from"] == {"type": "string", "format": "date"}
    instruments = {p["name"]: p["schema"] for p in schema["paths"]["/api/instruments/"]["get"]["parameters"]}
    assert instruments["rate_min"] == {"type": "number", "minimum": 0, "maximum": 100}
    calls = {p["name"]: p["schema"] for p in schema["paths"]["/api/calls/"]["get"]["parameters"]}
    assert calls["deadline_after"] == {"type": "string", "format": "date"}
    assert calls["status"]["items"]["enum"] == ["forthcoming", "open", "closed"]


def test_error_answers_are_documented(schema):
    responses = schema["paths"]["/api/visits/"]["get"]["responses"]
    assert set(responses) == {"200", "400", "404", "429"}
    assert set(schema["paths"]["/api/visits/{slug}/"]["get"]["responses"]) == {"200", "404", "429"}
