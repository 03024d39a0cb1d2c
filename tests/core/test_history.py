"""Who changed a record, when and what: an edit through the admin is recorded with its user and
the changed field, the history page shows the old and the new value, and reverting restores it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories
from tests.admin_helpers import _rendered_value, admin_form_data

pytestmark = pytest.mark.django_db

# (factory, the field edited, its verbose name as the history page shows it)
RECORDS = [
    (factories.visit, "title", "Title"),
    (factories.organisation, "name", "Name"),
    (factories.instrument, "name", "Name"),
    (factories.call, "title", "Title"),
]
IDS = ["visit", "organisation", "instrument", "call"]


def _admin(obj, view: str, *args) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk, *args])


def _main_form_data(response) -> dict:
    """The history form page has no inlines: only the main form, as rendered."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = _rendered_value(form[name])
        if value is not None:
            data[form.add_prefix(name)] = value
    return data


@pytest.fixture
def chief(client, django_user_model):
    user = django_user_model.objects.create_user(username="chief", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Admins"))
    client.force_login(user)
    return user


@pytest.fixture(params=RECORDS, ids=IDS)
def edited(request, client, chief):
    """A record renamed from "Before history edit" to "After history edit" through the admin."""
    make, field, label = request.param
    obj = make(**{field: "Before history edit"})
    url = _admin(obj, "change")
    data = admin_form_data(client.get(url))
    data[field] = "After history edit"
    assert client.post(url, data).status_code == 302
    obj.refresh_from_db()
    return obj, field, label


def test_an_admin_edit_records_the_user_and_the_changed_field(edited, chief):
    obj, field, _ = edited
    latest = obj.history.latest()
    assert latest.history_user == chief
    delta = latest.diff_against(latest.prev_record)
    assert {(c.field, c.old, c.new) for c in delta.changes if c.field == field} == {
        (field, "Before history edit", "After history edit")
    }


def test_the_history_page_shows_old_and_new_value(client, edited):
    obj, _, label = edited
    response = client.get(_admin(obj, "history"))
    assert response.status_code == 200
    changes = response.context["page_obj"][0].history_delta_changes
    assert {"field": label, "old": "Before history edit", "new": "After history edit"} in changes
    html = response.content.decode()
    assert "Before history edit" in html and "After history edit" in html and "chief" in html


def test_reverting_through_the_admin_restores_the_old_value(client, edited, chief):
    obj, field, _ = edited
    first = obj.history.earliest()
    url = _admin(obj, "simple_history", first.history_id)
    page = client.get(url)
    assert page.status_code == 200
    assert "Revert" in page.content.decode()
    assert client.post(url, _main_form_data(page)).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == "Before history edit"
    assert obj.history.latest().history_user == chief
