"""Writes on a reader's shortlists that must hold their limits under concurrent requests."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from shortlists.models import MAX_ENTRIES, MAX_SHORTLISTS, Entry, Shortlist


class ShortlistError(Exception):
    """A write refused with a message for the reader (a full list, too many lists)."""


def create_shortlist(*, user, name: str) -> Shortlist:
    with transaction.atomic():
        # The user's row is the lock: two concurrent creations cannot both pass the count.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if Shortlist.objects.filter(user=user).count() >= MAX_SHORTLISTS:
            raise ShortlistError(
                _("You have %(count)s shortlists, the most one account keeps: delete one first.")
                % {"count": MAX_SHORTLISTS}
            )
        shortlist = Shortlist(user=user, name=name.strip()[:200])
        shortlist.full_clean()
        shortlist.save()
        return shortlist


def add_organisation(
    *, user, organisation, shortlist: Shortlist | None = None, name: str = ""
) -> tuple[Shortlist, bool]:
    """Put ``organisation`` on ``shortlist`` (one of ``user``'s), or on a new shortlist called
    ``name`` (default "My shortlist"); returns the list and whether the organisation was added
    (False: it was on it already). A full list (``MAX_ENTRIES``) raises ``ShortlistError``."""
    with transaction.atomic():
        if shortlist is None:
            shortlist = create_shortlist(user=user, name=name.strip() or _("My shortlist"))
        shortlist = Shortlist.objects.select_for_update().get(pk=shortlist.pk, user=user)
        if shortlist.entries.filter(organisation=organisation).exists():
            return shortlist, False
        if shortlist.entries.count() >= MAX_ENTRIES:
            raise ShortlistError(
                _(
                    "“%(name)s” holds %(count)s organisations, the most a shortlist holds: "
                    "remove one or start another list."
                )
                % {"name": shortlist.name, "count": MAX_ENTRIES}
            )
        Entry.objects.create(shortlist=shortlist, organisation=organisation)
        shortlist.save(update_fields=["updated_at"])
        return shortlist, True
