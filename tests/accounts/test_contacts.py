"""Who sees contact persons and an organisation's contact details (core.roles.can_see_contacts):
staff, members of Readers, and users with a verified address in a domain of READER_EMAIL_DOMAINS;
never other signed-in users (an unverified address in a listed domain included) nor anonymous
visitors, on the organisation page, in the API, or in any export, feed or search that lists
organisations."""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from clusters.models import ContactPerson, Organisation
from core.roles import ContactsReason, can_see_contacts, contacts_reason
from tests import factories

pytestmark = pytest.mark.django_db

READERS_OK = ["staff", "group", "domain"]
NOT_READERS = ["anonymous", "plain", "unverified_domain", "other_domain", "subdomain", "inactive_group"]


@pytest.fixture(autouse=True)
def reader_domains(settings):
    settings.READER_EMAIL_DOMAINS = ["cluster-agency.example"]


@pytest.fixture
def users(make_user, django_user_model):
    staff = django_user_model.objects.create_user("staff-contacts", password="x", is_staff=True)
    return {
        "anonymous": None,
        "staff": staff,
        "group": make_user("grouped@elsewhere.example", reader=True),
        "domain": make_user("anna@Cluster-Agency.example"),
        "plain": make_user("plain@elsewhere.example"),
        "unverified_domain": make_user("pending@cluster-agency.example", verified=False),
        "other_domain": make_user("eve@cluster-agency.example.evil"),
        "subdomain": make_user("sub@eu.cluster-agency.example"),
        "inactive_group": make_user("gone@elsewhere.example", reader=True, is_active=False),
    }


@pytest.fixture
def secrets():
    marker = uuid.uuid4().hex[:8]
    org = factories.organisation(name=f"Contact check {marker}", kind="cluster")
    Organisation.objects.filter(pk=org.pk).update(
        email=f"office-{marker}@example.org", phone=f"+49 30 {marker[:4]}11", fax=f"+49 30 {marker[:4]}22"
    )
    person = ContactPerson.objects.create(
        organisation=org, name=f"Person {marker}", email=f"person-{marker}@example.org", phone=f"+49 30 {marker[:4]}33"
    )
    return {
        "org": org,
        "marker": marker,
        "needles": [f"office-{marker}@example.org", person.email, person.phone, person.name],
    }


def as_user(client, users, kind):
    if users[kind] is not None:
        client.force_login(users[kind])


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("staff", ContactsReason.STAFF),
        ("group", ContactsReason.GROUP),
        ("domain", ContactsReason.DOMAIN),
        *[(kind, None) for kind in NOT_READERS],
    ],
)
def test_the_rule_and_its_reason(users, kind, reason):
    user = users[kind] or AnonymousUser()
    assert contacts_reason(user) == reason
    assert can_see_contacts(user) is (reason is not None)


def test_no_listed_domain_makes_no_domain_reader(users, settings):
    settings.READER_EMAIL_DOMAINS = []
    assert not can_see_contacts(users["domain"])


def test_the_rule_costs_at_most_two_queries_once_per_user(users, django_assert_max_num_queries):
    user = users["plain"]
    with django_assert_max_num_queries(2):
        can_see_contacts(user)
    with django_assert_max_num_queries(0):
        can_see_contacts(user)


@pytest.mark.parametrize("kind", READERS_OK + NOT_READERS)
def test_organisation_page(client, users, secrets, kind):
    as_user(client, users, kind)
    html = client.get(secrets["org"].get_absolute_url()).content.decode()
    for needle in secrets["needles"]:
        assert (needle in html) is (kind in READERS_OK), needle


@pytest.mark.parametrize("kind", READERS_OK + NOT_READERS)
def test_api_record(client, users, secrets, kind):
    as_user(client, users, kind)
    data = client.get(reverse("api:organisation-detail", kwargs={"slug": secrets["org"].slug})).json()
    if kind in READERS_OK:
        assert data["contact"]["email"] == secrets["needles"][0]
        assert data["contact"]["people"][0]["email"] == secrets["needles"][1]
    else:
        assert data["contact"] is None


@pytest.mark.parametrize("kind", ["anonymous", "plain", "unverified_domain", "group"])
@pytest.mark.parametrize(
    "url",
    [
        "/partners/?format=csv&q={marker}",
        "/clusters/?format=csv&q={marker}",
        "/partners/feed.atom?q={marker}",
        "/clusters/feed.atom?q={marker}",
        "/api/organisations/?q={marker}",
        "/search/?q={marker}",
    ],
)
def test_no_list_export_feed_or_search_carries_contacts(client, users, secrets, kind, url):
    """These list organisations without contacts for anyone, readers included: contacts are read
    on the organisation page and in its API record only."""
    as_user(client, users, kind)
    response = client.get(url.format(marker=secrets["marker"]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    assert secrets["org"].slug in text  # the organisation is listed ...
    for needle in secrets["needles"]:  # ... without its contacts
        assert needle not in text
