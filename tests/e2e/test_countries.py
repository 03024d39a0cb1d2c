"""Country pages in the browser, on a phone (390 px) and a desktop (1366 px): two countries'
cooperation (Russia and France from the demo data; Belarus and Poland through an unnamed
delegation of 18 added here), no sideways scrolling, chart text at 11 px or more."""

import datetime

import pytest

from clusters.models import Organisation
from tests.e2e.test_phones import DESKTOP, PHONE, SMALLEST_SVG_TEXT, _fits, _shot
from visits.models import Participant, Visit

pytestmark = pytest.mark.e2e


@pytest.fixture
def belarus_in_poland(demo_data):
    host = Organisation.objects.filter(country="PL", kind="cluster").first()
    visit = Visit.objects.create(
        title="Belarusian delegation in Podlasie",
        kind=Visit.Kind.STUDY_VISIT,
        status=Visit.Status.PUBLISHED,
        country="PL",
        start_date=datetime.date(2019, 5, 6),
    )
    visit.hosts.add(host)
    Participant.objects.create(
        visit=visit, group="Belarusian clusters", count=18, country="BY", role=Participant.Role.DELEGATE
    )
    return host


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_two_countries_cooperation_fits_the_screen_with_readable_charts(browser, live_server, belarus_in_poland, width):
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        for address, heading, year in [
            ("/countries/by/with/pl/", "Belarus and Poland", "2019"),
            ("/countries/ru/with/fr/", "Russia and France", "2013"),
        ]:
            page.goto(address)
            assert page.get_by_role("heading", level=1).inner_text() == heading
            _fits(page, f"{address} at {width}")
            assert page.locator("svg.years-chart").is_visible()
            assert page.evaluate(SMALLEST_SVG_TEXT) >= 11, address
            page.get_by_text("Data as a table").click()
            assert page.locator(f"tr#year-{year}").is_visible()
            _fits(page, f"{address} with its table open at {width}")
            _shot(page, f"countries-{address.strip('/').replace('/', '-')}-{width}")
        # From the pair to Belarus's page, whose visits list the delegation of 18.
        page.goto("/countries/by/with/pl/")
        page.locator("main").get_by_role("link", name="Belarus", exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == "Belarus"
        assert page.get_by_role("link", name="Belarusian delegation in Podlasie").is_visible()
        _fits(page, f"/countries/by/ at {width}")
        assert page.evaluate(SMALLEST_SVG_TEXT) >= 11
    finally:
        context.close()
