"""Every list's exports (CSV, CSV with a byte-order mark, XLSX, JSON) hold exactly the rows of the
filtered list, in its order, with absolute page addresses, and never a contact person."""

import csv
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from clusters.models import ContactPerson, Organisation
from core.roles import READERS
from tests import factories

pytestmark = pytest.mark.django_db

TAG = "zz-export-test"
SITE = "http://testserver"


def _org(i):
    return factories.organisation(name=f"Export org {i:03}", founded=1990 + i % 7)


def _pole(i):
    return factories.organisation(name=f"Export pole {i:03}", kind=Organisation.Kind.POLE)


def _visit(i):
    return factories.visit(title=f"Export visit {i:03}")


def _instrument(i):
    return factories.instrument(name=f"Export instrument {i:03}")


def _call(i):
    return factories.call(title=f"Export call {i:03}")


def _project(i):
    return factories.project(name=f"Export project {i:03}")


# (list URL, extra parameters, row factory, the column holding the record's page)
LISTS = {
    "partners": ("/partners/", {"sort": "-founded"}, _org, "Profile"),
    "clusters": ("/clusters/", {}, _org, "Profile"),
    "poles": ("/poles/", {}, _pole, "Profile"),
    "visits": ("/visits/", {}, _visit, "Page"),
    "instruments": ("/funding/", {}, _instrument, "Page"),
    "calls": ("/funding/calls/", {}, _call, "Page"),
    "projects": ("/funding/projects/", {}, _project, "Page"),
}
FORMATS = ["csv", "xlsx", "json"]


def make_rows(make, start: int, stop: int):
    # Created in reverse so that the list's order is not the order of creation.
    for i in reversed(range(start, stop)):
        make(i).tags.add(TAG)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def parse(response, fmt: str) -> list[dict]:
    data = body(response)
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    if fmt == "json":
        return json.loads(data)
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def page_rows(client, url: str, params: dict) -> list[str]:
    """The absolute addresses of the rows the list shows, page after page, in order."""
    shown, page = [], 1
    while True:
        response = client.get(url, {**params, "page": page})
        shown += [SITE + o.get_absolute_url() for o in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return shown
        page += 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", LISTS)
def test_export_has_the_filtered_rows_in_the_lists_order(client, name, fmt):
    url, extra, make, page_column = LISTS[name]
    make_rows(make, 0, 30)
    factories.organisation(name="Export outsider").tags.add("zz-other-tag")
    params = {"tag": TAG, **extra}
    shown = page_rows(client, url, params)
    assert len(shown) == 30

    response = client.get(url, {**params, "format": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].rstrip('"').endswith(f".{fmt}")
    rows = parse(response, fmt)
    assert [row[page_column] for row in rows] == shown  # same rows, same order, absolute


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("json", "application/json; charset=utf-8"),
    ],
)
def test_export_content_types(client, fmt, content_type):
    assert client.get("/partners/", {"format": fmt})["Content-Type"] == content_type


def test_csv_has_a_byte_order_mark_only_when_asked(client):
    make_rows(_org, 0, 2)
    plain = body(client.get("/partners/", {"tag": TAG, "format": "csv"}))
    for_excel = body(client.get("/partners/", {"tag": TAG, "format": "csv", "bom": "1"}))
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert for_excel.startswith(b"\xef\xbb\xbf")
    assert for_excel[3:] == plain
    assert not body(client.get("/partners/", {"tag": TAG, "format": "json", "bom": "1"})).startswith(b"\xef")


def test_the_list_offers_every_export_with_its_filters(client):
    make_rows(_org, 0, 2)
    response = client.get("/partners/", {"tag": TAG})
    html = response.content.decode()
    links = response.context["export_links"]
    assert [str(link["label"]) for link in links] == ["CSV", "CSV for Excel", "Excel (XLSX)", "JSON"]
    assert [QueryDict(link["url"][1:]).dict() for link in links] == [
        {"tag": TAG, "format": "csv"},
        {"tag": TAG, "bom": "1", "format": "csv"},
        {"tag": TAG, "format": "xlsx"},
        {"tag": TAG, "format": "json"},
    ]
    for link in links:
        assert f'href="{escape(link["url"])}" download>{link["label"]}</a>' in html


def test_csv_link_drops_a_byte_order_mark_of_the_current_address(client):
    make_rows(_org, 0, 1)
    links = [link["url"] for link in client.get("/partners/", {"tag": TAG, "bom": "1"}).context["export_links"]]
    assert [link.count("bom=1") for link in links] == [0, 1, 0, 0]


def test_json_keeps_numbers_and_dates(client):
    factories.organisation(name="Export typed", founded=2005, members_count=120).tags.add(TAG)
    (row,) = parse(client.get("/partners/", {"tag": TAG, "format": "json"}), "json")
    assert (row["Name"], row["Founded"], row["Members"]) == ("Export typed", 2005, 120)


def test_xlsx_writes_formula_like_text_as_text(client):
    factories.organisation(name="=HYPERLINK(1)").tags.add(TAG)
    data = body(client.get("/partners/", {"tag": TAG, "format": "xlsx"}))
    cell = openpyxl.load_workbook(io.BytesIO(data)).active["A2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_contact_person_in_any_export_even_signed_in(client, django_user_model, fmt):
    org = factories.organisation(name="Export with contact")
    org.tags.add(TAG)
    ContactPerson.objects.create(
        organisation=org, name="Secret Contactperson", email="secret.contact@example.org", phone="+33 1 23 45 67"
    )
    reader = django_user_model.objects.create_user("export-reader")
    reader.groups.add(Group.objects.get_or_create(name=READERS)[0])  # a reader who sees contacts
    client.force_login(reader)
    assert "Secret Contactperson" in client.get(org.get_absolute_url()).content.decode()  # shown on the page
    data = body(client.get("/partners/", {"tag": TAG, "format": fmt}))
    text = data.decode("utf-8", "replace") if fmt != "xlsx" else str(parse_xlsx_cells(data))
    for secret in ("Secret Contactperson", "secret.contact@example.org", "23 45 67"):
        assert secret not in text


def parse_xlsx_cells(data: bytes) -> list:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [v for row in sheet.iter_rows(values_only=True) for v in row]


def export_queries(client, url: str, fmt: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        body(client.get(url, {"tag": TAG, "format": fmt}))
    return len(ctx)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", LISTS)
def test_export_queries_do_not_grow_with_rows(client, name, fmt):
    url, _extra, make, _column = LISTS[name]
    make_rows(make, 0, 3)
    export_queries(client, url, fmt)  # warm caches (content types)
    few = export_queries(client, url, fmt)
    make_rows(make, 3, 30)
    assert export_queries(client, url, fmt) == few


@pytest.mark.parametrize(("lang", "label"), [("en", "Open"), ("fr", "Ouvert"), ("de", "Offen")])
def test_a_calls_status_is_exported_as_its_label(client, settings, lang, label):
    import datetime

    today = datetime.date.today()
    factories.call(opens_on=today - datetime.timedelta(days=3), deadline=today + datetime.timedelta(days=30)).tags.add(
        TAG
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    (row,) = parse(client.get("/funding/calls/", {"tag": TAG, "format": "json"}), "json")
    assert label in row.values()
