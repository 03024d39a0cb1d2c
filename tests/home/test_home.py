import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import Organisation
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_knowledge_base_holds(client):
    response = client.get(reverse("home:home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Overview · Cluster Cooperation KB</title>" in content
    stats = {s["label"]: s["count"] for s in response.context["stats"]}
    assert stats["organisations"] == Organisation.objects.count()
    assert stats["visits and events"] == Visit.objects.published().count()


def test_home_page_lists_the_latest_published_visit(client):
    visit = factories.visit(title="A visit from the far future", start_date="2099-01-02")
    response = client.get(reverse("home:home"))
    assert response.context["latest_visits"][0] == visit
    assert "A visit from the far future" in response.content.decode()


def test_home_page_hides_drafts_and_their_count_from_anonymous_visitors(client):
    before = client.get(reverse("home:home")).context["stats"][1]["count"]
    factories.visit(title="Secret draft visit", start_date="2099-01-02", status=Visit.Status.DRAFT)
    response = client.get(reverse("home:home"))
    assert "Secret draft visit" not in response.content.decode()
    assert response.context["stats"][1]["count"] == before


def test_home_page_shows_drafts_to_staff(admin_client):
    factories.visit(title="Staff-only draft", start_date="2099-01-02", status=Visit.Status.DRAFT)
    assert "Staff-only draft" in admin_client.get(reverse("home:home")).content.decode()


def test_home_page_links_to_the_reader_sign_in(client):
    html = client.get(reverse("home:home")).content.decode()
    assert f'href="{reverse("account_login")}?next=/"' in html


def _query_count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_home_page_query_count_does_not_grow_with_rows(client):
    for _ in range(3):
        factories.visit(start_date="2099-01-02")
        factories.organisation()
    few = _query_count(client, reverse("home:home"))
    for _ in range(27):
        factories.visit(start_date="2099-01-02")
        factories.organisation()
    assert _query_count(client, reverse("home:home")) == few


def test_unknown_address_answers_404_in_the_site_style(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
