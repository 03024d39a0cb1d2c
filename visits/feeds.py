"""Feeds of the visit list: newly published visits (Atom) and events ahead (iCalendar), each
filtered by the list page's own parameters."""

import calendar
import datetime

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Event

from core.feeds import ListCalendar, ListFeed, all_day
from core.models import DatePrecision


def period(visit) -> tuple[datetime.date, datetime.date]:
    """The first and last day a visit may fall on, as far as its date precision tells: a visit
    known only by month spans that month, one known only by year spans the year."""
    last = visit.end_date or visit.start_date
    if visit.date_precision == DatePrecision.YEAR:
        return datetime.date(visit.start_date.year, 1, 1), datetime.date(last.year, 12, 31)
    if visit.date_precision == DatePrecision.MONTH:
        days = calendar.monthrange(last.year, last.month)[1]
        return visit.start_date.replace(day=1), last.replace(day=days)
    return visit.start_date, last


def when(visit) -> str:
    """The visit's dates as precisely as they are known: "2027", "June 2027", "4 May 2027"."""
    if visit.date_precision == DatePrecision.YEAR:
        return str(visit.start_date.year)
    if visit.date_precision == DatePrecision.MONTH:
        return formats.date_format(visit.start_date, "YEAR_MONTH_FORMAT")
    text = formats.date_format(visit.start_date)
    if visit.end_date and visit.end_date != visit.start_date:
        text = f"{text} – {formats.date_format(visit.end_date)}"
    return text


def place(visit) -> str:
    return ", ".join(str(part) for part in (visit.venue, visit.city, visit.country.name) if part)


class VisitFeed(ListFeed):
    """Newly published visits and events, newest publication first."""

    ordering = (F("published_at").desc(nulls_last=True), "-created_at", "-pk")
    entries_text = _("The %(limit)d most recently published visits and events of this list, with its filters.")

    def item_description(self, item) -> str:
        facts = " · ".join(filter(None, [item.get_kind_display(), when(item), place(item)]))
        summary = Truncator(item.summary_en or item.summary).chars(600)
        return escape(f"{facts}. {summary}" if summary else facts)

    def item_pubdate(self, item):
        return item.published_at or item.created_at


class UpcomingVisitsCalendar(ListCalendar):
    """Published visits and events that have not ended yet, soonest first, one all-day event each.
    An event known only by month or year spans that month or year and is marked tentative, so no
    exact day is invented."""

    ordering = ("start_date", "title", "pk")
    filename = "upcoming-events.ics"
    name = _("Upcoming visits and events")
    description_text = _(
        "The next %(limit)d published visits and events of this list, with its filters. "
        "Events known only by month or year span that month or year and are marked tentative."
    )

    def restrict(self, queryset):
        today = timezone.localdate()
        return queryset.alias(last_day=Coalesce("end_date", "start_date")).filter(
            Q(date_precision=DatePrecision.DAY, last_day__gte=today)
            | Q(date_precision=DatePrecision.MONTH, last_day__gte=today.replace(day=1))
            | Q(date_precision=DatePrecision.YEAR, last_day__gte=datetime.date(today.year, 1, 1))
        )

    def events(self, row, uid_domain, base_url):
        event = Event()
        event.add("uid", f"visit-{row.pk}@{uid_domain}")
        first, last = period(row)
        all_day(event, first, last)
        summary = row.title
        description = [row.get_kind_display()]
        if row.date_precision != DatePrecision.DAY:
            event.add("status", "TENTATIVE")
            summary = f"{summary} ({when(row)})"
            note = gettext("Exact date not known: %(when)s.") % {"when": row.date_note or when(row)}
            description.append(note)
        else:
            event.add("status", "CONFIRMED")
        event.add("summary", summary)
        if where := place(row):
            event.add("location", where)
        if text := row.summary_en or row.summary:
            description.append(Truncator(text).chars(600))
        event.add("description", "\n".join(description))
        event.add("url", f"{base_url}{row.get_absolute_url()}")
        event.add("categories", [row.get_kind_display()])
        return [event]
