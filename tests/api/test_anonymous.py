"""No API answer to an anonymous client holds a contact's or an organisation's e-mail or phone, or
anything of a draft visit: the whole API is crawled anonymously, every list on every page and
every record it links to. Readers see contact details (other signed-in users do not) and staff see
drafts, as on the site."""

import json
import uuid
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from clusters.models import ContactPerson, Organisation
from core.roles import READERS
from tests import factories
from visits.models import Attachment, FollowUp, Visit

pytestmark = pytest.mark.django_db

API = "http://testserver/api/"


@pytest.fixture
def secrets():
    marker = uuid.uuid4().hex[:8]
    host = factories.organisation(name=f"Host {marker}", country="FR")
    draft = factories.visit(
        title=f"Confidential zqdraft{marker} negotiation",
        slug=f"draft-{marker}",
        status=Visit.Status.DRAFT,
        organiser=host,
    )
    draft.hosts.add(host)
    draft.tags.add(f"zqtag{marker}")
    attachment = Attachment.objects.create(visit=draft, file=f"attachments/{marker}.pdf", title=f"File {marker}")
    # A published visit whose follow-up was carried out by the draft: the draft must not show there.
    published = factories.visit(title=f"Public visit {marker}", organiser=host)
    published.hosts.add(host)
    FollowUp.objects.create(visit=published, action="Return visit", outcome=draft)
    Organisation.objects.filter(pk=host.pk).update(
        email=f"org-{marker}@example.org", phone=f"+49 211 {marker[:4]}771", fax=f"+49 211 {marker[:4]}772"
    )
    contact = ContactPerson.objects.create(
        organisation=host, name=f"Contact {marker}", email=f"person-{marker}@example.org", phone=f"+7 391 {marker}"
    )
    needles = {f"zqdraft{marker}", draft.slug, f"zqtag{marker}", f"File {marker}", contact.email, contact.phone}
    needles.add(f"/visits/{draft.slug}/files/{attachment.pk}/")
    for email, phone in ContactPerson.objects.values_list("email", "phone"):
        needles |= {email, phone}
    for values in Organisation.objects.values_list("email", "phone", "fax"):
        needles |= set(values)
    for title, slug in Visit.objects.exclude(status=Visit.Status.PUBLISHED).values_list("title", "slug"):
        needles |= {title, slug}
    return {
        "marker": marker,
        "host": host,
        "draft": draft,
        "published": published,
        "contact": contact,
        "needles": {n for n in needles if n and len(n) >= 6},
    }


def api_links(value):
    """Every address of this API inside a JSON answer."""
    if isinstance(value, dict):
        for item in value.values():
            yield from api_links(item)
    elif isinstance(value, list):
        for item in value:
            yield from api_links(item)
    elif isinstance(value, str) and value.startswith(API):
        yield value


def crawl(client, start: list[str]) -> dict[str, str]:
    """Fetch ``start`` and every API address reachable from it (all pages of every list, every
    record linked, every filtered list linked); the body of each answer by address."""
    seen, queue, bodies = set(start), list(start), {}
    while queue:
        url = queue.pop()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = response.content.decode()
        bodies[url] = body
        for link in api_links(json.loads(body)):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return bodies


def test_no_contact_detail_or_draft_reaches_an_anonymous_client(client, secrets):
    start = [API, *[f"{API}{name}/?page_size=100" for name in ("organisations", "visits", "instruments", "calls")]]
    start.append(f"{API}projects/?page_size=100")
    bodies = crawl(client, start)
    # The crawl went everywhere: every list, every organisation, instrument, call and project,
    # every published visit, and the lists filtered to a record (e.g. an organisation's visits).
    paths = {urlsplit(url).path for url in bodies}
    assert len(bodies) > 150
    for basename, model in [("organisation", Organisation), ("visit", Visit)]:
        records = model.objects.all() if model is Organisation else Visit.objects.published()
        for slug in records.values_list("slug", flat=True):
            assert reverse(f"api:{basename}-detail", kwargs={"slug": slug}) in paths
    assert any("?organisation=" in url for url in bodies)
    leaks = [(url, needle) for url, body in bodies.items() for needle in secrets["needles"] if needle in body]
    assert not leaks, "\n".join(f"{url}: {needle}" for url, needle in leaks[:20])


def test_searches_and_filters_find_no_draft_for_an_anonymous_client(client, secrets):
    marker = secrets["marker"]
    host = secrets["host"]
    for params in [
        {"q": f"zqdraft{marker}"},
        {"tag": f"zqtag{marker}"},
        {"organisation": host.slug},
        {"host_country": "FR", "page_size": 100},
    ]:
        response = client.get(reverse("api:visit-list"), params)
        assert response.status_code == 200
        body = response.content.decode()
        assert f"zqdraft{marker}" not in body and secrets["draft"].slug not in body
    draft_url = reverse("api:visit-detail", kwargs={"slug": secrets["draft"].slug})
    assert client.get(draft_url).status_code == 404


def test_an_anonymous_client_gets_no_contact_object(client, secrets):
    data = client.get(reverse("api:organisation-detail", kwargs={"slug": secrets["host"].slug})).json()
    assert data["contact"] is None
    followups = client.get(reverse("api:visit-detail", kwargs={"slug": secrets["published"].slug})).json()
    assert followups["follow_ups"][0]["outcome"] is None


def test_a_signed_in_user_who_is_no_reader_gets_no_contact_object(client, secrets):
    user = get_user_model().objects.create_user("api-user", password="a-long-test-password")
    client.force_login(user)
    data = client.get(reverse("api:organisation-detail", kwargs={"slug": secrets["host"].slug})).json()
    assert data["contact"] is None


def test_a_reader_sees_contact_details_but_no_draft(client, secrets):
    user = get_user_model().objects.create_user("api-reader", password="a-long-test-password")
    user.groups.add(Group.objects.get(name=READERS))
    client.force_login(user)
    data = client.get(reverse("api:organisation-detail", kwargs={"slug": secrets["host"].slug})).json()
    assert data["contact"]["email"] == f"org-{secrets['marker']}@example.org"
    assert data["contact"]["people"] == [
        {
            "name": secrets["contact"].name,
            "role": "",
            "email": secrets["contact"].email,
            "phone": secrets["contact"].phone,
        }
    ]
    assert [v["slug"] for v in data["visits_hosted"]] == [secrets["published"].slug]
    draft_url = reverse("api:visit-detail", kwargs={"slug": secrets["draft"].slug})
    assert client.get(draft_url).status_code == 404


def test_staff_see_drafts_with_their_files_and_status(client, secrets):
    user = get_user_model().objects.create_user("api-staff", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    draft = secrets["draft"]
    listed = client.get(reverse("api:visit-list"), {"q": f"zqdraft{secrets['marker']}"}).json()
    assert [(v["slug"], v["status"]) for v in listed["results"]] == [(draft.slug, "draft")]
    data = client.get(reverse("api:visit-detail", kwargs={"slug": draft.slug})).json()
    assert data["attachments"][0]["title"] == f"File {secrets['marker']}"
    assert data["attachments"][0]["file_url"].endswith(f"/visits/{draft.slug}/files/{draft.attachments.get().pk}/")
    org = client.get(reverse("api:organisation-detail", kwargs={"slug": secrets["host"].slug})).json()
    assert {v["slug"] for v in org["visits_hosted"]} == {draft.slug, secrets["published"].slug}
    published = client.get(reverse("api:visit-detail", kwargs={"slug": secrets["published"].slug})).json()
    assert published["follow_ups"][0]["outcome"]["slug"] == draft.slug
