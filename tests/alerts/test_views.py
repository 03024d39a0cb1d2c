"""The "Save this search" control, My searches, Following and the unsubscribe link."""

import datetime

import pytest
from django.conf import settings
from django.core import signing
from django.shortcuts import resolve_url
from django.test import Client
from django.utils import timezone

from alerts.models import Follow, Frequency, SavedSearch
from alerts.unsubscribe import make_token
from tests import factories
from tests.alerts.conftest import TAG, call_search, tagged_call

pytestmark = pytest.mark.django_db

CALLS = "/funding/calls/"


def test_anonymous_visitors_get_a_sign_in_link_that_comes_back(client):
    html = client.get(CALLS, {"country": "TR"}).content.decode()
    login = resolve_url(settings.LOGIN_URL)
    assert "Sign in to save this search" in html
    assert f'href="{login}?next=%2Ffunding%2Fcalls%2F%3Fcountry%3DTR"' in html


@pytest.mark.parametrize(
    "url", ["/partners/", "/clusters/", "/poles/", "/visits/", "/funding/", CALLS, "/funding/projects/"]
)
def test_every_list_page_offers_save_this_search_to_signed_in_readers(client, reader, url):
    client.force_login(reader)
    html = client.get(url).content.decode()
    assert 'action="/me/searches/save/"' in html
    assert "csrfmiddlewaretoken" in html


def test_the_name_is_prefilled_from_the_active_filters(client, reader):
    client.force_login(reader)
    html = client.get(CALLS, {"country": "TR", "page": "2"}).content.decode()
    assert 'value="Calls for proposals — Eligible country: Turkey"' in html or "Eligible country: T" in html
    assert 'name="query" value="country=TR"' in html  # page state dropped


def test_the_global_search_offers_it_with_a_query(client, reader):
    client.force_login(reader)
    html = client.get("/search/", {"q": "cluster"}).content.decode()
    assert 'name="view_name" value="globalsearch:search"' in html
    assert "Search: “cluster”" in html


def test_saving_stores_the_normalised_filters_and_the_language(client, reader):
    client.force_login(reader)
    response = client.post(
        "/me/searches/save/",
        {"name": "Calls for Turkey", "view_name": "funding:call-list", "query": "status=open&country=TR&page=3&q="},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 302 and response.url == "/me/searches/"
    search = SavedSearch.objects.get(user=reader)
    assert (search.name, search.query, search.language) == ("Calls for Turkey", "country=TR&status=open", "de")
    assert search.list_url() == "/funding/calls/?country=TR&status=open"


@pytest.mark.parametrize(
    "data",
    [
        {"name": "x", "view_name": "admin:index", "query": ""},
        {"name": "x", "view_name": "no-such:page", "query": ""},
        {"name": "   ", "view_name": "funding:call-list", "query": ""},
        {"view_name": "funding:call-list"},
    ],
)
def test_bad_input_to_save_is_a_400_and_saves_nothing(client, reader, data):
    client.force_login(reader)
    response = client.post("/me/searches/save/", data)
    assert response.status_code == 400
    assert "The search was not saved" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_saving_needs_sign_in(client):
    response = client.post("/me/searches/save/", {"name": "x", "view_name": "funding:call-list"})
    assert response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL))
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("url", ["/me/searches/", "/me/following/"])
def test_my_pages_redirect_anonymous_visitors_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={url}"


def test_my_searches_has_an_empty_state(client, reader):
    client.force_login(reader)
    response = client.get("/me/searches/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You have no saved search yet." in html
    assert 'class="breadcrumbs"' in html and "<title>My searches" in html


def test_my_searches_counts_new_matches_as_the_list_does(client, reader):
    search = call_search(reader)
    search.last_seen_at = timezone.now()
    search.save()
    tagged_call()
    tagged_call()
    factories.call()  # not tagged: no match
    client.force_login(reader)
    html = client.get("/me/searches/").content.decode()
    assert "Test calls" in html and "2 new" in html
    listed = client.get(search.list_url()).context["result_count"]
    assert listed == 2


def test_opening_marks_seen_and_redirects_to_the_list(client, reader):
    search = call_search(reader)
    tagged_call()
    client.force_login(reader)
    before = timezone.now()
    response = client.get(f"/me/searches/{search.pk}/open/")
    assert response.status_code == 302 and response.url == f"/funding/calls/?tag={TAG}"
    search.refresh_from_db()
    assert search.last_seen_at >= before
    assert "new" not in client.get("/me/searches/").content.decode().split("Test calls")[1].split("</h2>")[0]


def test_a_search_whose_filters_no_longer_hold_says_so_and_still_opens(client, reader):
    search = call_search(reader, query="status=no-such-status")
    client.force_login(reader)
    response = client.get("/me/searches/")
    assert response.status_code == 200
    assert "no longer valid" in response.content.decode()
    opened = client.get(f"/me/searches/{search.pk}/open/", follow=True)
    # The list opens: its rows without the refused filter, and the message, answered as 400.
    assert opened.status_code == 400
    html = opened.content.decode()
    assert "This filter was ignored." in html and 'class="card-title"' in html


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/me/searches/{}/open/"),
        ("get", "/me/searches/{}/"),
        ("post", "/me/searches/{}/"),
        ("post", "/me/searches/{}/delete/"),
    ],
)
def test_a_reader_cannot_see_or_change_another_readers_search(client, reader, other, method, path):
    search = call_search(other)
    client.force_login(reader)
    response = getattr(client, method)(path.format(search.pk), {"name": "mine now"})
    assert response.status_code == 404
    search.refresh_from_db()
    assert search.name == "Test calls"


def test_rename_and_alert_settings(client, reader):
    search = call_search(reader, frequency=Frequency.NONE)
    client.force_login(reader)
    page = client.get(f"/me/searches/{search.pk}/")
    assert page.status_code == 200 and 'name="reminder_days"' in page.content.decode()
    before = timezone.now()
    response = client.post(
        f"/me/searches/{search.pk}/", {"name": "Renamed", "frequency": "weekly", "reminder_days": "7"}
    )
    assert response.status_code == 302
    search.refresh_from_db()
    assert (search.name, search.frequency, search.reminder_days) == ("Renamed", "weekly", 7)
    assert search.alerts_since >= before  # news from now on


@pytest.mark.parametrize(
    "data",
    [
        {"name": "x", "frequency": "hourly"},
        {"name": "", "frequency": "daily"},
        {"name": "x", "frequency": "daily", "reminder_days": "61"},
        {"name": "x", "frequency": "daily", "reminder_days": "0"},
    ],
)
def test_bad_settings_are_a_400_and_change_nothing(client, reader, data):
    search = call_search(reader)
    client.force_login(reader)
    response = client.post(f"/me/searches/{search.pk}/", data)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    search.refresh_from_db()
    assert (search.name, search.frequency, search.reminder_days) == ("Test calls", "daily", None)


def test_reminders_are_offered_only_for_lists_with_deadlines(client, reader):
    search = SavedSearch.objects.create(user=reader, name="Visits", view_name="visits:visit-list")
    client.force_login(reader)
    assert 'name="reminder_days"' not in client.get(f"/me/searches/{search.pk}/").content.decode()


def test_delete(client, reader):
    search = call_search(reader)
    client.force_login(reader)
    assert client.post(f"/me/searches/{search.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.filter(pk=search.pk).exists()
    assert client.get(f"/me/searches/{search.pk}/delete/").status_code in (404, 405)


def test_follow_unfollow_and_following_page(client, reader, other):
    org = factories.organisation(name="Followed cluster")
    url = org.get_absolute_url()
    assert "Sign in to follow" in client.get(url).content.decode()
    client.force_login(reader)
    assert client.get("/me/following/").status_code == 200
    assert "You follow no organisation yet." in client.get("/me/following/").content.decode()
    assert client.post(f"/me/follow/{org.slug}/").status_code == 302
    client.post(f"/me/follow/{org.slug}/")  # twice is once
    follow = Follow.objects.get(user=reader)
    assert "Following" in client.get(url).content.decode()
    assert "Followed cluster" in client.get("/me/following/").content.decode()
    assert client.post("/me/follow/no-such-organisation/").status_code == 404
    client.force_login(other)
    assert client.post(f"/me/following/{follow.pk}/unfollow/").status_code == 404
    client.force_login(reader)
    assert client.post(f"/me/following/{follow.pk}/unfollow/").status_code == 302
    assert not Follow.objects.exists()


def test_deleting_a_user_deletes_their_searches_and_follows(reader):
    call_search(reader)
    Follow.objects.create(user=reader, organisation=factories.organisation())
    reader.delete()
    assert not SavedSearch.objects.exists() and not Follow.objects.exists()


def test_personal_data_exports_searches_and_follows(reader):
    from core.personal_data import collect

    call_search(reader)
    Follow.objects.create(user=reader, organisation=factories.organisation(name="Exported org"))
    data = collect(reader)
    assert data["saved_searches"][0]["url"] == f"/funding/calls/?tag={TAG}"
    assert data["follows"][0]["organisation"] == "Exported org"


class TestUnsubscribe:
    def test_get_confirms_and_post_unsubscribes_without_sign_in(self, reader):
        search = call_search(reader, reminder_days=5)
        client = Client(enforce_csrf_checks=True)
        url = f"/alerts/unsubscribe/{make_token(f'search:{search.pk}')}/"
        page = client.get(url)
        assert page.status_code == 200 and "Stop the e-mails of this saved search?" in page.content.decode()
        search.refresh_from_db()
        assert search.frequency == "daily"  # a GET (a link scanner) changes nothing
        done = client.post(url)
        assert done.status_code == 200 and "sends no more e-mails" in done.content.decode()
        search.refresh_from_db()
        assert (search.frequency, search.reminder_days) == ("none", None)

    def test_one_click_post_as_rfc_8058(self, reader):
        follow = Follow.objects.create(user=reader, organisation=factories.organisation())
        client = Client(enforce_csrf_checks=True)
        url = f"/alerts/unsubscribe/{make_token(f'follow:{follow.pk}')}/"
        response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200
        assert not Follow.objects.exists()

    def test_a_tampered_link_is_a_clear_400(self, client, reader):
        search = call_search(reader)
        token = make_token(f"search:{search.pk}")
        payload, _, signature = token.rpartition(":")
        forged = signing.dumps(f"search:{search.pk}", salt="another purpose")
        for bad in (f"{payload}:{signature[::-1]}", "garbage", forged):
            response = client.post(f"/alerts/unsubscribe/{bad}/")
            assert response.status_code == 400
            assert "not valid" in response.content.decode()
        search.refresh_from_db()
        assert search.frequency == "daily"

    def test_an_expired_link_is_a_clear_400(self, client, reader, settings):
        search = call_search(reader)
        settings.ALERTS_UNSUBSCRIBE_MAX_AGE = -1
        response = client.get(f"/alerts/unsubscribe/{make_token(f'search:{search.pk}')}/")
        assert response.status_code == 400
        assert "expired" in response.content.decode()


def test_a_saved_global_search_counts_new_matches_in_every_type(client, reader):
    search = SavedSearch.objects.create(
        user=reader, name="Zanzibarian", view_name="globalsearch:search", query="q=Zanzibarian"
    )
    tagged_call(title="Zanzibarian call")
    factories.organisation(name="Zanzibarian cluster")
    factories.visit(title="Zanzibarian draft", status="draft")
    client.force_login(reader)
    html = client.get("/me/searches/").content.decode()
    assert "2 new" in html
    response = client.get(f"/me/searches/{search.pk}/open/")
    assert response.url == "/search/?q=Zanzibarian"


def test_my_searches_query_count_does_not_grow_with_matches(client, reader, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    search = call_search(reader)
    search.last_seen_at = timezone.now() - datetime.timedelta(days=1)
    search.save()
    client.force_login(reader)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/me/searches/").status_code == 200
        return len(captured)

    tagged_call()
    count()
    few = count()
    for _ in range(20):
        tagged_call()
    assert count() == few


def test_a_search_of_a_list_that_was_removed_is_no_500(client, reader):
    from alerts.sending import send_alerts

    search = SavedSearch.objects.create(
        user=reader, name="Gone", view_name="funding:removed-list", query="a=1", frequency=Frequency.DAILY
    )
    client.force_login(reader)
    response = client.get("/me/searches/")
    assert response.status_code == 200 and "This list no longer exists." in response.content.decode()
    assert client.get(f"/me/searches/{search.pk}/open/").url == "/me/searches/"
    assert send_alerts().failed == 0
