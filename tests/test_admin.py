"""The admin is the editing UI: every model can be listed, searched and added; changelists stay
within a fixed number of queries; bad input is a form error, never a 500, and saves nothing."""

import datetime
import itertools

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import AlternativeName, Ecosystem, Membership, Organisation
from funding.models import Eligibility, Instrument, Project
from tests.admin_helpers import add_inline_row, admin_form_data, inline_formset
from visits.models import Attachment, Finding, FollowUp, ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db

OUR_APPS = ("clusters", "visits", "funding")
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in OUR_APPS), key=lambda m: m._meta.label
)
_serial = itertools.count(1)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def make_organisation(name=None, **fields) -> Organisation:
    fields.setdefault("kind", Organisation.Kind.CLUSTER)
    return Organisation.objects.create(name=name or f"Test organisation {next(_serial)}", **fields)


def make_visit(title=None, **fields) -> Visit:
    fields.setdefault("kind", Visit.Kind.STUDY_VISIT)
    fields.setdefault("start_date", datetime.date(2012, 4, 16))
    return Visit.objects.create(title=title or f"Test visit {next(_serial)}", **fields)


def make_instrument(name=None, **fields) -> Instrument:
    fields.setdefault("kind", Instrument.Kind.GRANT)
    fields.setdefault("level", Instrument.Level.NATIONAL)
    return Instrument.objects.create(name=name or f"Test instrument {next(_serial)}", **fields)


# Every registered model: listed, searched, added. Generated from the registry, so a model
# registered tomorrow is covered without touching this file.


def test_every_model_of_our_apps_is_registered():
    models = {
        model
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")  # history is shown on each record's own page
        # A proxy of a default many-to-many table only carries that table's triggers (pgtrigger).
        and not (model._meta.proxy and model._meta.concrete_model._meta.auto_created)
    }
    assert models - set(REGISTERED) == set()


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_changelist_answers(admin_client, model):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_changelist_search_answers(admin_client, model):
    assert admin_client.get(admin_url(model, "changelist"), {"q": "x"}).status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_add_page_answers(admin_client, model):
    assert admin_client.get(admin_url(model, "add")).status_code == 200


# Changelists read a page of rows in a fixed number of queries, however many rows there are.


def _organisation_rows(mark: str, count: int) -> None:
    ecosystem, _ = Ecosystem.objects.get_or_create(slug="test-ecosystem", defaults={"name": "Test ecosystem"})
    for _i in range(count):
        organisation = make_organisation(f"{mark} cluster {next(_serial)}", acronym="TC", country="FR")
        organisation.ecosystems.add(ecosystem)
        AlternativeName.objects.create(organisation=organisation, name=f"Alt {next(_serial)}")


def _visit_rows(mark: str, count: int) -> None:
    project = Project.objects.create(name=f"Project {next(_serial)}", instrument=make_instrument())
    for _i in range(count):
        visit = make_visit(f"{mark} visit {next(_serial)}", organiser=make_organisation(), project=project)
        visit.hosts.add(make_organisation())


def _instrument_rows(mark: str, count: int) -> None:
    parent = make_instrument()
    for _i in range(count):
        make_instrument(f"{mark} instrument {next(_serial)}", managing_body=make_organisation(), parent=parent)


@pytest.mark.parametrize(
    ("model", "make_rows"),
    [(Organisation, _organisation_rows), (Visit, _visit_rows), (Instrument, _instrument_rows)],
    ids=["organisation", "visit", "instrument"],
)
def test_changelist_query_count_does_not_grow_with_rows(admin_client, model, make_rows):
    mark = "Qcountmark"  # Searching for it shows only this test's rows, whatever else the database holds.
    url = admin_url(model, "changelist")

    def changelist_queries(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(url, {"q": mark})
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == expected_rows
        return len(queries)

    make_rows(mark, 3)
    admin_client.get(url)  # Warm the session and any per-process caches.
    with_3 = changelist_queries(3)
    make_rows(mark, 27)
    assert changelist_queries(30) == with_3


# A visit is entered on one page.


@pytest.fixture
def visit_with_parts():
    visit = make_visit(organiser=make_organisation())
    host = make_organisation()
    visit.hosts.add(host)
    ItineraryStop.objects.create(visit=visit, day=1, host=host, place="Technopark")
    Participant.objects.create(visit=visit, role=Participant.Role.DELEGATE, person_name="Ivan Petrov")
    Finding.objects.create(
        visit=visit, text="The state pays part of research.", figure_label="State share", value=40, unit="percent"
    )
    FollowUp.objects.create(visit=visit, action="Return visit", owner=host, outcome=make_visit())
    return visit


def test_visit_change_page_shows_every_inline(admin_client, visit_with_parts):
    response = admin_client.get(admin_url(Visit, "change", visit_with_parts.pk))
    assert response.status_code == 200
    rows = {inline.formset.model: len(inline.formset.forms) for inline in response.context["inline_admin_formsets"]}
    assert rows == {ItineraryStop: 1, Participant: 1, Finding: 1, FollowUp: 1, Attachment: 0}


def test_visit_change_page_saves_back_unchanged(admin_client, visit_with_parts):
    url = admin_url(Visit, "change", visit_with_parts.pk)
    response = admin_client.post(url, admin_form_data(admin_client.get(url)))
    assert response.status_code == 302
    assert visit_with_parts.findings.get().value == 40


def test_visit_and_its_parts_are_saved_from_one_page(admin_client):
    url = admin_url(Visit, "add")
    response = admin_client.get(url)
    data = admin_form_data(response)
    data.update(title="Study tour to Tomsk", kind="study_visit", start_date="2012-04-16", end_date="2012-04-20")
    host = make_organisation()
    add_inline_row(response, data, ItineraryStop, day=1, host=host.pk, place="Technopark")
    add_inline_row(response, data, Participant, role="delegate", person_name="Anna Weber")
    add_inline_row(response, data, Finding, text="State share", value="40", unit="percent")
    add_inline_row(response, data, FollowUp, action="Return visit", status="planned")

    assert admin_client.post(url, data).status_code == 302
    visit = Visit.objects.get(title="Study tour to Tomsk")
    assert (visit.stops.count(), visit.participants.count(), visit.findings.count(), visit.follow_ups.count()) == (
        1,
        1,
        1,
        1,
    )


def test_visit_publish_action_refuses_a_foreign_report_without_english_summary(admin_client):
    english = make_visit(language="en")
    russian = make_visit(language="ru", summary_en="")
    response = admin_client.post(
        admin_url(Visit, "changelist"), {"action": "publish", "_selected_action": [english.pk, russian.pk]}
    )
    assert response.status_code == 302
    english.refresh_from_db()
    russian.refresh_from_db()
    assert (english.status, russian.status) == (Visit.Status.PUBLISHED, Visit.Status.DRAFT)
    assert english.published_at is not None


def test_visit_unpublish_action_returns_visits_to_draft(admin_client):
    visit = make_visit(status=Visit.Status.PUBLISHED)
    admin_client.post(admin_url(Visit, "changelist"), {"action": "unpublish", "_selected_action": [visit.pk]})
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT


# Bad input: a form error on the page (200, not 500), and nothing saved.


def _visit_add_data(admin_client, **fields):
    response = admin_client.get(admin_url(Visit, "add"))
    data = admin_form_data(response)
    data.update(title="Delegation to Lyon", kind="study_visit", start_date="2013-06-10")
    data.update(fields)
    return response, data


def test_visit_ending_before_it_starts_is_a_form_error(admin_client):
    _, data = _visit_add_data(admin_client, end_date="2013-06-01")
    before = Visit.objects.count()

    response = admin_client.post(admin_url(Visit, "add"), data)

    assert response.status_code == 200
    assert "A visit cannot end before it starts." in response.context["adminform"].form.non_field_errors()
    assert Visit.objects.count() == before


def test_visit_with_valid_dates_is_saved(admin_client):
    _, data = _visit_add_data(admin_client, end_date="2013-06-12")
    assert admin_client.post(admin_url(Visit, "add"), data).status_code == 302
    assert Visit.objects.filter(title="Delegation to Lyon", end_date=datetime.date(2013, 6, 12)).exists()


def test_visit_with_a_finding_over_100_percent_saves_nothing(admin_client):
    response, data = _visit_add_data(admin_client)
    add_inline_row(response, data, ItineraryStop, day=1, place="Lyon")
    add_inline_row(response, data, Finding, text="Share", value="150", unit="percent")
    counts = (Visit.objects.count(), ItineraryStop.objects.count(), Finding.objects.count())

    response = admin_client.post(admin_url(Visit, "add"), data)

    assert response.status_code == 200
    assert "A percentage must be between 0 and 100." in inline_formset(response, Finding).forms[0].non_field_errors()
    assert (Visit.objects.count(), ItineraryStop.objects.count(), Finding.objects.count()) == counts


def test_finding_value_without_unit_is_a_form_error(admin_client):
    response, data = _visit_add_data(admin_client)
    add_inline_row(response, data, Finding, text="Share", value="12")
    before = Visit.objects.count()

    response = admin_client.post(admin_url(Visit, "add"), data)

    assert response.status_code == 200
    assert b"A figure needs both a value and a unit." in response.content
    assert Visit.objects.count() == before


def test_instrument_rate_over_100_is_a_form_error(admin_client):
    url = admin_url(Instrument, "add")
    data = admin_form_data(admin_client.get(url))
    data.update(name="Innovation Express", kind="grant", level="multilateral", co_funding_rate="120")
    before = Instrument.objects.count()

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "co_funding_rate" in response.context["adminform"].form.errors
    assert Instrument.objects.count() == before

    data["co_funding_rate"] = "80"
    assert admin_client.post(url, data).status_code == 302
    assert Instrument.objects.filter(name="Innovation Express", co_funding_rate=80).exists()


def test_eligibility_rate_over_100_is_a_form_error_and_saves_nothing(admin_client):
    instrument = make_instrument()
    url = admin_url(Instrument, "change", instrument.pk)
    response = admin_client.get(url)
    data = admin_form_data(response)
    data["name"] = "Renamed in the same post"
    add_inline_row(response, data, Eligibility, beneficiary_type="sme", co_funding_rate="120")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "co_funding_rate" in inline_formset(response, Eligibility).forms[0].errors
    instrument.refresh_from_db()
    assert instrument.name != "Renamed in the same post"
    assert not instrument.eligibilities.exists()


def test_instrument_cannot_be_its_own_parent(admin_client):
    instrument = make_instrument()
    url = admin_url(Instrument, "change", instrument.pk)
    data = admin_form_data(admin_client.get(url))
    data["parent"] = str(instrument.pk)

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    instrument.refresh_from_db()
    assert instrument.parent_id is None


def test_organisation_slug_taken_is_a_form_error(admin_client):
    make_organisation("Pôle Taken", slug="zq-taken-slug")
    url = admin_url(Organisation, "add")
    data = admin_form_data(admin_client.get(url))
    data.update(name="Another pole", kind="pole", slug="zq-taken-slug")
    before = Organisation.objects.count()

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors["slug"])
    assert Organisation.objects.count() == before


def test_organisation_member_split_over_100_is_a_form_error(admin_client):
    url = admin_url(Organisation, "add")
    data = admin_form_data(admin_client.get(url))
    data.update(
        name="Split cluster", kind="cluster", members_small_pct="60", members_medium_pct="30", members_large_pct="20"
    )
    before = Organisation.objects.count()

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "member split" in str(response.context["adminform"].form.non_field_errors())
    assert Organisation.objects.count() == before

    data["members_large_pct"] = "10"
    assert admin_client.post(url, data).status_code == 302
    assert Organisation.objects.filter(name="Split cluster").exists()


def test_organisation_cannot_be_its_own_member(admin_client):
    organisation = make_organisation()
    url = admin_url(Organisation, "change", organisation.pk)
    response = admin_client.get(url)
    data = admin_form_data(response)
    add_inline_row(response, data, Membership, member=organisation.pk, role="member")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert b"An organisation cannot be a member of itself." in response.content
    assert not Membership.objects.filter(group=organisation).exists()


def test_organisation_with_members_and_names_is_saved_from_one_page(admin_client):
    member = make_organisation()
    url = admin_url(Organisation, "add")
    response = admin_client.get(url)
    data = admin_form_data(response)
    data.update(name="Pôle Mer Méditerranée", kind="pole", country="FR")
    add_inline_row(response, data, AlternativeName, name="Pole Mer", kind="spelling")
    add_inline_row(response, data, Membership, member=member.pk, role="anchor")

    assert admin_client.post(url, data).status_code == 302
    pole = Organisation.objects.get(name="Pôle Mer Méditerranée")
    assert pole.slug == "pole-mer-mediterranee"
    assert list(pole.alternative_names.values_list("name", flat=True)) == ["Pole Mer"]
    assert list(pole.members.all()) == [member]


# Organisations are picked by autocomplete, found by acronym and by any alternative name.


def _hosts_autocomplete(admin_client, term: str) -> list[str]:
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "visits", "model_name": "visit", "field_name": "hosts", "term": term},
    )
    assert response.status_code == 200
    return [result["id"] for result in response.json()["results"]]


def test_autocomplete_finds_an_organisation_by_acronym(admin_client):
    organisation = make_organisation("Zqx Innovation Cluster", acronym="ZQXIC")
    assert _hosts_autocomplete(admin_client, "zqxic") == [str(organisation.pk)]


def test_autocomplete_finds_an_organisation_by_alternative_name_once(admin_client):
    organisation = make_organisation("Кластер Зкщ")
    AlternativeName.objects.create(organisation=organisation, name="Zqk Cluster", kind="transliteration")
    AlternativeName.objects.create(organisation=organisation, name="Zqk Klaster", kind="spelling")
    assert _hosts_autocomplete(admin_client, "Zqk") == [str(organisation.pk)]
