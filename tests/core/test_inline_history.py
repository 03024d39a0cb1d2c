"""History of inline rows: a change to an itinerary stop, a participant, a finding, a label or a
membership made on its parent's admin page is recorded, listed on the parent's history page and
reverted from the row's own history page; a row deleted on the parent's page comes back the same
way. Editors may; anonymous visitors and staff without the role may not."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from clusters.models import Label, Membership
from core.roles import EDITORS
from tests import factories
from tests.admin_helpers import admin_form_data
from tests.core.test_history import _main_form_data
from visits.models import Finding, ItineraryStop, Participant

pytestmark = pytest.mark.django_db


def _admin(obj, view: str, *args) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk, *args])


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def _edit_inline(client, parent, prefix: str, field: str, value: str):
    """Change ``field`` of the first row of the inline ``prefix`` on ``parent``'s admin page."""
    url = _admin(parent, "change")
    data = admin_form_data(client.get(url))
    data[f"{prefix}-0-{field}"] = value
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def _stop():
    visit = factories.visit()
    return ItineraryStop.objects.create(visit=visit, day=1, place="Saint-Etienne")


def test_a_stop_changed_on_the_visit_page_is_recorded_with_its_editor(client, editor):
    stop = _stop()
    _edit_inline(client, stop.visit, "stops", "place", "Lyon")
    latest = stop.history.latest()
    assert latest.place == "Lyon" and latest.history_user == editor
    assert latest.prev_record.place == "Saint-Etienne"


def test_the_visit_history_page_lists_the_change_to_its_stop(client, editor):
    stop = _stop()
    _edit_inline(client, stop.visit, "stops", "place", "Lyon")
    response = client.get(_admin(stop.visit, "history"))
    assert response.status_code == 200
    changes = response.context["inline_changes"]
    assert [(c.history_type, c.place) for c in changes] == [("~", "Lyon"), ("+", "Saint-Etienne")]
    assert _admin(stop, "history") in response.content.decode()


def test_the_inline_row_links_to_its_history(client, editor):
    stop = _stop()
    html = client.get(_admin(stop.visit, "change")).content.decode()
    assert f'href="{_admin(stop, "history")}"' in html


def test_an_editor_reverts_a_stop_to_its_earlier_version(client, editor):
    stop = _stop()
    _edit_inline(client, stop.visit, "stops", "place", "Lyon")
    url = _admin(stop, "simple_history", stop.history.earliest().history_id)
    page = client.get(url)
    assert page.status_code == 200 and "Revert" in page.content.decode()
    assert client.post(url, _main_form_data(page)).status_code == 302
    stop.refresh_from_db()
    assert stop.place == "Saint-Etienne"
    assert stop.history.latest().history_user == editor


def test_a_deleted_stop_is_listed_and_brought_back(client, editor):
    stop = _stop()
    visit, pk = stop.visit, stop.pk
    first = stop.history.earliest()
    stop.delete()
    changes = client.get(_admin(visit, "history")).context["inline_changes"]
    assert changes[0].history_type == "-"
    history_page = client.get(reverse("admin:visits_itinerarystop_history", args=[pk]))
    assert history_page.status_code == 200
    url = reverse("admin:visits_itinerarystop_simple_history", args=[pk, first.history_id])
    page = client.get(url)
    assert client.post(url, _main_form_data(page)).status_code == 302
    assert ItineraryStop.objects.get(pk=pk).place == "Saint-Etienne"


@pytest.mark.parametrize(
    "make, prefix, field, value",
    [
        (lambda v: Participant.objects.create(visit=v, person_name="A. Petrov"), "participants", "person_name", "B"),
        (lambda v: Finding.objects.create(visit=v, text="The state pays 40 %."), "findings", "text", "Changed."),
    ],
    ids=["participant", "finding"],
)
def test_participants_and_findings_are_recorded_and_listed(client, editor, make, prefix, field, value):
    row = make(factories.visit())
    _edit_inline(client, row.visit, prefix, field, value)
    assert getattr(row.history.latest(), field) == value
    changes = client.get(_admin(row.visit, "history")).context["inline_changes"]
    assert [c.history_type for c in changes] == ["~", "+"]


def test_a_label_changed_on_the_organisation_page_is_listed_and_reverted(client, editor):
    label = Label.objects.create(organisation=factories.organisation(), kind=Label.Kind.ESCA_GOLD, note="Before")
    _edit_inline(client, label.organisation, "labels", "note", "After")
    changes = client.get(_admin(label.organisation, "history")).context["inline_changes"]
    assert [(c.history_type, c.note) for c in changes] == [("~", "After"), ("+", "Before")]
    url = _admin(label, "simple_history", label.history.earliest().history_id)
    assert client.post(url, _main_form_data(client.get(url))).status_code == 302
    label.refresh_from_db()
    assert label.note == "Before"


def test_a_membership_changed_on_the_group_page_is_listed(client, editor):
    membership = Membership.objects.create(group=factories.organisation(), member=factories.organisation())
    _edit_inline(client, membership.group, "member_links", "note", "Anchor firm")
    changes = client.get(_admin(membership.group, "history")).context["inline_changes"]
    assert [(c.history_type, c.note) for c in changes] == [("~", "Anchor firm"), ("+", "")]


def test_anonymous_cannot_see_or_revert_a_stop(client):
    stop = _stop()
    first = stop.history.earliest()
    stop.place = "Lyon"
    stop.save()
    assert client.get(_admin(stop, "history")).status_code == 302
    url = _admin(stop, "simple_history", first.history_id)
    response = client.post(url, {"visit": stop.visit_id, "day": 1, "position": 0, "place": "Saint-Etienne"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    stop.refresh_from_db()
    assert stop.place == "Lyon"


def test_staff_without_a_role_cannot_revert_a_stop(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="clerk", password="x", is_staff=True))
    stop = _stop()
    first = stop.history.earliest()
    stop.place = "Lyon"
    stop.save()
    url = _admin(stop, "simple_history", first.history_id)
    response = client.post(url, {"visit": stop.visit_id, "day": 1, "position": 0, "place": "Saint-Etienne"})
    assert response.status_code == 403
    stop.refresh_from_db()
    assert stop.place == "Lyon"
