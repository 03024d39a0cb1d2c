"""A type page of global search marks its type, and exports its hits as that type's list exports
its rows (the list's columns); the export of every type keeps generic columns, best first."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils.module_loading import import_string

from globalsearch import search
from tests import factories

pytestmark = pytest.mark.django_db
URL = reverse("globalsearch:search")
WORD = "Zorblax"


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def found():
    """Rows of four types naming the word, the instrument's name best."""
    instrument = factories.instrument(name=f"{WORD} Fund", description="Money.")
    return {
        "organisations": [factories.organisation(name=f"Org {i}", description=f"A {WORD} partner.") for i in range(3)],
        "instruments": [instrument],
        "calls": [factories.call(title=f"{WORD} call", instrument=instrument)],
        "visits": [factories.visit(title=f"{WORD} tour")],
    }


def test_the_type_page_marks_its_pill_as_current(client, found):
    html = client.get(URL, {"q": WORD, "type": "calls"}).content.decode()
    nav = html[html.index('class="pill-list search-types"') :]
    nav = nav[: nav.index("</nav>")]
    current = re.findall(r'<a class="pill" href="([^"]+)" aria-current="page">', nav)
    assert current == [f"{URL}?q={WORD}&amp;type=calls"]
    overview = client.get(URL, {"q": WORD}).content.decode()
    assert re.search(r'<a class="pill" href="[^"]+" aria-current="page">All types', overview)


def test_the_current_pill_has_a_visible_style():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "search.css").read_text()
    assert re.search(r'\.search-types a\.pill\[aria-current="page"\] \{[^}]*background', css)


@pytest.mark.parametrize("key", ["organisations", "instruments", "calls", "visits"])
def test_a_type_export_has_its_lists_columns_and_the_hits_in_order(client, found, key):
    spec = search.spec_for(key)
    view = import_string(spec.list_view)
    rows = csv_rows(client.get(URL, {"q": WORD, "type": key, "format": "csv"}))
    assert rows[0] == [str(header) for header, _getter in view.csv_columns]
    page = client.get(URL, {"q": WORD, "type": key}).context["page"]
    assert [row[-1] for row in rows[1:]] == [f"http://testserver{hit.url}" for hit in page.hits]
    assert {row[-1] for row in rows[1:]} == {f"http://testserver{o.get_absolute_url()}" for o in found[key]}


def test_a_type_export_in_json_and_xlsx(client, found):
    response = client.get(URL, {"q": WORD, "type": "calls", "format": "json"})
    records = json.loads(b"".join(response.streaming_content))
    assert [record["Title"] for record in records] == [f"{WORD} call"] and "Deadline" in records[0]
    response = client.get(URL, {"q": WORD, "type": "calls", "format": "xlsx"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('search-calls.xlsx"')


def test_the_export_of_every_type_keeps_generic_columns_best_first(client, found):
    rows = csv_rows(client.get(URL, {"q": WORD, "format": "csv"}))
    assert rows[0] == ["Type", "Title", "Details", "Page"]
    types = {row[0] for row in rows[1:]}
    assert {"Organisations", "Funding instruments", "Calls for proposals", "Visits and events"} <= types
    assert len(rows) - 1 == sum(len(v) for v in found.values())
    # Best first across types: the three named in their title before the three that mention it.
    assert [row[0] for row in rows[4:]] == ["Organisations"] * 3
    assert "Organisations" not in {row[0] for row in rows[1:4]}


def test_the_pages_offer_their_exports(client, found):
    html = client.get(URL, {"q": WORD, "type": "visits"}).content.decode()
    assert f'href="?q={WORD}&amp;type=visits&amp;format=xlsx"' in html
    html = client.get(URL, {"q": WORD}).content.decode()
    assert f'href="?q={WORD}&amp;format=csv&amp;bom=1"' in html
