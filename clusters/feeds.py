"""Feed of the organisation lists: new or changed partners, clusters and poles (Atom), each
filtered by its list page's own parameters (clusters/urls.py wires each list to its feed)."""

from django.utils.translation import gettext_lazy as _

from core.feeds import ListFeed


class OrganisationFeed(ListFeed):
    entries_text = _("The %(limit)d most recently added or changed organisations of this list, with its filters.")
