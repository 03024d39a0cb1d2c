"""A reader picks values beyond a facet's top ones: "Show all", a search among the values, several
values ticked at once; without JavaScript, and with it (the box then narrows as one types)."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [390, 1366])
def test_turkiye_and_france_are_chosen_from_all_countries_without_javascript(context_page, demo_data, width):
    page = context_page(javascript=False, width=width)
    page.goto("/partners/?sort=country")
    if width < 900:  # on a phone the facets sit in the closed filter drawer
        page.locator("details.filter-drawer > summary").click()
    page.locator("#facet-country ~ .facet-more a").click()
    page.wait_for_url("**facet=country**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Country")

    page.get_by_role("searchbox", name="Find a value of Country").fill("turk")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**facet_q=turk**")
    assert page.locator(".facet-values-all li").count() == 1

    page.goto("/partners/?sort=country&facet=country")
    page.get_by_role("checkbox", name="Türkiye").check()
    page.get_by_role("checkbox", name="France").check()
    page.get_by_role("button", name="Show the results").click()
    page.wait_for_url("**/partners/?**")
    assert "sort=country" in page.url and "country=TR" in page.url and "country=FR" in page.url
    chips = page.get_by_role("list", name="Active filters")
    assert chips.get_by_role("link", name="Country: Türkiye").is_visible()
    assert chips.get_by_role("link", name="Country: France").is_visible()
    if width == 1366:  # phones' widths are the layout's work (issue 17, point 3)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_with_javascript_typing_narrows_the_values_at_once(context_page, demo_data):
    page = context_page(javascript=True, width=1366)
    page.goto("/partners/?facet=tag")
    assert page.locator(".facet-values-all li:visible").count() == 43
    needle = page.locator(".facet-values-all .facet-label").nth(5).inner_text()[:5]
    page.get_by_role("searchbox", name="Find a value of Tag").fill(needle.upper())
    visible = page.locator(".facet-values-all li:visible")
    assert 0 < visible.count() < 43
    assert all(needle.lower() in text.lower() for text in visible.all_inner_texts())
    page.get_by_role("searchbox", name="Find a value of Tag").fill("")
    assert page.locator(".facet-values-all li:visible").count() == 43
