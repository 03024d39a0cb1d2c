"""Organisations are found whatever the accents and case, and the admin does not let an editor
create one that is already on record without saying so."""

import pytest
from django.urls import reverse

from clusters.models import AlternativeName, Organisation
from tests import factories
from tests.admin_helpers import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:clusters_organisation_add")


@pytest.fixture
def existing():
    pole = factories.organisation(name="Pôle Véhicule du Futur", kind="pole", country="FR")
    viameca = factories.organisation(name="Zqvia Mecanica", acronym="ZQVIAMECA", kind="pole", country="FR")
    pnb = factories.organisation(name="Zqpartners in Nuclear Business", kind="pole", country="FR")
    AlternativeName.objects.create(organisation=pnb, name="ZQPNB", kind="acronym")
    return {"pole": pole, "viameca": viameca, "pnb": pnb}


def post_add(client, name, **extra):
    data = admin_form_data(client.get(ADD_URL))
    data.update(name=name, kind="cluster", slug="", **extra)
    return client.post(ADD_URL, data)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Pole Vehicule du Futur", "pole"),  # accents
        ("zqvia mecanica", "viameca"),  # case
        ("ZQVIAMECA", "viameca"),  # an acronym, in capitals
        ("Vehicule du Futur", "pole"),  # a missing word
        ("Zqvia Mecannica", "viameca"),  # a typo
        ("ZqPNB", "pnb"),  # an alternative name
    ],
)
def test_similar_names_proposes_the_existing_organisation(existing, typed, key):
    assert existing[key] in Organisation.objects.similar_names(typed)


def test_similar_names_proposes_nothing_for_an_unrelated_name(existing):
    assert not Organisation.objects.similar_names("Blue Ocean Harbour Logistics").exists()


def test_similar_names_leaves_out_the_record_being_edited(existing):
    assert existing["pole"] not in Organisation.objects.similar_names(
        "Pôle Véhicule du Futur", exclude_pk=existing["pole"].pk
    )


def test_admin_add_shows_candidates_and_saves_nothing_unconfirmed(admin_client, existing):
    before = Organisation.objects.count()

    response = post_add(admin_client, "Pole Vehicule du Futur")

    assert response.status_code == 200
    assert Organisation.objects.count() == before
    html = response.content.decode()
    assert "Create anyway" in html
    assert reverse("admin:clusters_organisation_change", args=[existing["pole"].pk]) in html
    assert "France" in html and "Pole of competitiveness" in html


def test_admin_add_create_anyway_saves(admin_client, existing):
    response = post_add(admin_client, "Pole Vehicule du Futur", confirm_new="on")

    assert response.status_code == 302
    assert Organisation.objects.filter(name="Pole Vehicule du Futur").exists()


def test_admin_add_of_an_unrelated_name_saves_at_once(admin_client, existing):
    assert post_add(admin_client, "Blue Ocean Harbour Logistics").status_code == 302


def test_admin_rename_to_an_existing_name_asks_first(admin_client, existing):
    other = factories.organisation(name="Zqunrelated Robotics Guild")
    url = reverse("admin:clusters_organisation_change", args=[other.pk])
    data = admin_form_data(admin_client.get(url))
    data["name"] = "ZQVIAMECA"

    assert admin_client.post(url, data).status_code == 200
    other.refresh_from_db()
    assert other.name == "Zqunrelated Robotics Guild"


def test_popup_offers_to_select_the_existing_organisation(admin_client, existing):
    query = {"_popup": "1", "_to_field": "id"}
    data = admin_form_data(admin_client.get(ADD_URL, query))
    data.update(name="Pole Vehicule du Futur", kind="cluster", **query)

    response = admin_client.post(f"{ADD_URL}?_popup=1&_to_field=id", data)

    select_url = reverse("admin:clusters_organisation_select", args=[existing["pole"].pk])
    assert select_url in response.content.decode()
    selected = admin_client.get(select_url, query)
    assert selected.status_code == 200
    assert f'"value": "{existing["pole"].pk}"' in selected.context["popup_response_data"]


# The autocomplete behind every organisation field (visit hosts and delegation, stop host...).


@pytest.mark.parametrize(
    ("term", "name"),
    [
        ("pole vehicule", "Pôle Véhicule du Futur"),
        ("isim", "ZqİŞİM Kümesi"),
        ("dusseldorf", "Zqcluster Düsseldorf"),
        ("zqpnb", "Zqpartners in Nuclear Business"),
        ("VEHICULE futur", "Pôle Véhicule du Futur"),
    ],
)
def test_autocomplete_is_blind_to_accents_and_case(admin_client, existing, term, name):
    factories.organisation(name="ZqİŞİM Kümesi")
    factories.organisation(name="Zqcluster Düsseldorf")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "visits", "model_name": "visit", "field_name": "hosts", "term": term},
    )
    assert response.status_code == 200
    assert name in [result["text"] for result in response.json()["results"]]


@pytest.mark.parametrize(
    ("model_name", "field_name"), [("visit", "hosts"), ("visit", "delegation"), ("itinerarystop", "host")]
)
def test_autocomplete_answers_for_each_visit_organisation_field(admin_client, existing, model_name, field_name):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "visits", "model_name": model_name, "field_name": field_name, "term": "vehicule"},
    )
    assert response.status_code == 200
    assert "Pôle Véhicule du Futur" in [result["text"] for result in response.json()["results"]]


def test_add_another_popup_saves_and_answers_with_the_popup_response(admin_client):
    query = {"_popup": "1", "_to_field": "id"}
    data = admin_form_data(admin_client.get(ADD_URL, query))
    data.update(name="Zqnew Delegation Bureau", kind="agency", **query)

    response = admin_client.post(f"{ADD_URL}?_popup=1&_to_field=id", data)

    created = Organisation.objects.get(name="Zqnew Delegation Bureau")
    assert response.status_code == 200
    assert "admin/popup_response.html" in [t.name for t in response.templates]
    assert f'"value": "{created.pk}"' in response.context["popup_response_data"]
