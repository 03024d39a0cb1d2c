"""The proposal signed into the review page comes back whole, and only as it was signed."""

import datetime
from decimal import Decimal

import pytest
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
from intake.signed import sign, unsign

PROPOSAL = Proposal(
    text="Łódź, 1–3 października 2012: wizyta klastra.",
    language="pl",
    title="Wizyta klastra",
    start_date=datetime.date(2012, 10, 1),
    end_date=datetime.date(2012, 10, 3),
    date_precision="day",
    year_inferred=True,
    places=["Łódź"],
    countries=["PL"],
    participants_count=18,
    organisations=[
        OrganisationProposal("Klastra", "Klaster", "host", "link", [Candidate("klaster", "Klaster", 0.9, "name", 7)])
    ],
    projects=[RecordProposal("CLUSTEM", "link", [Candidate("clustem", "CLUSTEM", 1.0, "acronym", 3)])],
    instruments=[RecordProposal("COSME", "none")],
    same_event=[SameEventProposal("a-visit", "A visit", 0.7, ["dates overlap"])],
    itinerary=[StopProposal(None, datetime.date(2012, 10, 2), "Łódź", "PL", "Klastra", "klaster", "Spotkanie.")],
    findings=[FindingProposal("Wzrost o 12,5 %.", Decimal("12.5"), "percent", "wzrost", True)],
    source="raport.docx",
)


def test_a_signed_proposal_comes_back_whole():
    assert unsign(sign(PROPOSAL)) == PROPOSAL


def test_an_altered_proposal_is_refused():
    token = sign(PROPOSAL)
    with pytest.raises(signing.BadSignature):
        unsign(token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])
