"""The page cache for signed-in readers (core/cache.py, core/holes.py): one page per role, with
the personal parts filled per reader. Two readers on the same URL never see each other's
address, follow state or CSRF token; a role that may not see contacts never gets a page cached
for one that may; a write changes the page for everyone at once."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alerts.models import Follow
from clusters.models import ContactPerson, Organisation
from core.roles import READERS
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CONTACT = "cached.contact@example.org"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org():
    org = factories.organisation(name="Holey Cluster")
    ContactPerson.objects.create(organisation=org, name="Cached Contact", email=CONTACT)
    return org


def signed_in(username: str, *, reader: bool = True, **fields) -> tuple[User, Client]:
    user = User.objects.create_user(username, f"{username}@example.org", "a long test password", **fields)
    if reader:
        user.groups.add(Group.objects.get(name=READERS))
    client = Client()
    client.force_login(user)
    return user, client


def get(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(ctx)


def test_a_second_reader_is_served_the_first_readers_page_without_their_follow_or_address(org):
    alice, alice_client = signed_in("alice-reader")
    _, bob_client = signed_in("bob-reader")
    follow = Follow.objects.create(user=alice, organisation=org)
    alice_page, n_miss = get(alice_client, org.get_absolute_url())
    bob_page, n_first_hit = get(bob_client, org.get_absolute_url())
    _, n_hit = get(bob_client, org.get_absolute_url())
    # The session, the data version, the user and role, the follow hole, the shortlist hole (two).
    assert n_first_hit <= 7 < n_miss
    # The role remembered: the session (no cache in front here), the version, the holes (1 + 2).
    assert n_hit <= 5
    assert f"/me/following/{follow.pk}/unfollow/" in alice_page and "Unfollow" in alice_page
    assert "Unfollow" not in bob_page and f"/me/follow/{org.slug}/" in bob_page
    assert "alice-reader" not in bob_page and CONTACT in bob_page
    # The other way round, from the page cached for Bob's first visit.
    again, _ = get(alice_client, org.get_absolute_url())
    assert f"/me/following/{follow.pk}/unfollow/" in again and "bob-reader" not in again


def test_following_shows_on_the_next_hit_though_follows_do_not_bump_the_data_version(org):
    alice, alice_client = signed_in("alice-reader")
    assert "Unfollow" not in get(alice_client, org.get_absolute_url())[0]
    Follow.objects.create(user=alice, organisation=org)
    assert "Unfollow" in get(alice_client, org.get_absolute_url())[0]


def test_a_role_without_contacts_never_gets_the_page_cached_for_one_with_them(org):
    _, reader_client = signed_in("with-contacts")
    _, plain_client = signed_in("without-contacts", reader=False)
    assert CONTACT in get(reader_client, org.get_absolute_url())[0]
    plain_page, _ = get(plain_client, org.get_absolute_url())
    assert CONTACT not in plain_page and "How to become a reader" in plain_page
    anonymous_page, _ = get(Client(), org.get_absolute_url())
    assert CONTACT not in anonymous_page and "Sign out" not in anonymous_page
    assert "Sign out" in get(reader_client, org.get_absolute_url())[0]


def test_staff_drafts_stay_with_staff():
    draft = factories.visit(title="Draft only staff see", status="draft")
    _, staff_client = signed_in("staff-editor", reader=False, is_staff=True)
    _, reader_client = signed_in("plain-reader")
    assert draft.title in get(staff_client, "/visits/")[0]
    assert draft.title not in get(reader_client, "/visits/")[0]
    assert draft.title in get(staff_client, "/visits/")[0]


def test_a_write_changes_the_cached_page_for_signed_in_readers_at_once(org):
    _, client = signed_in("alice-reader")
    get(client, org.get_absolute_url())
    _, n_hit = get(client, org.get_absolute_url())
    Organisation.objects.filter(pk=org.pk).update(name="Renamed Holey Cluster")
    page, n_after = get(client, org.get_absolute_url())
    assert "Renamed Holey Cluster" in page and n_after > n_hit


def test_joining_readers_shows_contacts_at_once(org):
    user, client = signed_in("late-reader", reader=False)
    assert CONTACT not in get(client, org.get_absolute_url())[0]
    user.groups.add(Group.objects.get(name=READERS))
    assert CONTACT in get(client, org.get_absolute_url())[0]


def test_a_new_password_signs_the_old_session_out_though_its_role_is_remembered(org):
    user, client = signed_in("alice-reader")
    for _ in range(2):
        assert "Sign out" in get(client, org.get_absolute_url())[0]
    user.set_password("another long test password")
    user.save()
    page, _ = get(client, org.get_absolute_url())
    assert "Sign out" not in page and CONTACT not in page


def test_csrf_tokens_in_a_cached_page_are_the_readers_own():
    _, alice_client = signed_in("alice-reader")
    bob = User.objects.create_user("bob-reader", "bob@example.org", "a long test password")
    bob_client = Client(enforce_csrf_checks=True)
    bob_client.force_login(bob)
    alice_page, _ = get(alice_client, "/partners/")
    bob_page, _ = get(bob_client, "/partners/")
    assert "\x00" not in bob_page and set(TOKEN.findall(alice_page)).isdisjoint(TOKEN.findall(bob_page))
    token = TOKEN.findall(bob_page)[0]
    response = bob_client.post("/i18n/setlang/", {"language": "de", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_signed_in_answers_are_private_and_anonymous_ones_are_not():
    _, client = signed_in("alice-reader")
    for _ in range(2):  # the miss and the hit
        response = client.get("/partners/")
        assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
    assert "private" not in Client().get("/partners/").get("Cache-Control", "")


def test_a_readers_own_pages_are_never_shared():
    alice, alice_client = signed_in("alice-reader")
    _, bob_client = signed_in("bob-reader")
    Follow.objects.create(user=alice, organisation=factories.organisation(name="Followed By Alice"))
    assert "Followed By Alice" in get(alice_client, "/me/following/")[0]
    assert "Followed By Alice" not in get(bob_client, "/me/following/")[0]


def test_a_page_naming_the_reader_is_not_stored(settings, org):
    org.description = "Written by named-reader@example.org"
    org.save()
    _, client = signed_in("named-reader")
    get(client, org.get_absolute_url())  # fills the profile's own caches (Who to meet)
    _, n_second = get(client, org.get_absolute_url())
    _, n_third = get(client, org.get_absolute_url())
    assert n_third == n_second > 7  # rendered afresh each time, never a cache hit


def test_a_waiting_message_is_shown_not_a_cached_page(org):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    _, client = signed_in("alice-reader")
    get(client, org.get_absolute_url())
    storage, response = CookieStorage(HttpRequest()), HttpResponse()
    storage.add(constants.INFO, "A waiting note")
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "A waiting note" in get(client, org.get_absolute_url())[0]
    assert "A waiting note" not in get(client, org.get_absolute_url())[0]  # shown once
