"""The proposal between the two requests of the review: signed (``django.core.signing``) into
a hidden field of the page, so the records it links to never come from the client, and nothing
is kept on the server for a review that is never finished."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core import signing

from intake.proposal import (
    Candidate,
    FindingProposal,
    OrganisationProposal,
    Proposal,
    RecordProposal,
    SameEventProposal,
    StopProposal,
)

SALT = "intake.review"
MAX_AGE = 24 * 3600  # a review left open overnight must be started again


def sign(proposal: Proposal) -> str:
    return signing.dumps({**proposal.as_json(), "text": proposal.text}, salt=SALT, compress=True)


def unsign(token: str) -> Proposal:
    """The proposal signed into the page; ``signing.BadSignature`` if it was altered or is old."""
    return from_json(signing.loads(token, salt=SALT, max_age=MAX_AGE))


def from_json(data: dict) -> Proposal:
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
    return Proposal(**data)
