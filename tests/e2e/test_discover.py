"""A cluster manager looks for partners for İŞİM: from its profile to "Who to meet", then to
/discover/?for=isim and its filters, on a phone (390 px) and a desktop (1366 px), without any
sideways scroll. (The lead extends this journey with compare and shortlists.)"""

import pytest

pytestmark = pytest.mark.e2e

NO_OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _fits(page, where: str) -> None:
    scroll_width, inner_width = page.evaluate(NO_OVERFLOW)
    assert scroll_width <= inner_width, f"{where}: the page is {scroll_width} px wide on a {inner_width} px screen"


@pytest.mark.parametrize("width", [390, 1366])
def test_from_isim_profile_to_who_to_meet_and_discover(page, demo_data, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.set_default_timeout(90_000)  # the first page after load_demo builds the caches, slow on a busy machine
    page.goto("/partners/isim/")
    section = page.locator("section.who-to-meet")
    assert section.get_by_role("heading", name="Who to meet").is_visible()
    suggestion = section.locator(".card.suggestion").first
    assert "where it has partners" in suggestion.inner_text()  # a reason, with its evidence
    _fits(page, f"profile at {width}")

    section.get_by_role("link", name="More suggestions").click()
    page.wait_for_url("**/discover/?for=isim")
    assert page.get_by_role("heading", name="Who to meet: İŞİM", level=1).is_visible()
    assert page.get_by_role("link", name="ViaMeca", exact=True).is_visible()
    assert page.get_by_role("link", name="Back to the profile of İŞİM").is_visible()
    _fits(page, f"discover at {width}")
    screenshot(f"discover-{width}")

    page.get_by_label("Pole of competitiveness").check()
    page.get_by_role("button", name="Show suggestions").click()
    page.wait_for_url("**kind=pole**")
    cards = page.locator(".card.suggestion")
    assert cards.count() >= 1
    assert all("Pole of competitiveness" in text for text in cards.all_inner_texts())
    assert page.get_by_role("link", name="Areva").count() == 0  # a company, filtered out
    _fits(page, f"filtered discover at {width}")
