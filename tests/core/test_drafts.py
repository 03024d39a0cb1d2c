"""A draft visit is for staff only: no public page, list, count, export or search result shows it
(nor names it), while staff see it everywhere, with a preview banner on its own page."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories
from visits.models import FollowUp, ItineraryStop, Visit

pytestmark = pytest.mark.django_db

TITLE = "Qzdraftcrawl delegation to Vladivostok"


@pytest.fixture
def draft_world():
    host, delegate, stop_host = factories.organisation(), factories.organisation(), factories.organisation()
    project = factories.project()
    draft = factories.visit(
        title=TITLE, status=Visit.Status.DRAFT, organiser=host, project=project, start_date=datetime.date(2031, 1, 2)
    )
    draft.hosts.add(host)
    draft.delegation.add(delegate)
    draft.tags.add("qzdraftcrawl-tag")
    ItineraryStop.objects.create(visit=draft, day=1, host=stop_host, place="Qzdraftcrawl harbour")
    published = factories.visit()
    FollowUp.objects.create(visit=published, action="Return visit", outcome=draft)
    return {"draft": draft, "published": published, "orgs": [host, delegate, stop_host], "project": project}


def _pages(world) -> list[str]:
    org_urls = [o.get_absolute_url() for o in world["orgs"]]
    lists = [
        reverse("home:home"),
        reverse("clusters:organisation-list"),
        reverse("clusters:cluster-list"),
        reverse("visits:visit-list"),
        reverse("visits:visit-list") + "?year=2031",
        reverse("visits:visit-list") + f"?organisation={world['orgs'][0].slug}",
        reverse("visits:visit-list") + "?tag=qzdraftcrawl-tag",
        reverse("funding:project-list"),
    ]
    return [
        *lists,
        *[url + ("&" if "?" in url else "?") + "format=csv" for url in lists[1:]],
        *org_urls,
        world["project"].get_absolute_url(),
        world["published"].get_absolute_url(),
        reverse("globalsearch:search") + "?q=Qzdraftcrawl",
        reverse("globalsearch:search") + "?q=Qzdraftcrawll",  # a typo: suggestions
    ]


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def test_a_draft_appears_nowhere_for_anonymous_visitors(client, draft_world):
    draft = draft_world["draft"]
    for url in _pages(draft_world):
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        # The query itself is echoed on the search page; the draft's title, slug and stop are not.
        for leak in (TITLE, draft.slug, "Qzdraftcrawl harbour"):
            assert leak not in text, (url, leak)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_counts_for_nobody_but_staff(client, draft_world):
    host = draft_world["orgs"][0]
    response = client.get(reverse("clusters:organisation-list"), {"has_visits": "yes", "q": host.name})
    assert host not in response.context["object_list"]
    stats = {s["label"]: s["count"] for s in client.get(reverse("home:home")).context["stats"]}
    assert stats["visits and events"] == Visit.objects.published().count()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_staff_see_the_draft(staff_client, draft_world):
    for url in [
        reverse("visits:visit-list") + "?year=2031",
        reverse("visits:visit-list") + "?year=2031&format=csv",
        reverse("globalsearch:search") + "?q=Qzdraftcrawl",
        draft_world["orgs"][0].get_absolute_url(),
        draft_world["project"].get_absolute_url(),
        draft_world["published"].get_absolute_url(),
    ]:
        text = _text(staff_client.get(url))
        # Search marks the matched word inside the title; the link is there whole.
        assert TITLE in text or draft_world["draft"].get_absolute_url() in text, url


def test_staff_preview_a_draft_with_a_banner_and_an_edit_link(staff_client, draft_world):
    draft = draft_world["draft"]
    html = staff_client.get(draft.get_absolute_url()).content.decode()
    assert "Draft — not public." in html
    assert reverse("admin:visits_visit_change", args=[draft.pk]) in html


def test_the_admin_offers_a_preview_of_a_draft(staff_client, draft_world):
    draft = draft_world["draft"]
    html = staff_client.get(reverse("admin:visits_visit_change", args=[draft.pk])).content.decode()
    assert "Preview public page (draft)" in html
    preview = staff_client.get(draft.get_absolute_url())
    assert preview.status_code == 200
