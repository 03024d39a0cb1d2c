import datetime
import re
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from icalendar import Calendar

from funding.models import Eligibility
from tests import factories

pytestmark = pytest.mark.e2e


def test_a_reader_filters_the_visits_and_subscribes_to_exactly_that_search(page, demo_data, screenshot):
    page.goto("/visits/")
    facets = page.get_by_role("complementary", name="Filters")
    facets.locator("#facet-kind + ul").get_by_role("link", name="Conference").click()
    page.wait_for_url("**kind=conference**")
    facets.locator("#facet-year + ul").get_by_role("link", name="2011").click()
    page.wait_for_url("**year=2011**")

    subscribe = page.get_by_role("link", name="Subscribe (Atom)")
    assert subscribe.is_visible()
    screenshot("visits-feed-link")
    feed_url = subscribe.get_attribute("href")
    assert urlsplit(feed_url).path == "/visits/feed.atom"
    assert parse_qs(urlsplit(feed_url).query) == {"kind": ["conference"], "year": ["2011"]}
    assert page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href") == feed_url

    shown = {urlsplit(a).path for a in page.locator(".results .card-title a").evaluate_all("l => l.map(a => a.href)")}
    response = page.request.get(feed_url)
    assert response.ok
    feed = feedparser.parse(response.body())
    assert not feed.bozo
    assert {urlsplit(e.link).path for e in feed.entries} == shown
    assert shown
    assert "Kind: Conference" in feed.feed.title and "Year: 2011" in feed.feed.title

    calendar_url = page.get_by_role("link", name="Calendar (iCal)").get_attribute("href")
    assert parse_qs(urlsplit(calendar_url).query) == {"kind": ["conference"], "year": ["2011"]}
    assert Calendar.from_ical(page.request.get(calendar_url).body()).walk("VEVENT") == []  # all in the past


def test_calls_open_to_turkish_applicants_as_a_feed_and_a_deadline_calendar(page, demo_data):
    today = datetime.date.today()
    instrument = factories.instrument(name="Bosphorus SME Grant", eligible_countries=["TR"])
    Eligibility.objects.create(instrument=instrument, beneficiary_type="sme", co_funding_rate=70)
    call = factories.call(
        title="Bosphorus SME call 1", instrument=instrument, deadline=today + datetime.timedelta(days=20)
    )
    factories.call(
        title="Rhine call",
        instrument=factories.instrument(name="Rhine grant", eligible_countries=["DE"]),
        deadline=today + datetime.timedelta(days=20),
    )

    page.goto("/funding/calls/?country=TR&sort=title")
    feed_url = page.get_by_role("link", name="Subscribe (Atom)").get_attribute("href")
    assert feed_url == "/funding/calls/feed.atom?country=TR"
    feed = feedparser.parse(page.request.get(feed_url).body())
    titles = [e.title for e in feed.entries]
    assert "Bosphorus SME call 1" in titles and "Rhine call" not in titles
    assert re.search(r"Eligible country: T(urkey|ürkiye)", feed.feed.title)

    calendar_url = page.get_by_role("link", name="Calendar (iCal)").get_attribute("href")
    assert calendar_url == "/funding/calls/deadlines.ics?country=TR"
    events = Calendar.from_ical(page.request.get(calendar_url).body()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Deadline: Bosphorus SME call 1"]
    assert str(events[0]["URL"]).endswith(call.get_absolute_url())
