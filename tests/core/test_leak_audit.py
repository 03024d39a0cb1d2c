"""Leak audit: every public URL, fetched anonymously with real slugs, as HTML and CSV, and searched
for a draft's words and a contact's e-mail, shows no contact e-mail or phone, no organisation
e-mail, phone or fax, and no draft visit's title — error pages included."""

import uuid
from html import escape
from urllib.parse import parse_qs, quote, quote_plus, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.throttling import AnonRateThrottle

from clusters.models import ContactPerson, Organisation
from funding.models import Call, Instrument, Project
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db

# The model behind each slug route, by the longest matching route prefix. A new slug route under
# a new prefix fails the audit until it is added here.
ROUTE_MODELS = {
    "partners/": Organisation,
    "visits/": Visit,
    "funding/calls/": Call,
    "funding/projects/": Project,
    "funding/": Instrument,
    "api/organisations/": Organisation,
    "api/visits/": Visit,
    "api/instruments/": Instrument,
    "api/calls/": Call,
    "api/projects/": Project,
    # A reader's own pages (sign-in required; alerts/urls.py): ids, and an organisation to follow.
    "me/": Organisation,
    # The readers' sign-in pages (django-allauth): keys and tokens stay placeholders no record has.
    "accounts/": Organisation,
    # The e-mails' unsubscribe link: its token stays a placeholder, a link no signature matches.
    "alerts/": Organisation,
    # A shared shortlist: its token stays a placeholder, a link no shortlist has.
    "shortlists/": Organisation,
}


def patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue
            yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def model_of(route):
    prefixes = [prefix for prefix in ROUTE_MODELS if route.startswith(prefix)]
    return ROUTE_MODELS[max(prefixes, key=len)] if prefixes else None


@pytest.fixture
def secrets():
    marker = uuid.uuid4().hex[:8]
    organiser = Organisation.objects.filter(kind=Organisation.Kind.CLUSTER).first() or factories.organisation()
    draft = factories.visit(
        title=f"Confidential zqdraft{marker} negotiation",
        slug=f"draft-{marker}",
        status=Visit.Status.DRAFT,
        organiser=organiser,
    )
    org = factories.organisation(name=f"Leaky org {marker}", email=f"org-{marker}@example.org")
    Organisation.objects.filter(pk=org.pk).update(phone=f"+49 211 {marker[:4]}771", fax=f"+49 211 {marker[:4]}772")
    contact = ContactPerson.objects.create(
        organisation=organiser, name=f"Contact {marker}", email=f"person-{marker}@example.org", phone="+7 391 555 0199"
    )
    needles = {draft.title, f"zqdraft{marker}", contact.email, contact.phone}
    for email, phone in ContactPerson.objects.values_list("email", "phone"):
        needles |= {email, phone}
    for values in Organisation.objects.values_list("email", "phone", "fax"):
        needles |= set(values)
    needles |= set(Visit.objects.exclude(status=Visit.Status.PUBLISHED).values_list("title", flat=True))
    return {
        "draft": draft,
        "word": f"zqdraft{marker}",
        "email": contact.email,
        "needles": {n for n in needles if n and len(n) >= 6},
    }


def country_codes(secrets) -> list[str]:
    draft = secrets["draft"]
    codes = {"fr", "ru", "by"}
    for country in (getattr(draft, "country", None), draft.organiser.country if draft.organiser else None):
        if country:
            codes.add(str(country.code if hasattr(country, "code") else country).lower())
    return sorted(codes)


def urls_to_fetch(secrets):
    slugs = {
        Organisation: list(Organisation.objects.values_list("slug", flat=True)[:30]),
        Visit: [*Visit.objects.values_list("slug", flat=True)[:30], secrets["draft"].slug],
        Instrument: list(Instrument.objects.values_list("slug", flat=True)[:30]),
        Call: list(Call.objects.values_list("slug", flat=True)[:30]),
        Project: list(Project.objects.values_list("slug", flat=True)[:30]),
    }
    urls = ["/no-such-page/", f"/visits/{secrets['draft'].slug}/files/1/", "/sitemap.xml"]
    for route in patterns(get_resolver()):
        if "<" not in route:
            path = "/" + route
            queries = ["", "?format=csv", f"?q={secrets['word']}", f"?q={secrets['email']}", "?q=a&format=csv"]
            urls += [path + query for query in queries]
            continue
        if "<str:code>" in route:  # country pages: the draft's and its organiser's countries among them
            for code in country_codes(secrets):
                path = "/" + route.replace("<str:code>", code).replace("<str:other>", "fr")
                urls += [path, path + "?format=csv"]
            continue
        model = model_of(route)
        assert model is not None, f"no model known for {route}; add it to ROUTE_MODELS"
        for slug in slugs[model]:
            path = "/" + route.replace("<slug:slug>", slug).replace("<int:pk>", "1")
            urls += [path, path + "?format=csv"]
    return urls


def test_no_personal_data_or_draft_reaches_an_anonymous_visitor(client, secrets, monkeypatch):
    client.raise_request_exception = False  # a 500 page is audited like any other
    # Lift the JSON API's anonymous rate limit, which would answer part of this crawl with 429.
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", None)
    urls = urls_to_fetch(secrets)
    assert len(urls) > 100
    leaks = []
    statuses = set()
    for url in urls:
        response = client.get(url)
        statuses.add(response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        # A page may echo the visitor's own query (the search box); that is not a leak.
        query = parse_qs(urlsplit(url).query).get("q", [""])[0]
        if query:
            for echoed in {query, escape(query), quote_plus(query), quote(query)}:
                text = text.replace(echoed, "")
        leaks += [(url, needle) for needle in secrets["needles"] if needle in text]
    assert not leaks, "\n".join(f"{url}: {needle}" for url, needle in leaks)
    assert 200 in statuses and 404 in statuses
