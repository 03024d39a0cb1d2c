"""What intake proposes for one report: the shapes shared by the review page, the ``intake``
command's JSON and the saving step. Filled in by ``intake.propose``; every list is in the order
the text names things."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Candidate:
    """An existing record a mention may be: ``reason`` says why (name, alternative name,
    acronym, transliteration, translated generic words, typo)."""

    slug: str
    name: str
    score: float
    reason: str
    pk: int | None = None


@dataclass
class OrganisationProposal:
    mention: str  # as written in the text
    name: str  # base form (inflection undone where a rule can)
    role: str  # host, delegation, organiser, participant, mentioned
    action: str  # "link" (to candidates[0]) or "create"
    candidates: list[Candidate] = field(default_factory=list)
    kind: str = ""  # guessed Organisation.Kind for a new record
    country: str = ""  # guessed ISO 3166-1 alpha-2
    acronym: str = ""


@dataclass
class RecordProposal:
    """A project or funding instrument the text names, linked where it exists."""

    mention: str
    action: str  # "link" or "create" (projects) / "none" (instruments not on record)
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class StopProposal:
    day: int | None  # from 1; None when the text does not say
    date: datetime.date | None
    place: str = ""
    country: str = ""
    host: str = ""  # the host's mention
    host_slug: str = ""  # the existing host record, if linked
    description: str = ""


@dataclass
class FindingProposal:
    sentence: str
    value: Decimal | None
    unit: str  # visits.Finding.Unit: percent, count, EUR, year, hour
    label: str = ""
    is_approximate: bool = False


@dataclass
class SameEventProposal:
    slug: str
    title: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    text: str
    language: str | None  # ISO 639-1, None when the detector cannot place the text
    title: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    date_precision: str  # core.models date precision: day, month, year
    year_inferred: bool = False
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    participants_count: int | None = None
    organisations: list[OrganisationProposal] = field(default_factory=list)
    projects: list[RecordProposal] = field(default_factory=list)
    instruments: list[RecordProposal] = field(default_factory=list)
    same_event: list[SameEventProposal] = field(default_factory=list)
    itinerary: list[StopProposal] = field(default_factory=list)
    findings: list[FindingProposal] = field(default_factory=list)
    source: str = ""  # file name or "pasted text"
    seconds: float = 0.0

    @classmethod
    def from_json(cls, data: dict) -> Proposal:
        """The proposal back from ``as_json()`` data with its text (dates and decimals restored)."""

        def day(value):
            return datetime.date.fromisoformat(value) if value else None

        def candidates(rows):
            return [Candidate(**row) for row in rows]

        def record(row):
            return RecordProposal(**{**row, "candidates": candidates(row["candidates"])})

        data = dict(data)
        data.update(
            start_date=day(data["start_date"]),
            end_date=day(data["end_date"]),
            organisations=[
                OrganisationProposal(**{**row, "candidates": candidates(row["candidates"])})
                for row in data["organisations"]
            ],
            projects=[record(row) for row in data["projects"]],
            instruments=[record(row) for row in data["instruments"]],
            same_event=[SameEventProposal(**row) for row in data["same_event"]],
            itinerary=[StopProposal(**{**row, "date": day(row["date"])}) for row in data["itinerary"]],
            findings=[
                FindingProposal(**{**row, "value": Decimal(row["value"]) if row["value"] is not None else None})
                for row in data["findings"]
            ],
        )
        return cls(**data)

    def as_json(self) -> dict:
        """The proposal as JSON-ready data (dates ISO, decimals as strings), without the text."""

        def plain(value):
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return str(value)
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        data = dataclasses.asdict(self)
        data.pop("text")
        return plain(data)
