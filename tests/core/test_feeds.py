"""Feeds: Atom of new or changed rows and iCalendar of dates ahead, each filtered by the query
string of its list page, parsed here by real parsers (feedparser, icalendar)."""

import datetime
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from django.urls import reverse
from icalendar import Calendar

from core.feeds import ListFeed
from funding.models import Eligibility
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
LIMIT = ListFeed.limit
CARD_LINK = re.compile(r'<h3 class="card-title"><a href="([^"]+)"')

# (list page, its Atom feed, query string): filters of every kind on the demo data, each leaving
# a few rows, fewer than a page and than the feed's cap.
FILTERED = [
    ("visits:visit-list", "visits:visit-feed", ""),
    ("visits:visit-list", "visits:visit-feed", "kind=conference"),
    ("visits:visit-list", "visits:visit-feed", "year=2011"),
    ("visits:visit-list", "visits:visit-feed", "host_country=FR"),
    ("visits:visit-list", "visits:visit-feed", "delegation_country=TR&language=tr"),
    ("visits:visit-list", "visits:visit-feed", "organisation=european-cluster-alliance"),
    ("visits:visit-list", "visits:visit-feed", "tag=cluster-policy&tag=meta-cluster"),
    ("visits:visit-list", "visits:visit-feed", "q=cluster&ecosystem=health"),
    ("funding:call-list", "funding:call-feed", ""),
    ("funding:call-list", "funding:call-feed", "country=TR"),
    ("funding:call-list", "funding:call-feed", "country=TR&beneficiary=sme"),
    ("funding:call-list", "funding:call-feed", "status=closed&tag=inter-clustering&instrument=innovation-express"),
    ("funding:instrument-list", "funding:instrument-feed", "country=TR&beneficiary=sme"),
    ("funding:instrument-list", "funding:instrument-feed", "managing_body=oseo&status=active"),
    ("funding:instrument-list", "funding:instrument-feed", "kind=grant&level=national"),
    ("funding:project-list", "funding:project-feed", ""),
    ("funding:project-list", "funding:project-feed", "country=IT"),
    ("clusters:organisation-list", "clusters:organisation-feed", "country=FR"),
    ("clusters:organisation-list", "clusters:organisation-feed", "kind=agency"),
    ("clusters:organisation-list", "clusters:organisation-feed", "has_visits=yes&country=FR"),
    ("clusters:cluster-list", "clusters:cluster-feed", ""),
    ("clusters:pole-list", "clusters:pole-feed", "label=esca_gold"),
]


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def parse_calendar(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def entry_paths(feed) -> set[str]:
    return {urlsplit(entry.link).path for entry in feed.entries}


@pytest.mark.parametrize(("list_name", "feed_name", "query"), FILTERED)
def test_a_filtered_feed_holds_exactly_the_rows_of_its_filtered_page(client, list_name, feed_name, query):
    page = client.get(f"{reverse(list_name)}?{query}")
    assert page.status_code == 200
    assert page.context["result_count"] < LIMIT
    assert page.context["result_count"] <= page.context["paginator"].per_page  # the page shows every row
    links = CARD_LINK.findall(page.content.decode())
    assert len(links) == page.context["result_count"] > 0

    feed = parse_feed(client, f"{reverse(feed_name)}?{query}")

    assert entry_paths(feed) == set(links)
    assert len(feed.entries) == len(links)
    # The feed's title names each filter as the page's chips do.
    for chip in page.context["active_filters"]:
        assert f"{chip['title']}: {chip['label']}" in feed.feed.title
    assert str(page.context["title"]) in feed.feed.title
    assert urlsplit(feed.feed.link).query == query
    assert f"{LIMIT}" in feed.feed.subtitle


def test_calls_open_to_smes_from_turkey_is_a_feed_url_naming_the_filters(client):
    closed_to_turkey = factories.instrument(name="Feeds German-only grant", eligible_countries=["DE"])
    Eligibility.objects.create(instrument=closed_to_turkey, beneficiary_type="sme", co_funding_rate=50)
    german = factories.call(title="Feeds German-only call", instrument=closed_to_turkey)
    open_to_turkey = factories.instrument(name="Feeds Turkish SME grant", eligible_countries=["TR", "FR"])
    Eligibility.objects.create(instrument=open_to_turkey, beneficiary_type="sme", co_funding_rate=60)
    turkish = factories.call(title="Feeds Turkish SME call", instrument=open_to_turkey)
    research_only = factories.instrument(name="Feeds Turkish research grant", eligible_countries=["TR"])
    Eligibility.objects.create(instrument=research_only, beneficiary_type="research", co_funding_rate=70)
    research = factories.call(title="Feeds Turkish research call", instrument=research_only)
    query = "?country=TR&beneficiary=sme"

    feed = parse_feed(client, reverse("funding:call-feed") + query)

    paths = entry_paths(feed)
    assert turkish.get_absolute_url() in paths
    assert german.get_absolute_url() not in paths
    assert research.get_absolute_url() not in paths
    page = client.get(reverse("funding:call-list") + query)
    assert paths == {call.get_absolute_url() for call in page.context["object_list"]}
    assert re.search(r"Eligible country: T(urkey|ürkiye)", feed.feed.title)
    assert "Open to: SMEs" in feed.feed.title


def test_call_feed_lists_new_or_changed_calls_last_changed_first_dated_by_their_change(client):
    tag = "zz-feeds-call-order"
    older = factories.call(title="Feeds call changed later")
    newer = factories.call(title="Feeds call created later")
    for call in (older, newer):
        call.tags.add(tag)
    older.description = "Deadline extended."
    older.save()
    older.refresh_from_db()

    feed = parse_feed(client, reverse("funding:call-feed") + f"?tag={tag}")

    assert [e.title for e in feed.entries] == ["Feeds call changed later", "Feeds call created later"]
    first = feed.entries[0]
    assert datetime.datetime.fromisoformat(first.updated) == older.updated_at
    assert first.id == f"http://testserver{older.get_absolute_url()}"
    assert "Deadline extended." in first.summary
    assert tag in [t.term for t in first.tags]


def test_visit_feed_has_published_visits_only_newest_publication_first_even_for_staff(admin_client):
    tag = "zz-feeds-visit-order"
    first = factories.visit(title="Feeds visit published first", start_date=datetime.date(2030, 1, 1))
    second = factories.visit(title="Feeds visit published second", start_date=datetime.date(2001, 1, 1))
    draft = factories.visit(title="Feeds draft visit", status=Visit.Status.DRAFT)
    for visit in (first, second, draft):
        visit.tags.add(tag)

    feed = parse_feed(admin_client, reverse("visits:visit-feed") + f"?tag={tag}")

    assert [e.title for e in feed.entries] == ["Feeds visit published second", "Feeds visit published first"]
    second.refresh_from_db()
    assert datetime.datetime.fromisoformat(feed.entries[0].published) == second.published_at
    assert "published" in feed.feed.subtitle


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "country=XX",
        "tag=not%20a%20slug",
        "q=" + "x" * 300,
        "q=nul%00byte",
        "page=zz&sort=nonsense&format=xml",
        "organisation=no-such-organisation&kind=nonsense",
    ],
)
@pytest.mark.parametrize(
    ("list_name", "feed_name"),
    [("visits:visit-list", "visits:visit-feed"), ("funding:call-list", "funding:call-feed")],
)
def test_bad_filter_values_are_refused_as_on_the_page(client, list_name, feed_name, query):
    page = client.get(f"{reverse(list_name)}?{query}")
    response = client.get(f"{reverse(feed_name)}?{query}")

    assert response.status_code == page.status_code
    if page.status_code == 200:  # page state only (page, sort, format): no filter refused
        assert entry_paths(parse_feed(client, f"{reverse(feed_name)}?{query}")) == set(
            CARD_LINK.findall(page.content.decode())
        )
        return
    assert page.status_code == 400 and page.context["filter_errors"]
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for message in page.context["filter_errors"]:
        assert message.removesuffix(" This filter was ignored.") in text


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("visits:upcoming-ics", "year=abc&kind=nonsense"),
        ("visits:upcoming-ics", "q=%00"),
        ("funding:deadlines-ics", "deadline_after=not-a-date&closing_within=-4"),
        ("funding:deadlines-ics", "instrument=no-such-instrument"),
    ],
)
def test_bad_filter_values_on_a_calendar_are_refused_with_a_message(client, name, query):
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "These filter values are not valid:" in response.content.decode()


def test_every_list_page_links_to_its_feed_with_its_filters(client):
    pages = {
        "visits:visit-list": ("visits:visit-feed", "visits:upcoming-ics"),
        "funding:call-list": ("funding:call-feed", "funding:deadlines-ics"),
        "funding:instrument-list": ("funding:instrument-feed", None),
        "funding:project-list": ("funding:project-feed", None),
        "clusters:organisation-list": ("clusters:organisation-feed", None),
        "clusters:cluster-list": ("clusters:cluster-feed", None),
        "clusters:pole-list": ("clusters:pole-feed", None),
    }
    for list_name, (feed_name, ical_name) in pages.items():
        html = client.get(reverse(list_name) + "?tag=a&tag=b&q=x&sort=name&page=2").content.decode()
        feed_url = f"{reverse(feed_name)}?tag=a&amp;tag=b&amp;q=x"
        alternate = f'<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="{re.escape(feed_url)}">'
        assert re.search(alternate, html), list_name
        assert f'<a href="{feed_url}" type="application/atom+xml">Subscribe (Atom)</a>' in html, list_name
        if ical_name:
            assert f'<a href="{reverse(ical_name)}?tag=a&amp;tag=b&amp;q=x" type="text/calendar">' in html


def _visits(n, tag):
    for i in range(n):
        visit = factories.visit(title=f"Feeds budget visit {i}", start_date=TODAY + datetime.timedelta(days=i + 1))
        visit.tags.add(tag)
        visit.hosts.add(factories.organisation(country="FR"))


def _calls(n, tag):
    for i in range(n):
        call = factories.call(title=f"Feeds budget call {i}", deadline=TODAY + datetime.timedelta(days=i + 1))
        call.tags.add(tag)


def _instruments(n, tag):
    for i in range(n):
        instrument = factories.instrument(name=f"Feeds budget instrument {i}")
        instrument.tags.add(tag)
        Eligibility.objects.create(instrument=instrument, beneficiary_type="sme")


def _projects(n, tag):
    for i in range(n):
        factories.project(name=f"Feeds budget project {i}").tags.add(tag)


def _organisations(n, tag):
    for i in range(n):
        factories.organisation(name=f"Feeds budget pole {i}", kind="pole", country="FR").tags.add(tag)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("visits:visit-feed", _visits),
        ("visits:upcoming-ics", _visits),
        ("funding:call-feed", _calls),
        ("funding:deadlines-ics", _calls),
        ("funding:instrument-feed", _instruments),
        ("funding:project-feed", _projects),
        ("clusters:organisation-feed", _organisations),
        ("clusters:cluster-feed", _organisations),
        ("clusters:pole-feed", _organisations),
    ],
)
def test_a_feed_costs_the_same_queries_for_2_rows_or_20(client, django_assert_max_num_queries, name, make):
    tag = "zz-feeds-budget"
    url = f"{reverse(name)}?tag={tag}&q=feeds"
    make(2, tag)
    client.get(url)  # a process parses a search text once (core.fulltext.websearch_literal)
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    make(18, tag)
    with django_assert_max_num_queries(12) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"Feeds budget") >= 20
    assert len(large.captured_queries) == len(small.captured_queries)


def test_call_deadlines_calendar_has_one_all_day_event_per_deadline_ahead(client):
    tag = "zz-feeds-deadlines"
    instrument = factories.instrument(name="Feeds deadline grant", eligible_countries=["TR"])
    other = factories.instrument(name="Feeds deadline grant for Germany", eligible_countries=["DE"])
    soon = factories.call(title="Feeds open call", instrument=instrument, deadline=TODAY + datetime.timedelta(days=5))
    later = factories.call(
        title="Feeds forthcoming call",
        instrument=instrument,
        opens_on=TODAY + datetime.timedelta(days=10),
        deadline=TODAY + datetime.timedelta(days=40),
    )
    today = factories.call(title="Feeds call closing today", instrument=instrument, deadline=TODAY)
    closed = factories.call(
        title="Feeds closed call", instrument=instrument, deadline=TODAY - datetime.timedelta(days=1)
    )
    undated = factories.call(title="Feeds call without deadline", instrument=instrument)
    german = factories.call(title="Feeds German call", instrument=other, deadline=TODAY + datetime.timedelta(days=7))
    for call in (soon, later, today, closed, undated, german):
        call.tags.add(tag)
    url = reverse("funding:deadlines-ics") + f"?tag={tag}&country=TR"

    calendar = parse_calendar(client, url)

    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Deadline: Feeds call closing today",
        "Deadline: Feeds open call",
        "Deadline: Feeds forthcoming call",
    ]
    event = events[1]
    soon.refresh_from_db()
    assert event.decoded("DTSTART") == soon.deadline  # a date: an all-day event
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert event.decoded("DTEND") == soon.deadline + datetime.timedelta(days=1)
    assert event.decoded("DTSTAMP") == soon.updated_at.replace(microsecond=0)  # its last change
    assert str(event["URL"]) == f"http://testserver{soon.get_absolute_url()}"
    assert "Feeds deadline grant" in str(event["DESCRIPTION"])
    assert "Eligible country" in str(calendar["X-WR-CALNAME"])
    # The same UIDs on every request, so a calendar updates events rather than duplicating them.
    again = parse_calendar(client, url)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]
    assert len({str(e["UID"]) for e in events}) == 3


def test_upcoming_events_calendar_keeps_each_visits_date_precision(client):
    tag = "zz-feeds-upcoming"
    next_year = TODAY.year + 1
    exact = factories.visit(
        title="Feeds study visit",
        start_date=TODAY + datetime.timedelta(days=3),
        end_date=TODAY + datetime.timedelta(days=5),
        city="Izmir",
        country="TR",
    )
    month = factories.visit(
        title="Feeds forum in June", start_date=datetime.date(next_year, 6, 1), date_precision="month"
    )
    year = factories.visit(
        title="Feeds conference some time", start_date=datetime.date(next_year, 1, 1), date_precision="year"
    )
    this_month = factories.visit(
        title="Feeds event this month", start_date=TODAY.replace(day=1), date_precision="month"
    )
    past = factories.visit(title="Feeds past visit", start_date=TODAY - datetime.timedelta(days=3))
    draft = factories.visit(title="Feeds planned draft", start_date=TODAY + datetime.timedelta(days=9), status="draft")
    workshop = factories.visit(
        title="Feeds workshop", kind=Visit.Kind.WORKSHOP, start_date=TODAY + datetime.timedelta(days=4)
    )
    for visit in (exact, month, year, this_month, past, draft, workshop):
        visit.tags.add(tag)

    calendar = parse_calendar(client, reverse("visits:upcoming-ics") + f"?tag={tag}&kind=study_visit")

    events = {str(e["URL"]).removeprefix("http://testserver"): e for e in calendar.walk("VEVENT")}
    assert set(events) == {v.get_absolute_url() for v in (exact, month, year, this_month)}
    event = events[exact.get_absolute_url()]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        exact.start_date,
        exact.end_date + datetime.timedelta(days=1),
    )
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Izmir" in str(event["LOCATION"])
    june = events[month.get_absolute_url()]
    assert (june.decoded("DTSTART"), june.decoded("DTEND")) == (
        datetime.date(next_year, 6, 1),
        datetime.date(next_year, 7, 1),
    )
    assert str(june["STATUS"]) == "TENTATIVE"
    assert "Exact date not known" in str(june["DESCRIPTION"])
    whole_year = events[year.get_absolute_url()]
    assert (whole_year.decoded("DTSTART"), whole_year.decoded("DTEND")) == (
        datetime.date(next_year, 1, 1),
        datetime.date(next_year + 1, 1, 1),
    )
    assert str(whole_year["SUMMARY"]) == f"Feeds conference some time ({next_year})"
    assert all(isinstance(e["DTSTAMP"].dt, datetime.datetime) for e in events.values())
    assert str(calendar["X-WR-CALNAME"]).startswith("Upcoming visits and events — ")


def test_a_feed_is_as_new_as_its_newest_entry(client):
    call = factories.call(title="Feeds newest call")
    call.tags.add("zz-feeds-newest")
    response = client.get(reverse("funding:call-feed") + "?tag=zz-feeds-newest")
    feed = feedparser.parse(response.content)
    call.refresh_from_db()
    assert datetime.datetime.fromisoformat(feed.feed.updated) == call.updated_at
    assert response["Last-Modified"]
