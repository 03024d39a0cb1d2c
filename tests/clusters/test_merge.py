"""Merging two records of one organisation moves every relation to the one kept, loses no row,
keeps the other's name, and is all or nothing."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from clusters import services
from clusters.models import AlternativeName, ContactPerson, Ecosystem, Label, Membership, Organisation
from clusters.services import merge_organisations
from funding.models import ProjectPartner
from tests import factories
from visits.models import Finding, FollowUp, ItineraryStop, Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    """A survivor and a duplicate related to everything an organisation can be related to."""
    survivor = factories.organisation(name="Pôle Véhicule du Futur", acronym="PVF", kind="pole")
    duplicate = factories.organisation(
        name="Pole Vehicule Futur", acronym="VDF", kind="pole", country="FR", city="Mulhouse", founded=2005
    )
    other = factories.organisation(name="Zqother member")
    group = factories.organisation(name="Zqgroup network", kind="network")
    ecosystem = Ecosystem.objects.order_by("pk").first()

    visit = factories.visit(organiser=duplicate)
    visit.delegation.add(duplicate)
    visit.hosts.add(duplicate, survivor)  # the survivor already hosts it: one row must go
    duplicate.ecosystems.add(ecosystem)
    duplicate.tags.add("zqmobility")
    rows = {
        "stop": ItineraryStop.objects.create(visit=visit, day=1, host=duplicate),
        "participant": Participant.objects.create(visit=visit, organisation=duplicate),
        "finding": Finding.objects.create(visit=visit, text="A lesson", subject=duplicate),
        "follow_up": FollowUp.objects.create(visit=visit, action="Write back", owner=duplicate),
        "member_of_duplicate": Membership.objects.create(group=duplicate, member=other),
        "duplicate_in_group": Membership.objects.create(group=group, member=duplicate),
        "clashing_membership": Membership.objects.create(group=group, member=survivor),
        "self_membership": Membership.objects.create(group=duplicate, member=survivor),
        "instrument": factories.instrument(managing_body=duplicate),
        "contact": ContactPerson.objects.create(organisation=duplicate, name="Anne Martin"),
        "label": Label.objects.create(organisation=duplicate, kind=Label.Kind.ESCA_GOLD),
        "alternative": AlternativeName.objects.create(organisation=duplicate, name="Zqvehicle of the future"),
    }
    project, shared_project = factories.project(), factories.project()
    rows["partner"] = ProjectPartner.objects.create(project=project, organisation=duplicate)
    ProjectPartner.objects.create(project=shared_project, organisation=survivor)
    rows["clashing_partner"] = ProjectPartner.objects.create(project=shared_project, organisation=duplicate)
    return {
        "survivor": survivor,
        "duplicate": duplicate,
        "visit": visit,
        "ecosystem": ecosystem,
        "group": group,
        "other": other,
        "project": project,
        "shared_project": shared_project,
        **rows,
    }


def snapshot():
    """Every row that can point at an organisation, as comparable values."""
    return {
        model.__name__: sorted(model._base_manager.values_list(*(f.attname for f in model._meta.concrete_fields)))
        for model in {model for model, _field in services._organisation_links()}
    } | {"organisations": sorted(Organisation.objects.values_list("pk", "name", "city"))}


def test_merge_moves_every_relation_to_the_survivor(pair):
    survivor, duplicate = pair["survivor"], pair["duplicate"]

    merge_organisations(survivor=survivor, duplicate=duplicate)

    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    visit = pair["visit"]
    visit.refresh_from_db()
    assert visit.organiser == survivor
    assert list(visit.delegation.all()) == [survivor]
    assert list(visit.hosts.all()) == [survivor]
    for key, field in [
        ("stop", "host"),
        ("participant", "organisation"),
        ("finding", "subject"),
        ("follow_up", "owner"),
        ("instrument", "managing_body"),
        ("contact", "organisation"),
        ("label", "organisation"),
        ("alternative", "organisation"),
        ("partner", "organisation"),
        ("member_of_duplicate", "group"),
    ]:
        row = pair[key]
        row.refresh_from_db()
        assert getattr(row, field) == survivor, key
    assert list(survivor.ecosystems.all()) == [pair["ecosystem"]]
    assert "zqmobility" in survivor.tags.names()


def test_merge_resolves_unique_conflicts_without_losing_other_rows(pair):
    survivor = pair["survivor"]

    merge_organisations(survivor=survivor, duplicate=pair["duplicate"])

    assert Membership.objects.filter(group=pair["group"], member=survivor).count() == 1
    assert not Membership.objects.filter(pk=pair["self_membership"].pk).exists()
    assert not Membership.objects.filter(group=survivor, member=survivor).exists()
    assert Membership.objects.filter(group=survivor, member=pair["other"]).exists()
    assert ProjectPartner.objects.filter(project=pair["shared_project"], organisation=survivor).count() == 1
    assert ProjectPartner.objects.filter(project=pair["project"], organisation=survivor).exists()


def test_merge_fills_blank_fields_and_keeps_the_old_names(pair):
    survivor = merge_organisations(survivor=pair["survivor"], duplicate=pair["duplicate"])

    assert (survivor.city, survivor.founded, survivor.country.code) == ("Mulhouse", 2005, "FR")
    assert survivor.name == "Pôle Véhicule du Futur" and survivor.acronym == "PVF"
    names = dict(survivor.alternative_names.values_list("name", "kind"))
    assert names["Pole Vehicule Futur"] == AlternativeName.Kind.FORMER
    assert names["VDF"] == AlternativeName.Kind.ACRONYM
    assert "Zqvehicle of the future" in names


def test_merge_is_all_or_nothing(pair, monkeypatch):
    before = snapshot()

    def fail(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_fill_blank_fields", fail)
    with pytest.raises(RuntimeError):
        merge_organisations(survivor=pair["survivor"], duplicate=pair["duplicate"])

    assert snapshot() == before


def test_admin_merge_action_asks_which_record_to_keep_then_merges(admin_client, pair):
    survivor, duplicate = pair["survivor"], pair["duplicate"]
    url = reverse("admin:clusters_organisation_changelist")
    selection = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [survivor.pk, duplicate.pk]}

    confirmation = admin_client.post(url, selection)
    assert confirmation.status_code == 200
    assert "Keep which record?" in confirmation.content.decode()
    assert Organisation.objects.filter(pk=duplicate.pk).exists()

    response = admin_client.post(url, {**selection, "survivor": survivor.pk, "confirm_merge": "yes"}, follow=True)

    assert response.status_code == 200
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert "was merged into" in response.content.decode()


def test_admin_merge_action_needs_exactly_two(admin_client, pair):
    url = reverse("admin:clusters_organisation_changelist")
    chosen = [pair["survivor"].pk, pair["duplicate"].pk, pair["other"].pk]

    response = admin_client.post(url, {"action": "merge_selected", ACTION_CHECKBOX_NAME: chosen}, follow=True)

    assert "Select exactly two organisations" in response.content.decode()
    assert Organisation.objects.filter(pk__in=chosen).count() == 3


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="zqeditor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_editor_neither_sees_nor_runs_the_merge_action(client, editor, pair):
    """Merging deletes a record, and editors never delete (issue 18, finding 1)."""
    survivor, duplicate = pair["survivor"], pair["duplicate"]
    url = reverse("admin:clusters_organisation_changelist")
    client.force_login(editor)

    page = client.get(url)
    assert page.status_code == 200
    action_form = page.context["action_form"]  # None when no action is left to offer
    assert action_form is None or "merge_selected" not in dict(action_form.fields["action"].choices)
    assert b"merge_selected" not in page.content

    selection = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [survivor.pk, duplicate.pk]}
    response = client.post(url, {**selection, "survivor": survivor.pk, "confirm_merge": "yes"}, follow=True)
    assert response.status_code in (200, 403)
    assert Organisation.objects.filter(pk=duplicate.pk).exists()
    assert not AlternativeName.objects.filter(organisation=survivor, name=str(duplicate)).exists()


def test_the_merge_view_itself_refuses_a_user_without_delete_permission(rf, editor, pair):
    """Even called directly (not through the action list), the action refuses."""
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied

    model_admin = admin.site._registry[Organisation]
    request = rf.post("/", {"survivor": pair["survivor"].pk, "confirm_merge": "yes"})
    request.user = editor
    queryset = Organisation.objects.filter(pk__in=[pair["survivor"].pk, pair["duplicate"].pk])
    with pytest.raises(PermissionDenied):
        model_admin.merge_selected(request, queryset)
    assert Organisation.objects.filter(pk=pair["duplicate"].pk).exists()


def test_no_admin_action_that_deletes_is_offered_for_a_lesser_permission():
    """Django grants an action to whoever holds any one of its permissions: an action declaring
    "delete" must declare nothing else."""
    from django.contrib import admin

    for model_admin in admin.site._registry.values():
        for action in model_admin.actions or ():
            func = getattr(model_admin, action, None) if isinstance(action, str) else action
            permissions = getattr(func, "allowed_permissions", ())
            if "delete" in permissions:
                assert list(permissions) == ["delete"], (model_admin, action)
