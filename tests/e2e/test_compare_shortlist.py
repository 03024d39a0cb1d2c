"""A cluster manager's journey of issue 16, at 390 and 1366 px: signed in, they find partners for
İŞİM from its profile ("Who to meet", then all suggestions), compare two suggestions with İŞİM,
add one to a shortlist; compare a pole with its first suggestion and shortlist the pole; compare
two ticked organisations of the partners' list; share the shortlist, whose link opens signed out,
read-only. No page overflows the window: the comparison table scrolls in its own box."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User

from clusters.models import Organisation
from shortlists.models import Entry, Shortlist
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_accessibility import AXE_OPTIONS, AXE_SOURCE, _format

pytestmark = pytest.mark.e2e

EMAIL = "compare.reader@example.org"
PASSWORD = "a-long-reader-password"
PROFILE = "/partners/pole-vehicule-du-futur/"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def verified_reader():
    user = User.objects.create_user(EMAIL, EMAIL, PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, f"{page.url} overflows at {width} px"


@pytest.mark.parametrize("width", [390, 1366])
def test_compare_shortlist_and_share(page, browser, live_server, demo_data, screenshot, width):
    verified_reader()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/profile/")

    # İŞİM's profile: "Who to meet", then all suggestions; compare two of them with İŞİM.
    page.goto("/partners/isim/")
    page.locator("section.who-to-meet").get_by_role("link", name="More suggestions").click()
    page.wait_for_url("**/discover/?for=isim")
    names = page.locator(".card.suggestion h3").all_inner_texts()
    assert len(names) >= 2
    first, second = names[0], names[1]
    page.locator(".card.suggestion").first.get_by_role("link", name="Compare side by side").click()
    page.wait_for_url(re.compile(r"/compare/\?o=isim&o="))
    page.get_by_label("Add an organisation (its name or its address in this site)").fill(second)
    page.locator("form.compare-add").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/compare/\?o=isim&o=[^&]+&o=[^&]+$"))
    table = page.locator("table.compare-table")
    headings = table.locator("thead th").all_inner_texts()
    assert len(headings) == 4 and headings[1].startswith("İŞİM")
    assert any(h.startswith(first) for h in headings) and any(h.startswith(second) for h in headings)
    screenshot(f"compare-{width}")
    fits(page, width)

    # Add the first suggestion to a (new) shortlist from the suggestions.
    page.go_back()
    page.go_back()
    page.wait_for_url("**/discover/?for=isim")
    page.get_by_role("button", name=f"Add to a shortlist {first}", exact=True).click()
    page.wait_for_url("**/discover/?for=isim")
    fits(page, width)
    assert page.get_by_text(f"Added {first} to “My shortlist”.").is_visible()

    # The pole's profile: compare it with its first suggestion; add it to the same shortlist.
    page.goto(PROFILE)
    page.get_by_role("link", name=re.compile(r"^Compare with ")).click()
    page.wait_for_url(re.compile(r"/compare/\?o=pole-vehicule-du-futur&o="))
    assert page.locator('tr[data-row="members"] td').first.inner_text().startswith("375 members")
    page.goto(PROFILE)
    page.get_by_role("button", name="Add to shortlist", exact=True).click()  # the list chosen in a menu
    page.wait_for_url(f"**{PROFILE}")
    assert page.get_by_text("Added Pôle Véhicule du Futur to “My shortlist”.").is_visible()
    fits(page, width)

    # On the partners' list: tick two organisations and compare them.
    page.goto("/partners/?q=textile")
    fits(page, width)
    boxes = page.locator('input[type="checkbox"][form="compare-form"]')
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Compare ticked organisations").click()
    page.wait_for_url(re.compile(r"/compare/\?o=[^&]+&o=[^&]+$"))
    assert page.locator("table.compare-table thead th").count() == 3
    fits(page, width)

    # Share the shortlist, then open the link signed out.
    page.goto("/me/shortlists/")
    page.get_by_role("link", name="My shortlist").click()
    page.get_by_role("button", name="Create a share link").click()
    link = page.locator("#share-link").input_value()
    assert "/shortlists/shared/" in link
    screenshot(f"shortlist-{width}")
    fits(page, width)

    anonymous = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    try:
        visitor = anonymous.new_page()
        visitor.goto(link)
        assert visitor.get_by_role("heading", name="My shortlist").is_visible()
        assert visitor.get_by_role("link", name="Pôle Véhicule du Futur").is_visible()
        assert visitor.get_by_role("link", name=first).is_visible()
        assert visitor.get_by_role("button", name="Remove").count() == 0
        assert visitor.locator("input[name=note]").count() == 0
        visitor.screenshot(path=str(ARTIFACTS / f"shortlist-shared-{width}.png"), full_page=True)
        fits(visitor, width)
    finally:
        anonymous.close()


def test_compare_and_a_shared_shortlist_have_no_axe_violations(page, demo_data):
    shortlist = Shortlist.objects.create(user=verified_reader(), name="Benchmarks", share_token="t" * 32)
    for slug in ("isim", "pole-vehicule-du-futur"):
        Entry.objects.create(shortlist=shortlist, organisation=Organisation.objects.get(slug=slug), note="A note")
    for path in ("/compare/?o=pole-vehicule-du-futur&o=isim", shortlist.share_url()):
        assert page.goto(path).status == 200
        page.evaluate(AXE_SOURCE)
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        assert results["violations"] == [], f"{path}\n{_format(results['violations'])}"
