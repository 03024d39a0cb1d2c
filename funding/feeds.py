"""Feeds of the funding lists: new or changed calls, instruments and projects (Atom), and call
deadlines ahead (iCalendar), each filtered by its list page's own parameters."""

from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Event

from core.feeds import ListCalendar, ListFeed, all_day
from funding.models import CallStatus


def call_facts(call) -> list[str]:
    """Instrument, status (as of today) and dates of a call from ``Call.objects.for_list()``."""
    facts = [str(call.instrument), str(CallStatus(call.call_status).label)]
    if call.opens_on:
        facts.append(gettext("opens %(date)s") % {"date": formats.date_format(call.opens_on)})
    if call.deadline:
        facts.append(gettext("deadline %(date)s") % {"date": formats.date_format(call.deadline)})
    else:
        facts.append(gettext("no deadline given"))
    return facts


class CallFeed(ListFeed):
    """New or changed calls for proposals, last changed first; an entry's date is its last change."""

    entries_text = _("The %(limit)d most recently added or changed calls of this list, with its filters.")

    def item_description(self, item) -> str:
        facts = " · ".join(call_facts(item))
        text = Truncator(item.description).chars(600)
        return escape(f"{facts}. {text}" if text else facts)


class InstrumentFeed(ListFeed):
    entries_text = _("The %(limit)d most recently added or changed funding instruments of this list, with its filters.")


class ProjectFeed(ListFeed):
    entries_text = _("The %(limit)d most recently added or changed projects of this list, with its filters.")


class CallDeadlinesCalendar(ListCalendar):
    """Deadlines of open and forthcoming calls (today or later), soonest first. A deadline is a
    day, so each is an all-day event."""

    ordering = ("deadline", "title", "pk")
    filename = "call-deadlines.ics"
    name = _("Call deadlines")
    description_text = _("The next %(limit)d deadlines of open and forthcoming calls of this list, with its filters.")

    def restrict(self, queryset):
        return queryset.filter(deadline__gte=timezone.localdate())

    def events(self, row, uid_domain, base_url):
        event = Event()
        event.add("uid", f"call-{row.pk}-deadline@{uid_domain}")
        all_day(event, row.deadline, row.deadline)
        event.add("summary", gettext("Deadline: %(call)s") % {"call": row.title})
        description = " · ".join(call_facts(row))
        if text := Truncator(row.description).chars(600):
            description = f"{description}\n{text}"
        event.add("description", description)
        event.add("url", f"{base_url}{row.get_absolute_url()}")
        event.add("status", "CONFIRMED")
        return [event]
