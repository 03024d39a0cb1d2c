import pytest

pytestmark = pytest.mark.e2e


def test_cluster_manager_narrows_partners_and_opens_a_profile_with_its_visits(page, demo_data, screenshot):
    page.goto("/partners/")
    assert page.get_by_role("heading", name="Partners", exact=True).is_visible()
    facets = page.get_by_role("complementary", name="Filters")

    facets.locator("#facet-country + ul").get_by_role("link", name="France").click()
    page.wait_for_url("**country=FR**")
    facets.locator("#facet-ecosystem + ul").get_by_role("link", name="Energy-intensive industries").click()
    page.wait_for_url("**ecosystem=energy-intensive-industries**")

    chips = page.get_by_role("list", name="Active filters")
    assert chips.get_by_role("link", name="Country: France").is_visible()
    results = page.locator(".results .card-list")
    assert results.get_by_role("link", name="ViaMeca").is_visible()
    screenshot("partners-list")

    results.get_by_role("link", name="ViaMeca").click()
    assert page.get_by_role("heading", name="ViaMeca", level=1).is_visible()
    timeline = page.locator(".timeline")
    assert timeline.get_by_text("2013").first.is_visible()
    assert "Zheleznogorsk" in timeline.inner_text()
    assert page.get_by_role("link", name="Innovation Technologies Cluster").first.is_visible()
    assert "Philippe Bertrand" not in page.content()  # contacts are for signed-in users
    screenshot("organisation-detail")
