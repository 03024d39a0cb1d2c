"""Bulk import and export through the admin: matched by slug, validated row by row in a dry
run, and all or nothing."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from clusters.resources import OrganisationResource
from funding.models import Call, Instrument
from funding.resources import CallResource, InstrumentResource
from tests import factories

pytestmark = pytest.mark.django_db

CSV, JSON = "0", "1"  # positions in AllOrNothingImportExportMixin.formats


def dry_run(client, model, content: bytes, fmt=CSV, name="data.csv"):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    upload = SimpleUploadedFile(name, content)
    return client.post(url, {"format": fmt, "import_file": upload, "resource": "0"})


def confirm(client, model, response):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_process_import")
    return client.post(url, response.context["confirm_form"].initial, follow=True)


@pytest.fixture
def instrument():
    body = factories.organisation(name="Zqfunding agency", slug="zqfunding-agency")
    return factories.instrument(name="Zqgrant", slug="zqgrant", managing_body=body, co_funding_rate=50)


def test_export_csv_and_json_contain_the_rows(instrument):
    factories.call(title="Zqfirst call", slug="zqfirst-call", instrument=instrument)

    csv_text = InstrumentResource().export(Instrument.objects.filter(pk=instrument.pk)).csv
    calls = json.loads(CallResource().export(Call.objects.filter(instrument=instrument)).json)

    assert "zqgrant" in csv_text and "zqfunding-agency" in csv_text
    assert calls[0]["slug"] == "zqfirst-call" and calls[0]["instrument"] == "zqgrant"


@pytest.mark.parametrize("model", [Instrument, Call])
def test_admin_export_page_answers(admin_client, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")
    assert admin_client.get(url).status_code == 200


def test_reimporting_an_export_updates_instead_of_duplicating(admin_client, instrument):
    exported = InstrumentResource().export(Instrument.objects.filter(pk=instrument.pk)).csv
    changed = exported.replace("Zqgrant", "Zqgrant renamed")
    before = Instrument.objects.count()

    response = dry_run(admin_client, Instrument, changed.encode())
    assert response.status_code == 200
    assert "confirm_form" in response.context
    confirm(admin_client, Instrument, response)

    assert Instrument.objects.count() == before
    instrument.refresh_from_db()
    assert instrument.name == "Zqgrant renamed"
    assert instrument.managing_body.slug == "zqfunding-agency"


def test_json_import_of_organisations(admin_client):
    rows = [{"slug": "zqjson-pole", "name": "Zqjson pole", "kind": "pole", "country": "FR", "tags": "zqa, zqb"}]
    response = dry_run(admin_client, OrganisationResource._meta.model, json.dumps(rows).encode(), JSON, "o.json")
    confirm(admin_client, OrganisationResource._meta.model, response)

    organisation = OrganisationResource._meta.model.objects.get(slug="zqjson-pole")
    assert sorted(organisation.tags.names()) == ["zqa", "zqb"]


BAD_INSTRUMENTS = (
    "slug,name,kind,level,co_funding_rate,start_date,end_date\n"
    "zqgood,Zqgood,grant,national,40,2020-01-01,2021-01-01\n"
    "zqrate,Zqrate,grant,national,120,,\n"
    "zqbackwards,Zqbackwards,grant,national,,2021-01-01,2020-01-01\n"
)


def test_bad_rows_are_shown_in_the_dry_run_and_nothing_is_saved(admin_client):
    before = Instrument.objects.count()

    response = dry_run(admin_client, Instrument, BAD_INSTRUMENTS.encode())

    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    html = response.content.decode()
    assert "between 0 and 100" in html or "less than or equal to 100" in html
    assert "cannot end before it starts" in html
    assert "confirm_form" not in response.context
    assert Instrument.objects.count() == before


def test_unknown_instrument_slug_is_a_row_error(admin_client, instrument):
    content = "slug,title,instrument\nzqok-call,Zqok call,zqgrant\nzqlost-call,Zqlost call,zqno-such-instrument\n"

    response = dry_run(admin_client, Call, content.encode())

    assert response.status_code == 200
    assert response.context["result"].has_errors() or response.context["result"].has_validation_errors()
    assert not Call.objects.filter(slug__in=["zqok-call", "zqlost-call"]).exists()


def test_confirmed_import_with_a_bad_row_saves_nothing(admin_client):
    # The confirmation step posted for a file with bad rows, as if the dry run had been skipped.
    stored = TempFolderStorage(encoding="utf-8", read_mode="r")
    stored.save(BAD_INSTRUMENTS.encode())
    before = Instrument.objects.count()

    response = admin_client.post(
        reverse("admin:funding_instrument_process_import"),
        {"import_file_name": stored.name, "original_file_name": "bad.csv", "format": CSV, "resource": "0"},
        follow=True,
    )

    assert response.status_code == 200
    assert Instrument.objects.count() == before
    assert not Instrument.objects.filter(slug="zqgood").exists()
    assert "Nothing was imported" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "fmt", "name"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00binary", CSV, "image.csv"), (b"{not json", JSON, "broken.json")],
)
def test_a_malformed_file_is_a_clear_error(admin_client, content, fmt, name):
    before = Instrument.objects.count()

    response = dry_run(admin_client, Instrument, content, fmt, name)

    assert response.status_code == 200
    assert response.context["form"].errors or response.context["result"].has_errors()
    assert "confirm_form" not in response.context
    assert Instrument.objects.count() == before
