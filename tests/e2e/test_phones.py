"""Phones and desktops: the four journeys (partner search, funding filter, global search, a visit
page) fit the screen at 390 and 1366 px, home and a list at 320 px too, with no sideways scroll of
the page; on a phone the header folds into a menu that opens, a list shows its results before its
filter drawer, and the drawer opens; charts print no text under 11 px.

Screenshots of each journey at 390 and 1366 px go to test-artifacts/ (phone-*, desktop-*)."""

import pytest

from visits.models import Visit

pytestmark = pytest.mark.e2e

PHONE, DESKTOP, SMALL = 390, 1366, 320

NO_OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"
SMALLEST_SVG_TEXT = """() => Math.min(1000, ...[...document.querySelectorAll('svg text')].map(t => {
  const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }))"""


def _fits(page, where: str) -> None:
    scroll_width, inner_width = page.evaluate(NO_OVERFLOW)
    assert scroll_width <= inner_width, f"{where}: the page is {scroll_width} px wide on a {inner_width} px screen"


def _shot(page, name: str) -> None:
    from tests.e2e.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _journeys(page, width: int, prefix: str) -> None:
    phone = width < 900
    visit = Visit.objects.published().order_by("-start_date").first()

    # Partner search: the list's own search box, then a partner's page.
    page.goto("/partners/")
    _fits(page, f"partners at {width}")
    page.get_by_role("searchbox", name="Search in this list").fill("cluster")
    page.get_by_role("searchbox", name="Search in this list").press("Enter")
    page.wait_for_url("**q=cluster**")
    _fits(page, f"partner search at {width}")
    _shot(page, f"{prefix}-partner-search")
    page.locator(".results .card-list a").first.click()
    page.wait_for_load_state()
    _fits(page, f"a partner at {width}")

    # Funding filter: open the drawer on a phone, choose a kind of funding.
    page.goto("/funding/")
    drawer = page.locator("details.filter-drawer")
    if phone:
        assert not page.locator("#facet-kind").is_visible()
        drawer.locator("summary").click()
    page.locator("#facet-kind + ul a").first.click()
    page.wait_for_url("**kind=**")
    _fits(page, f"funding filter at {width}")
    if phone:
        assert drawer.locator("summary").inner_text() == "Filters (1 active)"
    _shot(page, f"{prefix}-funding-filter")

    # Global search from the header (in the menu on a phone).
    page.goto("/")
    if phone:
        assert not page.get_by_role("searchbox", name="Search everything").is_visible()
        page.locator("details.site-menu > summary").click()
    page.get_by_role("searchbox", name="Search everything").fill("cluster")
    page.get_by_role("searchbox", name="Search everything").press("Enter")
    page.wait_for_url("**/search/?q=cluster**")
    _fits(page, f"global search at {width}")
    _shot(page, f"{prefix}-global-search")

    # A visit's page.
    page.goto(visit.get_absolute_url())
    _fits(page, f"a visit at {width}")
    _shot(page, f"{prefix}-visit")


def test_the_journeys_fit_phones_and_desktops_without_sideways_scroll(browser, live_server, demo_data):
    for width, prefix in [(PHONE, "phone"), (DESKTOP, "desktop")]:
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
        try:
            _journeys(context.new_page(), width, prefix)
        finally:
            context.close()
    context = browser.new_context(base_url=live_server.url, viewport={"width": SMALL, "height": 640})
    try:
        page = context.new_page()
        for url in ["/", "/partners/", "/visits/?kind=conference", "/network/", "/no-such-page/"]:
            page.goto(url)
            _fits(page, f"{url} at {SMALL}")
        page.locator("details.site-menu > summary").click()
        _fits(page, f"the open menu at {SMALL}")
    finally:
        context.close()


def test_on_a_phone_the_menu_opens_results_come_first_and_the_drawer_opens(browser, live_server, demo_data):
    context = browser.new_context(base_url=live_server.url, viewport={"width": PHONE, "height": 800})
    try:
        page = context.new_page()
        page.goto("/visits/")
        nav = page.get_by_role("navigation", name="Main")
        assert not nav.is_visible()
        page.get_by_text("Menu", exact=True).click()
        assert nav.get_by_role("link", name="Partners").is_visible()
        assert page.get_by_role("button", name="Change").is_visible()
        _shot(page, "phone-menu-open")
        page.get_by_text("Menu", exact=True).click()
        assert not nav.is_visible()

        # The first result is on the first screen; the filters come after the results.
        first = page.locator(".results .card-list > li").first.bounding_box()
        drawer = page.locator("details.filter-drawer").bounding_box()
        assert first["y"] < 800
        assert drawer["y"] > first["y"]
        facets = page.get_by_role("complementary", name="Filters")
        assert not facets.is_visible()
        # The link at the top of the results leads to the drawer and opens it.
        page.get_by_role("link", name="Filters ↓").click()
        assert facets.is_visible()
        assert page.locator("details.filter-drawer").get_attribute("open") is not None
        page.locator("details.filter-drawer > summary").click()
        assert not facets.is_visible()
        page.locator("details.filter-drawer > summary").click()
        assert facets.locator("#facet-kind").is_visible()
        _shot(page, "phone-filters-open")

        # Charts: text at least 11 px on the home page and the network.
        for url in ["/", "/network/"]:
            page.goto(url)
            _fits(page, f"{url} at {PHONE}")
            assert page.evaluate(SMALLEST_SVG_TEXT) >= 11, url
    finally:
        context.close()


def test_on_a_desktop_the_filters_stand_beside_the_results_without_a_drawer_summary(browser, live_server, demo_data):
    context = browser.new_context(base_url=live_server.url, viewport={"width": DESKTOP, "height": 900})
    try:
        page = context.new_page()
        page.goto("/partners/?country=FR")
        assert not page.locator("details.filter-drawer > summary").is_visible()
        assert not page.locator("details.site-menu > summary").is_visible()
        facets = page.get_by_role("complementary", name="Filters")
        assert facets.locator("#facet-kind").is_visible()
        assert page.get_by_role("navigation", name="Main").is_visible()
        results = page.locator(".results").bounding_box()
        assert facets.bounding_box()["x"] < results["x"]
        page.goto("/")
        assert page.evaluate(SMALLEST_SVG_TEXT) >= 11
    finally:
        context.close()


def test_the_admin_visit_page_fits_1366_px_with_one_time_zone_note_and_no_axe_violation(
    browser, live_server, demo_data, django_user_model
):
    from pathlib import Path

    django_user_model.objects.create_superuser("fit-admin", password="a-long-test-password")
    axe = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
    # A reader hours away from the server's time zone: Django writes its note under every date field.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": DESKTOP, "height": 900}, timezone_id="Pacific/Auckland"
    )
    try:
        page = context.new_page()
        page.goto("/admin/login/")
        page.fill("#id_username", "fit-admin")
        page.fill("#id_password", "a-long-test-password")
        page.get_by_role("button", name="Log in").click()
        visit = Visit.objects.published().order_by("-start_date").first()
        for url in [f"/admin/visits/visit/{visit.pk}/change/", "/admin/visits/visit/add/"]:
            page.goto(url)
            page.wait_for_load_state("networkidle")
            _fits(page, url)
            notes = page.locator(".timezonewarning")
            assert notes.count() > 1
            assert len([i for i in range(notes.count()) if notes.nth(i).is_visible()]) == 1
            assert page.locator("select.admin-country-select + .select2-container").count() == 1
            page.evaluate(axe)
            result = page.evaluate("options => axe.run(document, options)", options)
            assert [v["id"] for v in result["violations"]] == [], url
        _shot(page, "desktop-admin-visit-add")
        # Countries by typing: "Fran" offers France.
        page.locator("select.admin-country-select + .select2-container .select2-search__field").fill("Fran")
        offered = page.locator(".select2-results__option", has_text="France")
        assert offered.is_visible()
        offered.click()
        assert page.locator("select.admin-country-select").evaluate(
            "s => [...s.selectedOptions].map(o => o.value)"
        ) == ["FR"]
    finally:
        context.close()
