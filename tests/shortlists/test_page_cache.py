"""Shortlists and the page cache for signed-in readers (core/cache.py, core/holes.py): the
"Add to shortlist" control is a personal hole, so a reader never sees another reader's lists on
a page cached for their role; a revoked share link stops at once (shortlists do not bump the data
version, so the shared page is never stored)."""

import pytest
from django.core.cache import cache

from shortlists.models import Entry, Shortlist, new_share_token
from tests import factories
from tests.core.test_signed_in_page_cache import get, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org():
    return factories.organisation(name="Listed Cluster")


def test_a_reader_never_sees_another_readers_shortlists_on_a_cached_page(org):
    alice, alice_client = signed_in("alice-reader")
    _, bob_client = signed_in("bob-reader")
    secret = Shortlist.objects.create(user=alice, name="Alice secret list")
    Entry.objects.create(shortlist=secret, organisation=org)
    alice_page, _ = get(alice_client, org.get_absolute_url())
    bob_page, n_hit = get(bob_client, org.get_absolute_url())
    assert "Alice secret list" in alice_page
    assert "Alice secret list" not in bob_page and "Add to a shortlist" in bob_page
    assert n_hit <= 7  # session, version, user and role, follow hole, the reader's lists (2)
    # Bob's own list shows on his next hit of the page cached for the role.
    Shortlist.objects.create(user=alice.__class__.objects.get(username="bob-reader"), name="Bob list")
    again, _ = get(bob_client, org.get_absolute_url())
    assert "Bob list" in again and "Alice secret list" not in again


def test_a_revoked_share_link_stops_at_once(client, org):
    alice, _ = signed_in("alice-reader")
    shortlist = Shortlist.objects.create(user=alice, name="Shared list", share_token=new_share_token())
    Entry.objects.create(shortlist=shortlist, organisation=org)
    url = shortlist.share_url()
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # a second look, which a page cache would serve
    shortlist.share_token = None
    shortlist.save(update_fields=["share_token"])
    assert client.get(url).status_code == 404
