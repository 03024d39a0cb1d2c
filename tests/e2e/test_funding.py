import datetime
import re

import pytest

from funding.models import Eligibility
from tests import factories

pytestmark = pytest.mark.e2e


def test_policy_staff_find_an_instrument_open_to_turkish_smes_and_its_open_call(page, demo_data, screenshot):
    today = datetime.date.today()
    instrument = factories.instrument(
        name="Anatolia SME Cooperation Grant", eligible_countries=["TR", "FR"], co_funding_rate=50
    )
    Eligibility.objects.create(instrument=instrument, beneficiary_type="sme", co_funding_rate=70)
    factories.call(
        title="Anatolia SME call 2",
        instrument=instrument,
        opens_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=30),
    )

    page.goto("/funding/")
    assert page.get_by_role("heading", name="Funding instruments", exact=True).is_visible()
    facets = page.get_by_role("complementary", name="Filters")
    facets.locator("#facet-beneficiary + ul").get_by_role("link", name="SMEs").click()
    page.wait_for_url("**beneficiary=sme**")
    page.goto(page.url + "&country=TR")
    chips = page.get_by_role("list", name="Active filters")
    assert chips.get_by_role("link", name=re.compile(r"Eligible country: T(urkey|ürkiye)")).is_visible()
    assert chips.get_by_role("link", name="Beneficiary type: SMEs").is_visible()
    assert page.get_by_text("whose sources state no eligible country").is_visible()
    results = page.locator(".results .card-list")
    assert results.get_by_text("open call").first.is_visible()
    screenshot("funding-list")

    results.get_by_role("link", name="Anatolia SME Cooperation Grant").click()
    assert page.get_by_role("heading", name="Anatolia SME Cooperation Grant", level=1).is_visible()
    calls = page.locator("section", has=page.get_by_role("heading", name="Calls for proposals"))
    assert calls.get_by_role("link", name="Anatolia SME call 2").is_visible()
    assert calls.get_by_text("Open", exact=True).is_visible()
    screenshot("instrument-detail")

    calls.get_by_role("link", name="Anatolia SME call 2").click()
    assert page.get_by_role("heading", name="Anatolia SME call 2", level=1).is_visible()
    assert page.get_by_role("link", name="Anatolia SME Cooperation Grant").first.is_visible()


def test_a_reader_follows_a_project_to_its_partners_and_a_call_to_its_instrument(page, demo_data, screenshot):
    page.goto("/funding/projects/clusters-cord/")
    assert page.get_by_role("heading", name="Clusters-Cord").first.is_visible()
    assert page.get_by_role("link", name="Milano Metropoli Development Agency").first.is_visible()
    screenshot("project-detail")

    page.goto("/funding/calls/innovation-express-call-1/")
    assert page.get_by_text("70").first.is_visible()
    page.get_by_role("link", name="Innovation Express").first.click()
    page.wait_for_url("**/funding/innovation-express/")
    screenshot("call-instrument")
    page.goto("/funding/calls/innovation-express-call-1/")
    screenshot("call-detail")
