"""Readers' shortlists: adding from profiles and lists, /me/shortlists/, CSV, the read-only share
link, permissions, limits, the personal data download and account deletion."""

import csv
import html as html_lib
import io
import json
import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.services import delete_account
from clusters.models import ContactPerson, Organisation
from shortlists.models import Entry, Shortlist
from tests import factories

pytestmark = pytest.mark.django_db

ADD = "/me/shortlists/add/"


def shortlist(user, *slugs, name="Partners to meet") -> Shortlist:
    s = Shortlist.objects.create(user=user, name=name)
    for slug in slugs:
        Entry.objects.create(shortlist=s, organisation=Organisation.objects.get(slug=slug))
    return s


def test_anonymous_visitors_are_offered_to_sign_in(client):
    html = client.get("/partners/isim/").content.decode()
    assert '<a class="button-link" href="/accounts/login/?next=%2Fpartners%2Fisim%2F">Sign in to shortlist</a>' in html
    assert "Sign in to shortlist" in client.get("/partners/").content.decode()


def test_anonymous_posts_add_nothing(client):
    response = client.post(ADD, {"organisation": "isim", "shortlist": "new"})
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert not Entry.objects.exists()


def test_the_add_button_is_a_csrf_protected_post_form(client, reader):
    client.force_login(reader)
    shortlist(reader, name="Benchmarks")
    html = client.get("/partners/isim/").content.decode()
    form = html[html.index('action="/me/shortlists/add/"') - 200 :]
    assert 'method="post"' in form[:300] and 'name="csrfmiddlewaretoken"' in form
    assert '<option value="new">A new shortlist</option>' in form


def test_adding_from_a_profile_creates_the_first_list_and_comes_back(client, reader):
    client.force_login(reader)
    response = client.post(ADD, {"organisation": "isim", "shortlist": "new", "next": "/partners/isim/"})
    assert (response.status_code, response.url) == (302, "/partners/isim/")
    entry = Entry.objects.get()
    assert (entry.shortlist.user, entry.shortlist.name, entry.organisation.slug) == (reader, "My shortlist", "isim")
    assert "On your shortlists:" in client.get("/partners/isim/").content.decode()


def test_adding_from_the_list_adds_to_the_latest_list_once(client, reader):
    mine = shortlist(reader)
    client.force_login(reader)
    html = client.get("/partners/").content.decode()
    assert f'name="shortlist" value="{mine.pk}"' in html
    for _ in range(2):
        response = client.post(ADD, {"organisation": "techtera", "shortlist": str(mine.pk), "next": "/partners/?q=x"})
        assert response.url == "/partners/?q=x"
    assert mine.entries.count() == 1
    assert "Shortlisted" in client.get("/partners/", {"q": "techtera"}).content.decode()


def test_an_outside_next_address_is_not_followed(client, reader):
    client.force_login(reader)
    response = client.post(ADD, {"organisation": "isim", "shortlist": "new", "next": "https://evil.example/"})
    assert response.url == "/partners/isim/"


@pytest.mark.parametrize(
    "data", [{"organisation": "no-such-org"}, {"organisation": ""}, {"organisation": "isim", "shortlist": "abc"}]
)
def test_bad_input_to_add_is_a_400_and_adds_nothing(client, reader, data):
    client.force_login(reader)
    response = client.post(ADD, data)
    assert response.status_code == 400
    assert not Entry.objects.exists() and not Shortlist.objects.exists()


def test_adding_to_another_readers_list_is_a_404(client, reader, other):
    theirs = shortlist(other)
    client.force_login(reader)
    assert client.post(ADD, {"organisation": "isim", "shortlist": str(theirs.pk)}).status_code == 404
    assert not theirs.entries.exists()


def test_a_full_list_refuses_with_a_message(client, reader, monkeypatch):
    monkeypatch.setattr("shortlists.services.MAX_ENTRIES", 2)
    full = shortlist(reader, "isim", "techtera")
    client.force_login(reader)
    response = client.post(ADD, {"organisation": "zenit", "shortlist": str(full.pk)})
    assert response.status_code == 400
    assert "holds 2 organisations, the most a shortlist holds" in response.content.decode()
    assert full.entries.count() == 2


def test_an_organisation_is_on_a_list_once_by_constraint(reader):
    s = shortlist(reader, "isim")
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(shortlist=s, organisation=Organisation.objects.get(slug="isim"))


def test_create_rename_and_delete(client, reader):
    client.force_login(reader)
    response = client.post("/me/shortlists/", {"name": "Poles to visit"})
    s = Shortlist.objects.get(user=reader)
    assert response.url == f"/me/shortlists/{s.pk}/"
    assert "Poles to visit" in client.get("/me/shortlists/").content.decode()
    client.post(f"/me/shortlists/{s.pk}/rename/", {"name": "French poles"})
    s.refresh_from_db()
    assert s.name == "French poles"
    assert client.post(f"/me/shortlists/{s.pk}/rename/", {"name": "  "}).status_code == 400
    s.refresh_from_db()
    assert s.name == "French poles"
    assert client.post("/me/shortlists/", {"name": ""}).status_code == 400
    assert client.post(f"/me/shortlists/{s.pk}/delete/").url == "/me/shortlists/"
    assert not Shortlist.objects.exists()


def test_notes_and_removal(client, reader):
    s = shortlist(reader, "isim", "techtera")
    entry = s.entries.get(organisation__slug="isim")
    client.force_login(reader)
    client.post(f"/me/shortlists/entries/{entry.pk}/note/", {"note": "Met at the 2017 fair"})
    entry.refresh_from_db()
    assert entry.note == "Met at the 2017 fair"
    assert client.post(f"/me/shortlists/entries/{entry.pk}/note/", {"note": "x" * 501}).status_code == 400
    client.post(f"/me/shortlists/entries/{entry.pk}/remove/")
    assert list(s.entries.values_list("organisation__slug", flat=True)) == ["techtera"]


def test_other_readers_lists_are_404_everywhere(client, reader, other):
    theirs = shortlist(other, "isim")
    entry = theirs.entries.get()
    client.force_login(reader)
    for url in (f"/me/shortlists/{theirs.pk}/", f"/me/shortlists/{theirs.pk}/shortlist.csv"):
        assert client.get(url).status_code == 404
    for url in ("rename", "delete", "share"):
        assert client.post(f"/me/shortlists/{theirs.pk}/{url}/", {"name": "x", "action": "share"}).status_code == 404
    for url in ("note", "remove"):
        assert client.post(f"/me/shortlists/entries/{entry.pk}/{url}/", {"note": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.share_token, theirs.entries.count()) == ("Partners to meet", None, 1)
    assert "Partners to meet" not in client.get("/me/shortlists/").content.decode()


def test_the_me_pages_need_a_sign_in(client):
    assert client.get("/me/shortlists/").url.startswith("/accounts/login/")


def test_compare_these_for_two_to_four(client, reader):
    client.force_login(reader)
    two = shortlist(reader, "isim", "techtera")
    html = client.get(f"/me/shortlists/{two.pk}/").content.decode()
    assert 'href="/compare/?o=isim&amp;o=techtera"' in html
    one = shortlist(reader, "isim", name="Alone")
    assert "Compare these" not in client.get(f"/me/shortlists/{one.pk}/").content.decode()


def names_on_page(html) -> list[str]:
    return re.findall(r'<h2 class="card-title"><a href="/partners/[^"]+/">([^<]+)</a>', html)


def test_the_csv_equals_the_page(client, reader):
    s = shortlist(reader, "techtera", "isim", "pole-vehicule-du-futur")
    s.entries.filter(organisation__slug="isim").update(note="Textiles, not construction")
    client.force_login(reader)
    html = client.get(f"/me/shortlists/{s.pk}/").content.decode()
    response = client.get(f"/me/shortlists/{s.pk}/shortlist.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Organisation", "Kind", "Country", "City", "Note", "Added", "Profile"]
    assert [r[0] for r in rows[1:]] == [html_lib.unescape(n) for n in names_on_page(html)]
    assert len(rows) == 4
    assert rows[1 + [r[0] for r in rows[1:]].index("İŞİM")][:3] == ["İŞİM", "Cluster", "Türkiye"]
    assert "Textiles, not construction" in [r[4] for r in rows]
    assert all(r[6].startswith("http://testserver/partners/") for r in rows[1:])


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_query_budget_does_not_grow_with_entries(client, reader):
    client.force_login(reader)
    small = shortlist(reader, "isim", "techtera")
    large = shortlist(reader, *Organisation.objects.values_list("slug", flat=True)[:30], name="Large")
    assert queries(client, f"/me/shortlists/{small.pk}/") == queries(client, f"/me/shortlists/{large.pk}/")
    small.share_token, large.share_token = "a" * 32, "b" * 32
    small.save(), large.save()
    client.logout()
    assert queries(client, small.share_url()) == queries(client, large.share_url())
    client.force_login(reader)
    assert queries(client, "/me/shortlists/") <= 5


def test_the_share_link_is_read_only_and_shows_no_contacts(client, reader):
    org = factories.organisation(name="Shared Test Cluster", email="secret-office@example.org")
    ContactPerson.objects.create(organisation=org, name="Hidden Person", email="hidden.person@example.org")
    s = shortlist(reader, "isim", org.slug)
    s.entries.filter(organisation=org).update(note="Ask about textiles")
    client.force_login(reader)
    client.post(f"/me/shortlists/{s.pk}/share/", {"action": "share"})
    s.refresh_from_db()
    assert s.share_token and s.share_url() in client.get(f"/me/shortlists/{s.pk}/").content.decode()
    client.logout()
    response = client.get(s.share_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Shared Test Cluster" in html and "İŞİM" in html and "Ask about textiles" in html
    assert "secret-office@example.org" not in html and "Hidden Person" not in html
    assert "reader@example.org" not in html
    assert "/me/shortlists/entries/" not in html and 'method="post" action="/me/' not in html
    assert response["X-Robots-Tag"] == "noindex"
    download = client.get(s.share_url() + "shortlist.csv")
    assert download.status_code == 200 and "Ask about textiles" in download.content.decode()
    assert "secret-office@example.org" not in download.content.decode()


def test_a_revoked_or_tampered_token_is_a_404(client, reader):
    s = shortlist(reader, "isim")
    client.force_login(reader)
    client.post(f"/me/shortlists/{s.pk}/share/", {"action": "share"})
    s.refresh_from_db()
    url, token = s.share_url(), s.share_token
    client.logout()
    assert client.get(url.replace(token, token[:-2] + ("xy" if token[-2:] != "xy" else "zz"))).status_code == 404
    assert client.get(f"/shortlists/shared/{'x' * 300}/").status_code == 404
    client.force_login(reader)
    client.post(f"/me/shortlists/{s.pk}/share/", {"action": "revoke"})
    client.logout()
    assert client.get(url).status_code == 404


def test_sharing_again_gives_a_new_link_and_the_old_one_stops(client, reader):
    s = shortlist(reader, "isim")
    client.force_login(reader)
    client.post(f"/me/shortlists/{s.pk}/share/", {"action": "share"})
    s.refresh_from_db()
    first = s.share_url()
    client.post(f"/me/shortlists/{s.pk}/share/", {"action": "share"})
    s.refresh_from_db()
    assert s.share_url() != first
    assert client.get(first).status_code == 404


def test_the_personal_data_download_holds_the_shortlists(client, reader):
    s = shortlist(reader, "isim")
    s.entries.update(note="A note")
    client.force_login(reader)
    data = json.loads(client.get("/accounts/profile/data.json").content)
    assert data["shortlists"][0]["name"] == "Partners to meet"
    assert data["shortlists"][0]["organisations"][0] == {
        "organisation": "İŞİM",
        "url": "/partners/isim/",
        "note": "A note",
        "added_at": s.entries.get().added_at.isoformat(),
    }


def test_deleting_the_account_deletes_its_shortlists(reader, other):
    shortlist(reader, "isim")
    kept = shortlist(other, "isim")
    delete_account(user=reader)
    assert list(Shortlist.objects.all()) == [kept]
    assert Entry.objects.count() == 1
    assert Organisation.objects.filter(slug="isim").exists()


def test_the_account_page_links_to_my_shortlists(client, reader):
    client.force_login(reader)
    assert 'href="/me/shortlists/"' in client.get("/accounts/profile/").content.decode()
