"""Bulk import of visits from JSON: a dry run saves nothing, a good file saves everything with
its links, any error saves nothing and names the visit and the field."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from visits.json_import import MAX_BYTES, import_visits
from visits.models import Finding, FollowUp, ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).parent / "data" / "visits_example.json"


def as_bytes(content) -> bytes:
    return json.dumps(content).encode()


def visit(**fields) -> dict:
    return {"title": "Imported study tour", "kind": "study_visit", "start_date": "2019-03-11", **fields}


def row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Visit, ItineraryStop, Participant, Finding, FollowUp))


def test_dry_run_reports_the_counts_and_saves_nothing():
    before = row_counts()

    report = import_visits(EXAMPLE.read_bytes(), dry_run=True)

    assert report.ok, report.errors
    assert report.summary() == "2 visits, 2 stops, 3 participants, 1 finding, 1 follow-up would be created."
    assert row_counts() == before


def test_a_good_file_saves_every_part_and_link():
    report = import_visits(EXAMPLE.read_bytes())

    assert report.summary() == "2 visits, 2 stops, 3 participants, 1 finding, 1 follow-up created."
    tour = Visit.objects.get(title="Example: textile cluster exchange in Lyon")
    assert tour.status == Visit.Status.DRAFT
    assert tour.organiser.slug == "isim"
    assert tour.project.slug == "clustem"  # by name
    assert list(tour.instruments.values_list("slug", flat=True)) == ["cosme"]
    assert sorted(tour.hosts.values_list("slug", flat=True)) == ["polytech-lyon", "techtera"]
    assert list(tour.delegation.values_list("slug", flat=True)) == ["isim"]  # "ISIM" folds to "İŞİM"
    assert sorted(tour.tags.names()) == ["example", "textile"]
    stops = list(tour.stops.order_by("day"))
    assert [(s.day, s.host.slug) for s in stops] == [(1, "techtera"), (2, "polytech-lyon")]  # day 2 from its date
    group = tour.participants.get(group="Turkish textile firms")
    assert (group.count, group.country.code, group.role) == (12, "TR", "delegate")
    assert tour.participants.get(person_name="A. Example").organisation.slug == "techtera"
    finding = tour.findings.get()
    assert (finding.value, finding.unit, finding.is_approximate, finding.subject.slug) == (
        70,
        "percent",
        True,
        "techtera",
    )
    follow_up = tour.follow_ups.get()
    assert (follow_up.owner.slug, follow_up.due_date) == ("techtera", datetime.date(2019, 10, 1))
    workshop = Visit.objects.get(title="Example: a one-day workshop")
    assert workshop.country.code == "PL"  # written "Poland"
    assert list(workshop.hosts.values_list("slug", flat=True)) == ["ict-cluster-poland"]


def test_a_bad_row_names_the_visit_and_the_field():
    content = [visit(), visit(title="Tour with a day zero", itinerary=[{"day": 1}, {"day": 2}, {"day": 0}])]

    report = import_visits(as_bytes(content))

    assert report.errors == ["visit 2 ('Tour with a day zero'), itinerary[2].day: Days are counted from 1."]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"kind": "visit"}, "kind: Value 'visit' is not a valid choice."),
        ({"start_date": "2019-02-30"}, "start_date: “2019-02-30” value has the correct format"),
        ({"end_date": "2019-03-01"}, "end_date: A visit cannot end before it starts."),
        ({"participants_count": [3]}, "participants_count: expected a single value"),
        ({"colour": "red"}, "colour: unknown field"),
        ({"contry": "FR"}, "contry: unknown field; did you mean 'country'?"),
        ({"participants": [{"role": "delegate"}]}, "participants[0]: Name a person, an organisation or a group."),
        ({"findings": [{"text": "x", "value": 140, "unit": "percent"}]}, "findings[0].value: A percentage must be"),
        ({"hosts": ["Nowhere Cluster"]}, "hosts[0]: 'Nowhere Cluster' is not on record as an organisation"),
        ({"hosts": [{"slug": "nowhere"}]}, "hosts[0]: no organisation has the slug 'nowhere'"),
        ({"hosts": [7]}, "hosts[0]: expected a slug or a name"),
        ({"hosts": ["x" * 1000]}, f"hosts[0]: '{'x' * 40}…' is too long for a slug or a name (1000 characters)"),
        ({"participants_count": 10**12}, "participants_count: Ensure this value is less than or equal to"),
        ({"project": "Unknown project"}, "project: 'Unknown project' is not on record as a project"),
        ({"instruments": ["Unknown fund"]}, "instruments[0]: 'Unknown fund' is not on record as an instrument"),
        ({"account_of": "no-such-visit"}, "account_of: 'no-such-visit' is not on record as a visit"),
    ],
)
def test_each_kind_of_error_is_named(fields, error):
    report = import_visits(as_bytes([visit(**fields)]))

    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"visit 1 ('Imported study tour'), {error}"), report.errors


def test_a_misspelt_organisation_is_an_error_naming_the_record_meant():
    report = import_visits(as_bytes([visit(hosts=["techtera", "Tehctera"])]))

    assert report.errors == [
        "visit 1 ('Imported study tour'), hosts[1]: 'Tehctera' is not on record; did you mean Techtera (techtera)? "
        "use its slug"
    ]
    assert not Visit.objects.filter(title="Imported study tour").exists()


def test_an_acronym_the_resolver_is_unsure_of_is_offered_not_linked():
    report = import_visits(as_bytes([visit(delegation=["PVF"])]))

    assert report.errors == [
        "visit 1 ('Imported study tour'), delegation[0]: 'PVF' is not on record; "
        "did you mean Pôle Véhicule du Futur (pole-vehicule-du-futur)? use its slug"
    ]


def test_names_link_through_the_identity_resolver():
    content = [visit(hosts=["TECHTERA", "Textile Alsace"], organiser={"name": "Isim"}, instruments=["cosme", "H2020"])]

    import_visits(as_bytes(content))

    tour = Visit.objects.get(title="Imported study tour")
    assert sorted(tour.hosts.values_list("slug", flat=True)) == ["techtera", "textile-alsace"]
    assert tour.organiser.slug == "isim"
    assert sorted(tour.instruments.values_list("slug", flat=True)) == ["cosme", "horizon-2020"]


def test_another_account_of_a_visit_on_record_and_a_stop_of_unknown_day():
    first = "zheleznogorsk-cluster-at-viameca-2013"
    content = [visit(account_of=first, itinerary=[{"place": "Saint-Étienne"}, {"day": 1, "place": "Lyon"}])]

    import_visits(as_bytes(content))

    account = Visit.objects.get(title="Imported study tour")
    assert account.account_of.slug == first
    assert sorted((s.day or 0, s.place) for s in account.stops.all()) == [(0, "Saint-Étienne"), (1, "Lyon")]


def test_one_bad_visit_imports_nothing():
    before = row_counts()
    content = [
        visit(title="Good one", itinerary=[{"day": 1, "place": "Lyon"}]),
        visit(title="Good two", participants=[{"group": "Firms", "count": 3}]),
        visit(title="Bad three", kind="picnic"),
    ]

    report = import_visits(as_bytes(content))

    assert [error.split(",")[0] for error in report.errors] == ["visit 3 ('Bad three')"]
    assert report.summary() == "Nothing imported: 1 error."
    assert row_counts() == before


def test_a_visit_already_on_record_is_refused_with_its_slug():
    existing = Visit.objects.get(slug="zheleznogorsk-cluster-at-viameca-2013")

    report = import_visits(as_bytes([visit(title=existing.title.upper(), start_date="2013-04-16")]))

    assert report.errors == [
        f"visit 1 ('{existing.title.upper()}'), title: a visit with this title and start date is already on record: "
        "zheleznogorsk-cluster-at-viameca-2013"
    ]


def test_the_same_visit_twice_in_one_file_is_refused():
    report = import_visits(as_bytes([visit(), visit()]))

    assert [error.split(",")[0] for error in report.errors] == ["visit 2 ('Imported study tour')"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            b'[{"title": "A",}]',
            "The file is not valid JSON: Expecting property name enclosed in double quotes at line 1",
        ),
        (b"", "The file is empty."),
        (b"\xff\xfe[]", "The file is not UTF-8 text"),
        (b'{"title": "A"}', "The file must hold a list of visits"),
        (b"[]", "The file holds no visits."),
        (b'[{"title": "A", "participants_count": NaN}]', "The file is not valid JSON: NaN is not a JSON number."),
        (b'[{"title": "A\\u0000B"}]', "The file contains a NUL character"),
        (b"[" * 100_000, "The file is not valid JSON"),
        (b" " * (MAX_BYTES + 1), "The file is 5.0 MB; an import may be at most 5 MB."),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(data, error):
    report = import_visits(data)

    assert len(report.errors) == 1
    assert report.errors[0].startswith(error)


def test_the_command_prints_the_summary(capsys):
    call_command("import_visits", str(EXAMPLE), "--dry-run")

    assert "2 visits, 2 stops, 3 participants, 1 finding, 1 follow-up would be created." in capsys.readouterr().out
    assert not Visit.objects.filter(title__startswith="Example:").exists()


def test_the_command_prints_each_error_and_exits_with_1(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_bytes(as_bytes([visit(kind="picnic", hosts=["Nowhere Cluster"])]))

    with pytest.raises(CommandError) as raised:
        call_command("import_visits", str(path))

    assert raised.value.returncode == 1
    assert str(raised.value) == "Nothing imported: 2 errors."
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("visit 1 ('Imported study tour'), kind:")
    assert lines[1].startswith("visit 1 ('Imported study tour'), hosts[0]:")
