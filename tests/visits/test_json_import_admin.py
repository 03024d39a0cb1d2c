"""The "Import visits (JSON)" admin page: upload, dry-run report, confirm; for staff who may add
visits; the confirmation checks the file again and takes nothing from the browser but its choice."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from visits.admin_import import SESSION_KEY
from visits.json_import import MAX_BYTES
from visits.models import Visit

pytestmark = pytest.mark.django_db

URL = reverse("admin:visits_visit_import_json")
CHANGELIST = reverse("admin:visits_visit_changelist")
EXAMPLE = Path(__file__).parent / "data" / "visits_example.json"


def upload(data: bytes, name: str = "visits.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/json")


def staff_user(*permissions: str):
    user = get_user_model().objects.create_user("importer", password="a-long-test-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="visits", codename__in=permissions))
    return user


@pytest.fixture
def importer(client):
    client.force_login(staff_user("view_visit", "add_visit"))
    return client


def check(client, data: bytes = None):
    return client.post(URL, {"file": upload(EXAMPLE.read_bytes() if data is None else data)})


def test_the_changelist_offers_the_import(importer):
    assert URL in importer.get(CHANGELIST).content.decode()


def test_the_page_shows_the_upload_form(importer):
    response = importer.get(URL)

    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_a_dry_run_reports_and_saves_nothing(importer):
    before = Visit.objects.count()

    response = check(importer)

    assert response.status_code == 200
    html = response.content.decode()
    assert "2 visits, 2 stops, 3 participants, 1 finding, 1 follow-up would be created." in html
    assert "delegation[0]: &#x27;ISIM&#x27; is İŞİM (isim)" in html
    assert 'name="confirm"' in html
    assert Visit.objects.count() == before


def test_confirming_imports_the_checked_file(importer):
    digest = check(importer).context["digest"]

    response = importer.post(URL, {"confirm": digest})

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST
    assert Visit.objects.filter(title__startswith="Example:", status="draft").count() == 2
    assert SESSION_KEY not in importer.session
    assert "2 visits, 2 stops" in importer.get(CHANGELIST).content.decode()


def test_confirming_checks_the_file_again(importer):
    digest = check(importer).context["digest"]
    Visit.objects.create(title="Example: a one-day workshop", kind="workshop", start_date="2019-05-06")

    response = importer.post(URL, {"confirm": digest})

    assert response.status_code == 400
    assert (
        "visit 2 (&#x27;Example: a one-day workshop&#x27;), title: a visit with this title" in response.content.decode()
    )
    assert not Visit.objects.filter(title="Example: textile cluster exchange in Lyon").exists()


def test_a_confirmation_without_a_checked_file_imports_nothing(importer):
    before = Visit.objects.count()

    response = importer.post(URL, {"confirm": "0" * 64})

    assert response.status_code == 400
    assert "upload it again" in response.content.decode()
    assert Visit.objects.count() == before


def test_errors_are_listed_and_nothing_is_saved(importer):
    rows = [{"title": "Bad", "kind": "picnic", "start_date": "2019-01-01"}]

    response = check(importer, json.dumps(rows).encode())

    assert response.status_code == 400
    html = response.content.decode()
    assert "visit 1 (&#x27;Bad&#x27;), kind: Value &#x27;picnic&#x27; is not a valid choice." in html
    assert 'name="confirm"' not in html
    assert not Visit.objects.filter(title="Bad").exists()


def test_invalid_json_says_where(importer):
    response = check(importer, b'[{"title": "A",\n}]')

    assert response.status_code == 400
    assert "The file is not valid JSON: Expecting property name enclosed in double quotes at line 2, column 1." in (
        response.content.decode()
    )


def test_a_file_too_big_is_refused(importer):
    response = check(importer, b" " * (MAX_BYTES + 1))

    assert response.status_code == 400
    assert "an import may be at most 5 MB" in response.content.decode()


def test_a_post_without_a_file_is_a_form_error(importer):
    response = importer.post(URL, {})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_staff_who_may_not_add_visits_are_refused(client):
    client.force_login(staff_user("view_visit", "change_visit"))

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"file": upload(EXAMPLE.read_bytes())}).status_code == 403
    assert URL not in client.get(CHANGELIST).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
