"""The soak (bench/soak.py): the editor's admin forms read from their HTML post back as a browser
would (a creation and an update through the real admin), the errors and latencies are counted
against the right restart, and - only with SOAK_SMOKE=1, never in `make test` - a one-minute
soak with its own PostgreSQL, Redis and two gunicorn servers passes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from bench.soak import latencies, restart_errors
from bench.soak_client import CHANGE_URL, Record, read_form
from clusters.models import Organisation

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor_client(django_user_model):
    client = Client(enforce_csrf_checks=True)  # the token must come from the form, as for the soak
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.invalid", "x"))
    return client


@pytest.mark.django_db
def test_the_editor_creates_and_updates_an_organisation_from_the_forms_html(editor_client):
    add = "/admin/clusters/organisation/add/"
    data = read_form(editor_client.get(add).content.decode(), "organisation_form")
    assert sum(name.endswith("-TOTAL_FORMS") for name in data) == 4  # each inline's management form
    data.update(name=["Soak test organisation"], slug=["soak-test"], confirm_new=["on"], _continue=["1"])
    response = editor_client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    pk = int(CHANGE_URL.search(response["Location"])[1])

    change = f"/admin/clusters/organisation/{pk}/change/"
    data = read_form(editor_client.get(change).content.decode(), "organisation_form")
    assert data["name"] == ["Soak test organisation"]
    data.update(description=["Updated by the soak's editor."], _continue=["1"])
    response = editor_client.post(change, data)
    assert response.status_code == 302 and response["Location"].endswith(change)
    assert Organisation.objects.get(pk=pk).description == "Updated by the soak's editor."


def test_read_form_takes_checked_boxes_selected_options_and_a_required_selects_first_choice():
    html = """
    <form id="logout-form" method="post"><input name="csrfmiddlewaretoken" value="other"></form>
    <form id="thing_form" method="post">
      <input type="hidden" name="csrfmiddlewaretoken" value="token">
      <input name="name" value="A &amp; B"><input type="checkbox" name="on_box" checked>
      <input type="checkbox" name="off_box"><input type="submit" name="_save" value="Save">
      <select name="kind" required><option value="">---</option><option value="cluster">Cluster</option></select>
      <select name="tags" multiple><option value="1" selected>a</option><option value="2" selected>b</option></select>
      <textarea name="description">
Text</textarea>
    </form>"""
    assert read_form(html, "thing_form") == {
        "csrfmiddlewaretoken": ["token"],
        "name": ["A & B"],
        "on_box": ["on"],
        "kind": ["cluster"],
        "tags": ["1", "2"],
        "description": ["Text"],
    }


def test_errors_count_against_the_restart_they_overlap_and_latencies_leave_its_window_out():
    events = [("PostgreSQL", 100.0, 101.0), ("Redis", 200.0, 200.5)]
    records = [
        Record(99.5, 100.2, 503, "anonymous"),  # began before the restart, failed during it
        Record(102.5, 102.9, 0, "editor"),  # within 2 s after PostgreSQL was back
        Record(150.0, 150.1, 500, "signed-in"),  # near no restart: counted outside
        Record(150.0, 150.05, 200, "anonymous"),
        Record(100.5, 100.9, 200, "anonymous"),  # inside the window: not in the latencies
    ]
    around, outside = restart_errors(records, events, window=2)
    assert [(what, len(errors)) for what, _, _, errors in around] == [("PostgreSQL", 2), ("Redis", 0)]
    assert outside == [records[2]]
    assert latencies(records, events) == pytest.approx([50.0, 100.0])
    assert latencies(records, events, "anonymous") == pytest.approx([50.0])


@pytest.mark.skipif(not os.environ.get("SOAK_SMOKE"), reason="one-minute soak: only with SOAK_SMOKE=1")
def test_a_one_minute_soak_loses_no_acknowledged_write_and_errs_only_around_the_restarts():
    result = subprocess.run(
        [sys.executable, "-m", "bench.soak"],
        cwd=BASE_DIR,
        env={**os.environ, "SOAK_SECONDS": "60"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " 0 lost" in result.stdout
