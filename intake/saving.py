"""Saving a reviewed proposal: one draft visit with all its links, and the organisations the
editor chose to create, in one transaction.

The proposal arrives as the editor left it: rejected lines are gone or say so (organisation,
project and instrument ``action`` "reject"/"none"), every remaining finding and same-event line
is accepted. Every row is validated with ``full_clean`` before it is written, so an editor's
slip (a percentage of 140, an end before the start) comes back as a ``ValidationError`` naming
the line, and the rollback leaves nothing half-saved.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import Truncator

from clusters.models import Organisation
from core.languages import LANGUAGE_CHOICES
from core.models import DatePrecision
from funding.models import Instrument, Project
from intake.proposal import Candidate, OrganisationProposal, Proposal
from visits.models import Finding, ItineraryStop, Participant, Visit

SKIPPED = {"reject", "none", ""}

# Words that name the kind of event, in the seeds' languages; the first kind whose word the
# title contains wins, a delegation visit otherwise (a visit's report often names a fair or a
# conference it went to, so the body is not read).
KIND_WORDS = [
    (Visit.Kind.MATCHMAKING, ["matchmaking", "b2b", "brokerage"]),
    (Visit.Kind.TRADE_FAIR, ["trade fair", "fair ", "salon ", "messe", "fuarı", "fuari", "targi", "fiera", "feria"]),
    (Visit.Kind.EXCHANGE_FORUM, ["exchange forum", "forum"]),
    (Visit.Kind.WORKSHOP, ["workshop", "atelier", "warsztat", "atölye", "çalıştay", "seminar", "séminaire"]),
    (Visit.Kind.CONFERENCE, ["conference", "conférence", "konferenz", "konferans", "konferencja", "congress"]),
    (Visit.Kind.PROJECT_MEETING, ["project meeting", "kick-off", "steering committee"]),
]


def guess_kind(title: str) -> str:
    folded = f" {title.casefold()} "
    for kind, words in KIND_WORDS:
        if any(word in folded for word in words):
            return kind
    return Visit.Kind.STUDY_VISIT


def save_draft(
    proposal: Proposal, *, user=None, kind: str = "", city: str | None = None, country: str | None = None
) -> Visit:
    """The draft visit the reviewed ``proposal`` describes, saved with its links. ``kind``,
    ``city`` and ``country`` override the guesses when given (the review page lets the editor
    set them; an empty country is guessed from the hosts and stops)."""
    with transaction.atomic():
        return _Saver(proposal, user).save(kind=kind, city=city, country=country)


class _Saver:
    def __init__(self, proposal: Proposal, user):
        self.proposal = proposal
        self.user = user
        self.by_line: dict[int, Organisation] = {}  # organisation line index -> record
        self.created: dict[tuple[str, str], Organisation] = {}

    # -- rows ----------------------------------------------------------------------------------

    def save(self, *, kind: str, city: str | None, country: str | None) -> Visit:
        for index, line in enumerate(self.proposal.organisations):
            organisation = self.organisation(index, line)
            if organisation is not None:
                self.by_line[index] = organisation
        visit = self.visit(kind=kind, city=city, country=country)
        self.links(visit)
        self.stops(visit)
        self.findings(visit)
        return visit

    def organisation(self, index: int, line: OrganisationProposal) -> Organisation | None:
        label = f"Organisation “{line.mention or line.name}”"
        if line.action in SKIPPED:
            return None
        if line.action == "link":
            if not line.candidates:
                raise ValidationError(f"{label}: no existing record to link to; create it or reject the line.")
            return self.existing(Organisation, line.candidates[0], label)
        if line.action != "create":
            raise ValidationError(f"{label}: unknown choice “{line.action}”.")
        name = " ".join((line.name or line.mention).split())
        key = (name.casefold(), line.country)
        if key in self.created:  # the same new organisation named twice in the text
            return self.created[key]
        organisation = Organisation(
            name=name,
            kind=line.kind or Organisation.Kind.ASSOCIATION,
            country=line.country,
            acronym=line.acronym,
        )
        self.check(organisation, label)
        self.track(organisation)
        organisation.save()
        self.created[key] = organisation
        return organisation

    def visit(self, *, kind: str, city: str | None, country: str | None) -> Visit:
        p = self.proposal
        if p.start_date is None:
            raise ValidationError("The report gives no date the visit could start on: enter the start date.")
        languages = {code for code, _ in LANGUAGE_CHOICES}
        if p.language not in languages:
            raise ValidationError("The report's language could not be told: choose it.")
        places = list(zip(p.places, p.countries, strict=False)) if len(p.places) == len(p.countries) else []
        visit_country = country or self.guess_country()
        if city is None:
            city = next((place for place, code in places if code == visit_country), "")
        organisers = self.with_role("organiser")
        visit = Visit(
            title=Truncator(" ".join(p.title.split()) or f"Report: {p.source or 'pasted text'}").chars(250),
            kind=kind or guess_kind(p.title),
            status=Visit.Status.DRAFT,
            start_date=p.start_date,
            end_date=p.end_date if p.end_date != p.start_date else None,
            date_precision=p.date_precision or DatePrecision.DAY,
            date_note=self.date_note(),
            city=Truncator(city).chars(120),
            country=visit_country,
            organiser=organisers[0] if organisers else None,
            report=p.text,
            language=p.language,
            source_citation=Truncator(p.source or "Pasted text").chars(300),
            participants_count=p.participants_count,
            participant_countries=sorted(
                {str(o.country) for o in self.by_line.values() if o.country and self.role_of(o) != "mentioned"}
            ),
        )
        self.check(visit, "The visit")
        self.track(visit)
        visit.save()
        return visit

    def links(self, visit: Visit) -> None:
        visit.hosts.set(self.with_role("host"))
        visit.delegation.set(self.with_role("delegation"))
        roles = [
            ("delegation", Participant.Role.DELEGATE),
            ("organiser", Participant.Role.ORGANISER),
            ("participant", Participant.Role.ATTENDEE),
        ]
        for role, participant_role in roles:
            for organisation in self.with_role(role):
                participant = Participant(
                    visit=visit, role=participant_role, organisation=organisation, country=organisation.country
                )
                self.check(participant, f"Participant {organisation}")
                participant.save()
        projects = [
            self.existing(Project, line.candidates[0], f"Project “{line.mention}”")
            for line in self.proposal.projects
            if line.action == "link" and line.candidates
        ]
        if projects:
            visit.project = projects[0]
        instruments = [
            self.existing(Instrument, line.candidates[0], f"Instrument “{line.mention}”")
            for line in self.proposal.instruments
            if line.action == "link" and line.candidates
        ]
        if instruments:
            visit.instruments.set(instruments)
        if self.proposal.same_event:
            line = self.proposal.same_event[0]
            other = Visit.objects.filter(slug=line.slug).first()
            if other is None:
                raise ValidationError(f"Same event: the visit “{line.title or line.slug}” is no longer on record.")
            visit.account_of = other.primary_event  # accounts point at the first record, never at another account
        if projects or self.proposal.same_event:
            self.check(visit, "The visit")
            visit.save()

    def stops(self, visit: Visit) -> None:
        positions: dict[int | None, int] = {}
        for number, line in enumerate(self.proposal.itinerary, start=1):
            day = line.day
            if day is None and line.date and visit.start_date:
                day = (line.date - visit.start_date).days + 1
            position = positions.get(day, 0)
            positions[day] = position + 1
            stop = ItineraryStop(
                visit=visit,
                day=day,
                position=position,
                date=line.date,
                host=self.stop_host(line.host, line.host_slug),
                place=Truncator(line.place).chars(200),
                country=line.country,
                description=line.description,
            )
            self.check(stop, f"Itinerary stop {number}")
            stop.save()

    def findings(self, visit: Visit) -> None:
        for position, line in enumerate(self.proposal.findings, start=1):
            finding = Finding(
                visit=visit,
                position=position,
                text=line.sentence.strip(),
                figure_label=Truncator(line.label).chars(200),
                value=line.value,
                unit=line.unit if line.value is not None else "",
                is_approximate=line.is_approximate,
            )
            self.check(finding, f"Finding {position} (“{Truncator(line.sentence).chars(60)}”)")
            finding.save()

    # -- helpers -------------------------------------------------------------------------------

    def existing(self, model, candidate: Candidate, label: str):
        records = model.objects.all()
        record = records.filter(pk=candidate.pk).first() if candidate.pk else None
        if record is None and candidate.slug:
            record = records.filter(slug=candidate.slug).first()
        if record is None:
            raise ValidationError(f"{label}: “{candidate.name or candidate.slug}” is no longer on record.")
        return record

    def with_role(self, role: str) -> list[Organisation]:
        chosen = [
            self.by_line[i]
            for i, line in enumerate(self.proposal.organisations)
            if line.role == role and i in self.by_line
        ]
        return list(dict.fromkeys(chosen))

    def role_of(self, organisation: Organisation) -> str:
        roles = [line.role for i, line in enumerate(self.proposal.organisations) if self.by_line.get(i) == organisation]
        return next((r for r in roles if r != "mentioned"), "mentioned")

    def stop_host(self, mention: str, slug: str) -> Organisation | None:
        if not mention and not slug:
            return None
        for index, line in enumerate(self.proposal.organisations):
            record = self.by_line.get(index)
            if record is not None and (
                (slug and record.slug == slug) or (mention and mention in {line.mention, line.name})
            ):
                return record
        if slug:
            return Organisation.objects.filter(slug=slug).first()
        return None

    def guess_country(self) -> str:
        """Where the hosts are, else where the stops are; the text's first country only when
        neither says (a report names the delegation's home first as often as the destination)."""
        hosts = [str(o.country) for o in self.with_role("host") if o.country]
        stops = [s.country for s in self.proposal.itinerary if s.country]
        for found in (hosts, stops):
            if found:
                return Counter(found).most_common(1)[0][0]
        return next((c for c in self.proposal.countries if c), "")

    def date_note(self) -> str:
        p = self.proposal
        if not p.year_inferred or p.start_date is None:
            return ""
        return f"The source does not state the year; {p.start_date.year} was inferred from the context."

    def check(self, obj, label: str) -> None:
        try:
            obj.full_clean()
        except ValidationError as error:
            raise ValidationError([f"{label}: {message}" for message in _messages(error)]) from error

    def track(self, obj) -> None:
        if self.user is not None:
            obj._history_user = self.user


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        out = []
        for field, errors in error.error_dict.items():
            for message in ValidationError(errors).messages:
                out.append(message if field == "__all__" else f"{field.replace('_', ' ')}: {message}")
        return out
    return error.messages
