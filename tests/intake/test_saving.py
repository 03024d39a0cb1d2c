"""save_draft: one reviewed proposal becomes one draft visit with its links, in one transaction."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from clusters.models import Organisation
from intake.proposal import (
    Candidate,
    FindingProposal,
    OrganisationProposal,
    Proposal,
    RecordProposal,
    SameEventProposal,
    StopProposal,
)
from intake.saving import guess_kind, save_draft
from tests import factories
from visits.models import Finding, ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db


def candidate(record) -> Candidate:
    return Candidate(slug=record.slug, name=str(record), score=0.97, reason="name", pk=record.pk)


def proposal(**kwargs) -> Proposal:
    values = {
        "text": "Day 1 at the host. The state funds 40 % of a research project.",
        "language": "en",
        "title": "Study tour of the test delegation",
        "start_date": datetime.date(2013, 4, 16),
        "end_date": datetime.date(2013, 4, 19),
        "date_precision": "day",
        "source": "report.txt",
    }
    values.update(kwargs)
    return Proposal(**values)


@pytest.fixture
def host():
    return factories.organisation(name="Host pole for intake", country="FR")


@pytest.fixture
def delegation():
    return factories.organisation(name="Visiting cluster for intake", country="RU")


def test_saves_a_draft_with_its_links_and_new_organisations(host, delegation):
    project = factories.project(name="Intake test project")
    other = factories.visit(title="The same tour told by its host")
    instrument = factories.instrument(name="Intake test instrument")
    organisations_before = Organisation.objects.count()
    visit = save_draft(
        proposal(
            participants_count=12,
            places=["Lyon", "Zheleznogorsk"],
            countries=["FR", "RU"],
            organisations=[
                OrganisationProposal("the host", host.name, "host", "link", [candidate(host)]),
                OrganisationProposal("the visitors", delegation.name, "delegation", "link", [candidate(delegation)]),
                OrganisationProposal(
                    "Centre Nord", "Centre Nord for intake", "organiser", "create", kind="agency", country="RU"
                ),
                OrganisationProposal("Ignored Ltd", "Ignored Ltd", "participant", "reject"),
            ],
            projects=[RecordProposal("the project", "link", [candidate(project)])],
            instruments=[
                RecordProposal("the instrument", "link", [candidate(instrument)]),
                RecordProposal("an unknown fund", "none"),
            ],
            same_event=[SameEventProposal(other.slug, other.title, 0.8)],
            itinerary=[
                StopProposal(1, datetime.date(2013, 4, 16), host="the host", description="Welcome."),
                StopProposal(None, datetime.date(2013, 4, 17), place="Lyon", description="Fair."),
                StopProposal(None, None, host="the visitors", description="Some day, a talk."),
            ],
            findings=[FindingProposal("The state funds 40 % of a research project.", Decimal(40), "percent", "state")],
        )
    )

    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT
    assert (visit.kind, visit.language, visit.source_citation) == ("study_visit", "en", "report.txt")
    assert visit.report.startswith("Day 1 at the host.")
    assert (visit.start_date, visit.end_date, visit.participants_count) == (
        datetime.date(2013, 4, 16),
        datetime.date(2013, 4, 19),
        12,
    )
    assert (visit.country, visit.city) == ("FR", "Lyon")
    assert list(visit.hosts.all()) == [host]
    assert list(visit.delegation.all()) == [delegation]
    assert visit.organiser.name == "Centre Nord for intake"
    assert visit.organiser.kind == "agency"
    assert visit.project == project
    assert visit.account_of == other
    assert list(visit.instruments.all()) == [instrument]
    assert Organisation.objects.count() == organisations_before + 1
    assert not Organisation.objects.filter(name="Ignored Ltd").exists()
    roles = set(visit.participants.values_list("role", "organisation__name"))
    assert roles == {
        (Participant.Role.DELEGATE, delegation.name),
        (Participant.Role.ORGANISER, "Centre Nord for intake"),
    }
    stops = list(visit.stops.all())
    assert [(s.day, s.host) for s in stops] == [(1, host), (2, None), (None, delegation)]
    finding = visit.findings.get()
    assert (finding.value, finding.unit, finding.figure_label) == (Decimal(40), "percent", "state")


def test_an_invalid_percentage_saves_nothing(host):
    counts = (Visit.objects.count(), Organisation.objects.count(), Finding.objects.count())
    bad = proposal(
        organisations=[OrganisationProposal("New one", "A brand new intake body", "host", "create", kind="cluster")],
        findings=[FindingProposal("Growth of 140 %.", Decimal(140), "percent")],
    )
    with pytest.raises(ValidationError) as error:
        save_draft(bad)
    assert "between 0 and 100" in " ".join(error.value.messages)
    assert "Finding 1" in " ".join(error.value.messages)
    assert (Visit.objects.count(), Organisation.objects.count(), Finding.objects.count()) == counts


def test_a_missing_start_date_or_language_is_refused():
    with pytest.raises(ValidationError, match="start date"):
        save_draft(proposal(start_date=None))
    with pytest.raises(ValidationError, match="language"):
        save_draft(proposal(language=None))


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        save_draft(proposal(end_date=datetime.date(2013, 4, 1)))


def test_a_candidate_no_longer_on_record_is_refused(host):
    gone = Candidate(slug="no-such-organisation", name="Gone", score=0.9, reason="name", pk=None)
    with pytest.raises(ValidationError, match="no longer on record"):
        save_draft(proposal(organisations=[OrganisationProposal("Gone", "Gone", "host", "link", [gone])]))


def test_one_new_organisation_named_twice_is_created_once():
    line = OrganisationProposal("Nowy Klaster", "Nowy Klaster Intake", "host", "create", kind="cluster", country="PL")
    twice = OrganisationProposal("Nowego Klastra", "Nowy Klaster Intake", "participant", "create", country="PL")
    visit = save_draft(proposal(organisations=[line, twice]))
    assert Organisation.objects.filter(name="Nowy Klaster Intake").count() == 1
    assert visit.participants.get().organisation.name == "Nowy Klaster Intake"


def test_an_inferred_year_is_noted_and_days_follow_dates():
    visit = save_draft(
        proposal(
            year_inferred=True,
            itinerary=[StopProposal(None, datetime.date(2013, 4, 18), place="Lyon")],
        )
    )
    assert "2013" in visit.date_note
    assert ItineraryStop.objects.get(visit=visit).day == 3


def test_kind_is_guessed_from_the_title():
    assert guess_kind("EU-Russia cluster workshop") == "workshop"
    assert guess_kind("Konferencja klastrów") == "conference"
    assert guess_kind("Cluster delegation to ViaMeca") == "study_visit"


def test_another_account_points_at_the_first_record():
    first = factories.visit(title="First account of a tour")
    second = factories.visit(title="Second account of a tour", account_of=first)
    visit = save_draft(proposal(same_event=[SameEventProposal(second.slug, second.title, 0.9)]))
    assert visit.account_of == first


def test_a_draft_not_in_english_still_needs_its_english_summary_to_be_published():
    visit = save_draft(proposal(language="tr", title="İŞİM Fransa ziyareti"))
    visit.status = Visit.Status.PUBLISHED
    with pytest.raises(ValidationError, match="English summary"):
        visit.full_clean()
