"""Feeds of the list pages: Atom of new or changed rows, iCalendar of dates ahead.

A feed reads through its list view: the view's own queryset and FilterSet, fed the same query
string, so a filtered list page and its feed hold the same rows and no filter is written twice. A
saved search is therefore a feed address. ``list_urls()`` wires a page to its feeds::

    class CallFeed(ListFeed):
        ordering = ("-updated_at", "-pk")         # newest change first

    urlpatterns = [
        # /funding/calls/ (call-list), /funding/calls/feed.atom (call-feed) and the calendar
        *list_urls("funding", "funding/calls/", "call", CallListView, CallFeed,
                   calendar=("deadlines.ics", "deadlines-ics", CallDeadlinesCalendar)),
    ]

Feeds are public and cached by readers, so they show what an anonymous visitor sees (never a
draft), whoever asks. A bad filter value is refused as on the page: 400, with a plain-text message
naming it. Page state (``page``, ``sort``, ``format``) is not a filter and is dropped.
"""

import copy
import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views import View
from icalendar import Calendar, Event

from core.filtering import STATE_PARAMS, FacetedFilterSet, FacetedListView
from core.text import printable

SITE_NAME = "Cluster Cooperation KB"


def filter_params(params: QueryDict) -> QueryDict:
    """``params`` without page state: only what filters rows."""
    query = params.copy()
    for key in STATE_PARAMS:
        query.pop(key, None)
    return query


def filtered_url(url: str, params: QueryDict) -> str:
    """``url`` carrying the filters of ``params`` (not the page, sort or format)."""
    encoded = filter_params(params).urlencode()
    return f"{url}?{encoded}" if encoded else url


@dataclass
class Selection:
    """What a feed shows: its rows (capped; read when first used), the list page they come from,
    and how they were filtered."""

    queryset: QuerySet
    filterset: FacetedFilterSet
    view: FacetedListView
    page_url: str
    feed_path: str

    def titled(self, title) -> str:
        """``title`` naming every filter that applied: "Calls for proposals — Eligible country: Turkey"."""
        chips = [f"{c['title']}: {c['label']}" for c in self.filterset.active_filters() if not c["invalid"]]
        return printable(f"{title} — {'; '.join(chips)}" if chips else str(title))

    @cached_property
    def rows(self) -> list:
        return list(self.queryset)


class ListFeedMixin:
    """The rows of a list view's page for the current query string, in the feed's order, capped.

    ``list_view`` (a ``FacetedListView``) and ``list_url_name`` (its page) are given by
    ``list_urls()``; declare ``ordering`` and ``limit``, and override ``restrict(queryset)`` to
    narrow the rows further (dates ahead, for a calendar).
    """

    list_view: type[FacetedListView] | None = None  # given by list_urls()
    list_url_name = ""
    ordering: tuple = ("-updated_at", "-pk")
    limit = 50

    def restrict(self, queryset: QuerySet) -> QuerySet:
        return queryset

    def select(self, request) -> Selection:
        # The view's queryset as an anonymous visitor gets it (e.g. published visits only).
        public = copy.copy(request)
        public.user = AnonymousUser()
        view = self.list_view()
        view.setup(public)
        filterset = view.filterset_class(request.GET, queryset=view.get_queryset(), request=public)
        rows = self.restrict(filterset.qs).order_by(*self.ordering)[: self.limit]
        page_url = filtered_url(reverse(self.list_url_name), request.GET)
        return Selection(rows, filterset, view, page_url, filtered_url(request.path, request.GET))


class ListFeed(ListFeedMixin, Feed):
    """Atom feed of the newest or last changed rows of a filtered list page.

    Subclasses may set ``ordering`` and ``entries_text`` (the subtitle, with ``%(limit)d``), and
    override ``item_description``, ``item_pubdate`` and ``item_updateddate``.
    """

    feed_type = Atom1Feed
    entries_text = _("The %(limit)d most recently added or changed entries of this list, with its filters.")

    def __init__(self, list_view: type[FacetedListView], list_url_name: str):
        super().__init__()
        self.list_view, self.list_url_name = list_view, list_url_name

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: the selection travels on the request, not on self.
        request.list_selection = self.select(request)
        return request.list_selection.filterset.refusal() or super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return getattr(request, "list_selection", None) or self.select(request)

    def title(self, selection: Selection) -> str:
        return f"{selection.titled(selection.view.title)} · {_('Cluster Cooperation KB')}"

    def link(self, selection: Selection) -> str:
        return selection.page_url

    def feed_url(self, selection: Selection) -> str:
        return selection.feed_path

    def subtitle(self, selection: Selection) -> str:
        return str(self.entries_text) % {"limit": self.limit}

    def items(self, selection: Selection) -> list:
        return selection.rows

    def item_title(self, item) -> str:
        return str(item)  # the feed writer escapes it; escaping here would show "&amp;"

    def item_description(self, item) -> str:
        return escape(Truncator(getattr(item, "description", "") or "").chars(600))

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        # Lists that prefetch tags as a plain list (``Organisation.objects.for_list_page()``) hold
        # them in ``tag_list``; the others in the tags manager's prefetch cache.
        tags = getattr(item, "tag_list", None)
        if tags is None:
            manager = getattr(item, "tags", None)
            tags = manager.all() if manager is not None else []
        return [tag.name for tag in tags]


def all_day(event: Event, first, last) -> None:
    """``event`` spans the days ``first`` to ``last`` inclusive (DTEND is exclusive in iCalendar)."""
    event.add("dtstart", first)
    event.add("dtend", last + datetime.timedelta(days=1))


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class ListCalendar(ListFeedMixin, View):
    """iCalendar feed of dates ahead among the rows of a filtered list page.

    Subclasses set ``ordering``, ``filename``, ``name`` and ``description_text``
    (with ``%(limit)d``), narrow the rows with ``restrict()``, and turn a row into events with
    ``events(row, uid_domain, base_url)``. Each event's UID is built from the row's primary key,
    so it stays the same across requests, and its DTSTAMP is the row's last change.
    """

    limit = 100
    filename = "calendar.ics"
    name: Any = ""
    description_text: Any = ""

    def events(self, row, uid_domain: str, base_url: str) -> list[Event]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        selection = self.select(request)
        if refused := selection.filterset.refusal():
            return refused
        calendar = Calendar()
        calendar.add("prodid", f"-//{SITE_NAME}//{self.filename}//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        title = selection.titled(self.name)
        description = str(self.description_text) % {"limit": self.limit}
        calendar.add("name", title)
        calendar.add("x-wr-calname", title)
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
        calendar.add("url", request.build_absolute_uri(selection.page_url))
        uid_domain = request.get_host().rsplit(":", 1)[0] or "localhost"
        base_url = request.build_absolute_uri("/").rstrip("/")
        for row in selection.rows:
            for event in self.events(row, uid_domain, base_url):
                event.add("dtstamp", row.updated_at)
                event.add("last-modified", row.updated_at)
                event.add("transp", "TRANSPARENT")  # information, not a busy slot
                calendar.add_component(event)
        return calendar_response(calendar, self.filename)


def list_urls(
    namespace: str,
    route: str,
    name: str,
    list_view: type[FacetedListView],
    feed: type[ListFeed],
    calendar: tuple[str, str, type[ListCalendar]] | None = None,
) -> list:
    """The URL patterns of a list page and its feeds, wired to each other: the page ``<name>-list``
    at ``route``, its Atom ``feed`` ``<name>-feed`` at ``<route>feed.atom`` and, given ``calendar``
    as ``(file name, URL name, ListCalendar subclass)``, an iCalendar feed at ``<route><file name>``.
    The feeds read through ``list_view`` and link to its page; the page links to its feeds."""
    source = {"list_view": list_view, "list_url_name": f"{namespace}:{name}-list"}
    links = {"feed_url_name": f"{namespace}:{name}-feed"}
    feeds = [path(f"{route}feed.atom", feed(**source), name=f"{name}-feed")]
    if calendar:
        filename, calendar_name, calendar_view = calendar
        links["ical_url_name"] = f"{namespace}:{calendar_name}"
        feeds.append(path(f"{route}{filename}", calendar_view.as_view(**source), name=calendar_name))
    return [path(route, list_view.as_view(**links), name=f"{name}-list"), *feeds]
