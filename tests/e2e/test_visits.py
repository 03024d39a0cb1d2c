import pytest

pytestmark = pytest.mark.e2e

VIAMECA = "Zheleznogorsk cluster delegation at the ViaMeca pole of competitiveness"


def test_reader_filters_visits_by_kind_and_follows_the_viameca_itinerary(page, demo_data, screenshot):
    page.goto("/visits/")
    assert page.get_by_role("heading", name="Visits and events", exact=True).is_visible()
    facets = page.get_by_role("complementary", name="Filters")

    facets.locator("#facet-kind + ul").get_by_role("link", name="Delegation visit / study tour").click()
    page.wait_for_url("**kind=study_visit**")
    chips = page.get_by_role("list", name="Active filters")
    assert chips.get_by_role("link", name="Kind: Delegation visit / study tour").is_visible()
    results = page.locator(".results .card-list")
    assert results.get_by_role("link", name=VIAMECA).is_visible()
    screenshot("visits-list")

    results.get_by_role("link", name=VIAMECA).click()
    assert page.get_by_role("heading", name=VIAMECA, level=1).is_visible()
    days = page.locator(".itinerary > li")
    assert days.count() == 4
    assert [days.nth(i).locator(".timeline-date").inner_text()[:5] for i in range(4)] == [
        "Day 1",
        "Day 2",
        "Day 3",
        "Day 4",
    ]
    assert page.get_by_role("link", name="ViaMeca").first.is_visible()
    screenshot("visit-detail")
