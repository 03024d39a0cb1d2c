"""The pictures: home charts, the map (a click on a country opens the filtered partner list),
an organisation's cooperation graph and the network overview. Screenshots go to test-artifacts/."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


def _figure_shot(locator, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_a_click_on_a_country_on_the_map_opens_the_partner_list_filtered_to_it(page, demo_data, screenshot):
    page.goto("/map/")
    assert page.get_by_role("heading", name="Organisations by country", level=1).is_visible()
    germany = page.locator("a.country-link:has(path[data-country='DE'])")
    assert germany.locator("title").text_content() == "Germany: 5 organisations"
    screenshot("map")
    germany.click()
    page.wait_for_url("**/partners/?country=DE")
    assert page.get_by_role("heading", name="Partners", exact=True).is_visible()
    assert page.get_by_role("list", name="Active filters").get_by_role("link", name="Country: Germany").is_visible()
    assert page.locator(".results .card-list .card").count() == 5


def test_the_europe_map_and_its_table_link_to_the_same_lists(page, demo_data, screenshot):
    page.goto("/map/europe/")
    table = page.locator("table.data-table")
    assert table.get_by_role("link", name="France", exact=True).get_attribute("href") == "/partners/?country=FR"
    assert (
        table.get_by_role("link", name="visits, projects, funding (France)").get_attribute("href") == "/countries/fr/"
    )
    screenshot("map-europe")
    page.locator("a.country-link:has(path[data-country='PL'])").click()
    page.wait_for_url("**/partners/?country=PL")


def test_home_page_shows_visits_instruments_and_calls_closing_soon(page, demo_data, screenshot):
    today = timezone.localdate()
    factories.call(title="Cluster internationalisation call", deadline=today + datetime.timedelta(days=20))
    factories.call(
        title="Joint cluster partnerships",
        opens_on=today - datetime.timedelta(days=30),
        deadline=today + datetime.timedelta(days=64),
    )
    page.goto("/")
    figures = page.locator("figure.chart")
    assert figures.count() == 3
    assert page.get_by_role("img", name="Visits and events per year, by kind").is_visible()
    assert page.get_by_role("img", name="Funding instruments by level and kind").is_visible()
    screenshot("home")
    page.get_by_text("Data as a table").first.click()
    assert page.locator("table.data-table").first.get_by_role("link", name="2011").is_visible()
    page.locator("a.call-link", has_text="Joint cluster partnerships").click()
    assert page.get_by_role("heading", name="Joint cluster partnerships", level=1).is_visible()


def test_organisation_page_draws_its_cooperation_graph_with_a_list_alternative(page, demo_data, screenshot):
    page.goto("/partners/innovation-technologies-cluster-zheleznogorsk/")
    section = page.locator("section:has(#coop-graph-title)")
    graph = section.locator("svg.chart-svg")
    assert graph.is_visible()
    assert graph.locator("a.node-link").count() == 5
    assert graph.locator("path.edge-visit[marker-end]").count() == 4  # it visited four hosts
    _figure_shot(section, "cooperation-graph")
    section.get_by_text("Cooperation partners as a list").click()
    assert "hosted Innovation Technologies Cluster" in section.locator(".partner-list").inner_text()
    graph.locator("a.node-link", has_text="ViaMeca").click()
    assert page.get_by_role("heading", name="ViaMeca", level=1).is_visible()

    page.goto("/partners/rda-arleg/")
    section = page.locator("section:has(#coop-graph-title)")
    assert section.locator("path.edge-project").count() >= 1
    _figure_shot(section, "cooperation-graph-projects")


def test_network_page_links_clusters_that_shared_visits(page, demo_data, screenshot):
    page.goto("/network/")
    assert page.get_by_role("heading", name="Network of clusters", level=1).is_visible()
    network = page.locator("figure.chart-network svg")
    assert network.locator("a.node-link").count() >= 5
    assert page.locator("table.data-table tbody tr").count() == network.locator("path.edge").count()
    screenshot("network")
