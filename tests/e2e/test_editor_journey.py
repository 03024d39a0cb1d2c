"""The editor's journey of the visit-reports issue, in a real browser: sign in, enter a report
with three itinerary stops, two findings and a follow-up, create a new host organisation from the
visit page, check that an anonymous visitor cannot see the draft, publish it, and find it on the
public visit list, through the search box and on the host organisation's page."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

TITLE = "Study tour of the Kraków aerospace valley"
HOST = "Dolina Lotnicza Rzeszów"


@pytest.fixture
def editor(demo_data):
    user = get_user_model().objects.create_user("edna", "edna@example.org", "an-editor-password-42", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def choose(page, select_id: str, text: str):
    """Pick ``text`` in the admin's autocomplete (select2) widget for the select ``select_id``."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def add_inline_row(page, prefix: str) -> int:
    """Click the inline's "Add another" link; return the index of the new row."""
    rows = page.locator(f"#{prefix}-group .dynamic-{prefix}")
    before = rows.count()
    page.locator(f"#{prefix}-group .add-row a").click()
    rows.nth(before).wait_for()
    return before


def test_editor_enters_publishes_and_finds_a_visit_report(page, browser, live_server, editor, screenshot):
    page.goto("/admin/login/?next=/admin/visits/visit/add/")
    page.fill("#id_username", "edna")
    page.fill("#id_password", "an-editor-password-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/visits/visit/add/")

    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", "study_visit")
    page.fill("#id_start_date", "2025-05-12")
    page.fill("#id_end_date", "2025-05-14")
    page.fill("#id_city", "Rzeszów")
    page.select_option("#id_country", "PL")
    page.fill("#id_purpose", "Learn how an aerospace cluster trains its suppliers.")
    page.fill("#id_report", "The **delegation** met the cluster's supplier-training team.")

    # A host that is not on record yet: created from the visit page, in the admin's popup.
    with page.expect_popup() as popup_info:
        page.locator("#add_id_hosts").click()
    popup = popup_info.value
    popup.fill("#id_name", HOST)
    popup.select_option("#id_kind", "cluster")
    popup.select_option("#id_country", "PL")
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()
    assert page.locator("#id_hosts option", has_text=HOST).count() == 1
    assert page.locator("#id_title").input_value() == TITLE  # nothing typed was lost

    for day, place in [(1, "Rzeszów"), (2, "Mielec"), (3, "Kraków")]:
        row = add_inline_row(page, "stops")
        page.fill(f"#id_stops-{row}-day", str(day))
        page.fill(f"#id_stops-{row}-place", place)
    choose(page, "id_stops-0-host", HOST)

    for text, value in [("Suppliers are trained in groups of twelve.", "12"), ("Most members are SMEs.", "")]:
        row = add_inline_row(page, "findings")
        page.fill(f"#id_findings-{row}-text", text)
        if value:
            page.fill(f"#id_findings-{row}-value", value)
            page.select_option(f"#id_findings-{row}-unit", "count")

    row = add_inline_row(page, "follow_ups")
    page.fill(f"#id_follow_ups-{row}-action", "Invite the cluster to a return visit")

    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")
    screenshot("editor-visit-saved-as-draft")

    # While it is a draft, an anonymous visitor sees it nowhere.
    anonymous = browser.new_context(base_url=live_server.url).new_page()
    anonymous.goto("/visits/")
    assert TITLE not in anonymous.content()
    anonymous.goto(f"/search/?q={HOST}")
    assert TITLE not in anonymous.content()

    page.select_option("#id_status", "published")
    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")

    anonymous.goto("/visits/")
    anonymous.get_by_role("link", name=TITLE).click()
    assert anonymous.get_by_role("heading", name=TITLE).is_visible()
    assert anonymous.locator("strong", has_text="delegation").count() == 1  # Markdown rendered
    ARTIFACTS.mkdir(exist_ok=True)
    anonymous.screenshot(path=str(ARTIFACTS / "editor-visit-public.png"), full_page=True)

    anonymous.goto("/")
    anonymous.get_by_role("search").get_by_role("searchbox").fill("Krakow aerospace")
    anonymous.get_by_role("search").get_by_role("button").click()
    assert anonymous.get_by_role("link", name=TITLE).first.is_visible()

    anonymous.goto("/partners/?q=Dolina")
    anonymous.get_by_role("link", name=HOST).first.click()
    assert anonymous.get_by_role("link", name=TITLE).first.is_visible()
    anonymous.context.close()
