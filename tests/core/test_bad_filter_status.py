"""Bad filter input is a 4xx on every list: the page (rows without the refused filter, and the
message naming it) answers 400; an export answers 400 with the message as plain text; so does
the "Show all" page of a facet, and a facet that does not exist is a 400 saying so."""

import pytest

pytestmark = pytest.mark.django_db

# (list page, an invalid value of one of its filters, the filter's label in the message)
BAD = [
    ("/partners/", {"country": "XX"}, "Country"),
    ("/clusters/", {"ecosystem": "no-such-ecosystem"}, "Ecosystem"),
    ("/visits/", {"date_from": "2024-13-45"}, "From"),
    ("/visits/", {"year": "abc"}, "Year"),
    ("/funding/", {"rate_min": "lots"}, "Co-funding rate from (%)"),
    ("/funding/calls/", {"status": "no-such-status"}, "Status"),
    ("/funding/projects/", {"country": "XX"}, "Partner country"),
]


@pytest.mark.parametrize(("url", "params", "label"), BAD)
def test_the_page_is_a_400_with_the_message(client, url, params, label):
    response = client.get(url, params)
    assert response.status_code == 400
    assert any(message.startswith(f"{label}:") for message in response.context["filter_errors"])
    assert response.context["result_count"] >= 0  # the rows without the refused filter are shown


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize(("url", "params", "label"), BAD[::3])
def test_an_export_is_a_400_in_plain_text(client, url, params, label, fmt):
    response = client.get(url, {**params, "format": fmt})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "These filter values are not valid:" in text and f"{label}:" in text


def test_a_valid_page_is_still_a_200(client):
    assert client.get("/partners/", {"country": "FR"}).status_code == 200
    assert client.get("/funding/calls/", {"status": "closed", "format": "csv"}).status_code == 200


def test_the_show_all_page_of_a_facet_refuses_bad_filters_too(client):
    response = client.get("/partners/", {"facet": "region", "country": "XX"})
    assert response.status_code == 400
    assert "This filter was ignored." in response.content.decode()


def test_a_facet_that_does_not_exist_is_a_400_saying_so(client):
    response = client.get("/funding/calls/", {"facet": "no-such-facet"})
    assert response.status_code == 400
    assert "This list has no filter “no-such-facet”." in response.content.decode()
