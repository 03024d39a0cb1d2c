"""Two signed-in readers on one organisation page with the page cache on (core/cache.py): the
first, on a phone, follows it through the page cached for the second's role; the second, on a
desktop, gets the same cached page with their own Follow button and CSRF token, follows too and
signs out through the cached header."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client

from alerts.models import Follow
from core.roles import READERS
from tests import factories
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def reader_page(browser, live_server, username: str, width: int, height: int):
    user = User.objects.create_user(username, f"{username}@example.org", "a long test password")
    user.groups.add(Group.objects.get(name=READERS))
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    context.add_cookies([cookie])
    return user, context, context.new_page()


def open_menu(page):
    menu = page.locator("details.site-menu")
    if menu.get_attribute("open") is None and page.viewport_size["width"] < 992:
        page.locator("details.site-menu > summary").click()


def test_two_readers_follow_through_the_cached_page_and_sign_out(browser, live_server, transactional_db):
    Group.objects.get_or_create(name=READERS)
    org = factories.organisation(name="Shared Cache Cluster")
    bob, bob_context, bob_page = reader_page(browser, live_server, "bob-desktop", 1366, 900)
    alice, alice_context, alice_page = reader_page(browser, live_server, "alice-phone", 390, 844)
    try:
        bob_page.goto(org.get_absolute_url())  # renders and stores the page for readers
        assert bob_page.get_by_role("button", name="Follow", exact=True).is_visible()

        alice_page.goto(org.get_absolute_url())  # served from the cache, her own holes filled
        alice_page.get_by_role("button", name="Follow", exact=True).click()
        alice_page.wait_for_url(f"**{org.get_absolute_url()}")
        assert alice_page.get_by_role("button", name="Unfollow").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        alice_page.screenshot(path=str(ARTIFACTS / "signed-in-cache-follow-390.png"), full_page=True)
        assert Follow.objects.filter(user=alice, organisation=org).exists()

        bob_page.reload()
        assert bob_page.get_by_role("button", name="Unfollow").count() == 0
        assert "alice-phone" not in bob_page.content()
        bob_page.get_by_role("button", name="Follow", exact=True).click()
        bob_page.wait_for_url(f"**{org.get_absolute_url()}")
        assert bob_page.get_by_role("button", name="Unfollow").is_visible()
        bob_page.screenshot(path=str(ARTIFACTS / "signed-in-cache-follow-1366.png"), full_page=True)
        assert Follow.objects.filter(organisation=org).count() == 2

        open_menu(alice_page)
        alice_page.get_by_role("button", name="Sign out").click()
        alice_page.wait_for_load_state()
        open_menu(alice_page)
        assert alice_page.get_by_role("link", name="Sign in", exact=True).is_visible()
    finally:
        alice_context.close()
        bob_context.close()
