import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import ContactPerson, Ecosystem, Membership, Organisation
from core.roles import READERS
from tests import factories

pytestmark = pytest.mark.django_db

TAG = "zz-views-test"
LIST = reverse("clusters:organisation-list")


def tagged(n: int, **kwargs) -> list[Organisation]:
    orgs = []
    for i in range(n):
        o = factories.organisation(name=f"Views test org {i:03}", **kwargs)
        o.tags.add(TAG)
        o.ecosystems.add(*Ecosystem.objects.all()[:2])
        orgs.append(o)
    return orgs


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx)


@pytest.fixture
def member(client):
    user = get_user_model().objects.create_user("reader", password="a-long-test-password")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "url_name, kind",
    [("clusters:organisation-list", "company"), ("clusters:cluster-list", "network"), ("clusters:pole-list", "pole")],
)
def test_each_list_page_shows_its_organisations(client, url_name, kind):
    org = tagged(1, kind=kind)[0]
    response = client.get(reverse(url_name), {"tag": TAG})
    assert response.status_code == 200
    assert org.get_absolute_url() in response.content.decode()


def test_cluster_list_leaves_out_companies(client):
    org = tagged(1, kind="company")[0]
    response = client.get(reverse("clusters:cluster-list"), {"tag": TAG})
    assert org.get_absolute_url() not in response.content.decode()
    assert "No cluster matches these filters" in response.content.decode()


def test_facet_links_and_removable_chips_keep_the_state_in_the_url(client):
    tagged(2, country="NR")
    html = client.get(LIST, {"tag": TAG, "country": "NR"}).content.decode()
    assert f'href="?tag={TAG}"' in html  # the Nauru chip removes only the country
    assert 'href="?country=NR"' in html  # the tag chip removes only the tag


def test_detail_page_links_to_its_visits_and_their_delegation(client):
    host = factories.organisation(name="Host pole", kind="pole")
    guest = factories.organisation(name="Guest cluster")
    visit = factories.visit(title="Guest delegation at the host pole")
    visit.hosts.add(host)
    visit.delegation.add(guest)
    html = client.get(host.get_absolute_url()).content.decode()
    assert visit.title in html
    assert guest.get_absolute_url() in html
    assert "Hosted them" in html
    guest_html = client.get(guest.get_absolute_url()).content.decode()
    assert host.get_absolute_url() in guest_html


def test_draft_visits_are_hidden_from_visitors(client):
    host = factories.organisation()
    factories.visit(title="Secret draft visit", status="draft").hosts.add(host)
    assert "Secret draft visit" not in client.get(host.get_absolute_url()).content.decode()


def test_members_and_memberships_link_both_ways(client):
    group = factories.organisation(name="The group")
    firm = factories.organisation(name="The firm", kind="company")
    Membership.objects.create(group=group, member=firm)
    assert firm.get_absolute_url() in client.get(group.get_absolute_url()).content.decode()
    assert group.get_absolute_url() in client.get(firm.get_absolute_url()).content.decode()


def contact_org():
    org = factories.organisation(email="office@example.org", phone="+33 1 23 45", fax="+33 1 99 99")
    ContactPerson.objects.create(organisation=org, name="Jeanne Contact", email="jeanne@example.org")
    return org


def test_contacts_are_hidden_from_anonymous_visitors(client):
    html = client.get(contact_org().get_absolute_url()).content.decode()
    for secret in ("Jeanne Contact", "jeanne@example.org", "office@example.org", "+33 1 23 45", "+33 1 99 99"):
        assert secret not in html


def test_contacts_are_hidden_from_signed_in_users_who_are_no_readers(client, member):
    html = client.get(contact_org().get_absolute_url()).content.decode()
    for secret in ("Jeanne Contact", "jeanne@example.org", "office@example.org", "+33 1 23 45", "+33 1 99 99"):
        assert secret not in html


def test_contacts_are_shown_to_readers(client, member):
    member.groups.add(Group.objects.get(name=READERS))
    html = client.get(contact_org().get_absolute_url()).content.decode()
    for secret in ("Jeanne Contact", "jeanne@example.org", "office@example.org", "+33 1 23 45", "+33 1 99 99"):
        assert secret in html


def test_description_is_escaped_not_rendered_as_html(client):
    org = factories.organisation(description="<script>alert(1)</script>\n\nSecond paragraph")
    html = client.get(org.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_csv_export_has_the_filtered_rows_of_every_page(client):
    orgs = tagged(30)
    on_pages = set()
    for page in (1, 2):
        html = client.get(LIST, {"tag": TAG, "page": page}).content.decode()
        on_pages |= {o.name for o in orgs if o.get_absolute_url() in html}
    response = client.get(LIST, {"tag": TAG, "format": "csv"})
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["Name"] for row in rows} == on_pages == {o.name for o in orgs}


def test_list_query_count_does_not_grow_with_rows(client):
    tagged(3)
    url = f"{LIST}?tag={TAG}&ecosystem={Ecosystem.objects.first().slug}&sort=-members"
    queries(client, url)  # warm caches (content types)
    few = queries(client, url)
    tagged(27)
    assert queries(client, url) == few


def test_list_query_count_with_several_values_per_facet_does_not_grow_with_rows(client):
    tagged(3, country="FR")
    tagged(2, country="DE")
    ecosystems = Ecosystem.objects.all()[:2]
    url = f"{LIST}?tag={TAG}&country=FR&country=DE&ecosystem={ecosystems[0].slug}&ecosystem={ecosystems[1].slug}"
    queries(client, url)  # warm caches (content types)
    few = queries(client, url)
    tagged(20, country="DE")
    assert queries(client, url) == few


def test_detail_query_count_does_not_grow_with_rows(client, member):
    host = factories.organisation(name="Busy host")
    host.tags.add(TAG)

    def add_visits(n):
        for _ in range(n):
            v = factories.visit()
            v.hosts.add(host)
            v.delegation.add(factories.organisation())
            factories.visit().delegation.add(host)
            Membership.objects.create(group=host, member=factories.organisation())

    add_visits(3)
    queries(client, host.get_absolute_url())  # warm caches (content types)
    cache.clear()  # both counts with the sections computed afresh ("Who to meet" is cached: discovery/profile.py)
    few = queries(client, host.get_absolute_url())
    add_visits(27)
    cache.clear()
    assert queries(client, host.get_absolute_url()) == few


def test_for_list_reads_a_page_in_three_queries(django_assert_num_queries):
    tagged(5)
    with django_assert_num_queries(3):  # rows, tags, ecosystems
        rows = list(Organisation.objects.for_list().filter(tags__slug=TAG))
        assert all(o.tags.all() and o.ecosystems.all() for o in rows)


def test_for_detail_reads_an_organisation_in_a_fixed_number_of_queries(django_assert_num_queries, member):
    member.groups.add(Group.objects.get(name=READERS))
    host = tagged(1)[0]
    visit = factories.visit()
    visit.hosts.add(host)
    visit.delegation.add(factories.organisation())
    factories.visit().delegation.add(host)
    # for_profile: is the user a reader (once per user object), organisation, names, ecosystems,
    # tags, labels, instruments, contacts; and the API's own: members, memberships, visits hosted,
    # visits made, projects
    with django_assert_num_queries(13):
        Organisation.objects.for_detail(member).get(pk=host.pk)


def test_similar_organisations_share_ecosystems_tags_or_country(django_assert_num_queries):
    a, b = tagged(2, country="NR")
    other = factories.organisation(name="Unrelated", country="TV")
    a = Organisation.objects.prefetch_related("ecosystems", "tags").get(pk=a.pk)
    with django_assert_num_queries(1):
        similar = list(Organisation.objects.similar_to(a))
    assert b in similar
    assert other not in similar


@pytest.mark.parametrize(
    "params",
    [
        {"page": str(10**9)},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "9" * 5000},
        {"q": "x" * 10_000},
        {"q": "\"'<script>alert(1)</script>"},
        {"q": "-"},
        {"q": '"'},
        {"q": "nul\x00byte"},
        {"country": "XX"},
        {"country": "<script>"},
        {"ecosystem": "no-such-ecosystem"},
        {"tag": ['"', "<b>", "-"]},
        {"size": "huge"},
        {"label": "gold'"},
        {"sort": "password"},
        {"founded": "1999-99-99", "unknown": "1"},
        {"format": "xml"},
        {"target_country": "fr,de"},
    ],
)
def test_bad_input_never_breaks_the_list(client, params):
    response = client.get(LIST, params)
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)" not in response.content


def test_a_page_past_the_end_shows_the_last_page_with_a_notice(client):
    tagged(3)
    response = client.get(LIST, {"tag": TAG, "page": 10**9})
    assert response.status_code == 200
    assert "showing page 1 of 1" in response.content.decode()


def test_an_invalid_filter_is_a_400_with_the_page_and_the_message(client):
    response = client.get(LIST, {"country": "XX"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This filter was ignored" in html and 'class="chip chip-invalid"' in html


def test_an_unknown_organisation_is_a_404(client):
    assert client.get(reverse("clusters:organisation-detail", kwargs={"slug": "no-such-org"})).status_code == 404
