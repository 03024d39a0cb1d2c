"""Another account of the same event, as a visit's page shows it: the other accounts the reader
may see, each with its source and the facts on which the two disagree, side by side.

Two reports of one tour rarely agree on everything (one says 2-6 October, the other 3-7); the
knowledge base keeps both as told and shows where they differ, rather than picking one.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from visits.models import Participant, Visit


@dataclass
class Account:
    """Another account of ``visit``'s event: ``other``, and the facts on which it differs."""

    other: Visit
    is_first_record: bool
    differences: list[tuple[str, object, object]] = field(default_factory=list)


def delegation_size(visit) -> int | None:
    """How many made up the delegation, as far as the record says: its member organisations and
    its delegates (a counted group by its count); None when nothing is recorded. Reads the
    delegation and participants already loaded."""
    members = {o.pk for o in visit.delegation.all()}
    size = len(members)
    for participant in visit.participants.all():
        if participant.role != Participant.Role.DELEGATE or participant.organisation_id in members:
            continue
        size += participant.count or 1
    return size or None


FACTS = [
    (_("Start date"), lambda v: v.start_date),
    (_("End date"), lambda v: v.end_date or v.start_date),
    (_("Participants"), lambda v: v.participants_count),
    (_("Delegation size (on record)"), delegation_size),
]


def differences(this, other) -> list[tuple[str, object, object]]:
    """The facts (``FACTS``) the two accounts state differently, as (label, this, other); a
    fact one of them does not state is no disagreement."""
    rows = []
    for label, read in FACTS:
        mine, theirs = read(this), read(other)
        if mine is not None and theirs is not None and mine != theirs:
            rows.append((label, mine, theirs))
    return rows


def other_accounts(visit, user) -> list[Account]:
    """The other accounts of ``visit``'s event that ``user`` may see: its first record when it
    is another account, else the accounts that point at it. Three queries whatever their number
    (the accounts, their delegations, their participants), none for an event told once;
    ``visit`` comes from ``for_detail`` (delegation, participants and ``has_other_accounts``)."""
    if visit.account_of_id is None and not visit.has_other_accounts:
        return []
    accounts = (
        Visit.objects.visible_to(user)
        .prefetch_related("delegation", Prefetch("participants", Participant.objects.order_by()))
        .order_by("start_date", "pk")
    )
    if visit.account_of_id is not None:
        accounts = accounts.filter(pk=visit.account_of_id)
    else:
        accounts = accounts.filter(account_of=visit)
    return [Account(other, other.pk == visit.account_of_id, differences(visit, other)) for other in accounts]
