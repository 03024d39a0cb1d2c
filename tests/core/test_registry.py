"""The registry of record types: a type registered in one place shows up everywhere the site lists
record types (global search, home counts, the staff freshness page, the API and its schema), and
the site's own types are all there."""

import datetime
import importlib

import pytest
from django.contrib.auth import get_user_model
from django.urls import clear_url_caches, reverse
from django.utils import timezone
from drf_spectacular.plumbing import _load_enum_name_overrides

from clusters.api import OrganisationViewSet
from clusters.models import Organisation
from core.fulltext import SearchSpec
from core.registry import NavEntry, RecordType, registry
from tests import factories

pytestmark = pytest.mark.django_db

MARK = "Qzthrowaway"


class ThrowawayViewSet(OrganisationViewSet):
    """The throw-away type's API: organisations whose name carries the mark."""

    def get_queryset(self):
        return super().get_queryset().filter(name__startswith=MARK)


THROWAWAY = RecordType(
    Organisation,
    "throwaways",
    "Throwaway records",
    "throwaway records",
    position=5,
    search=SearchSpec(
        key="throwaways",
        label="Throwaway records",
        queryset=lambda user: Organisation.objects.filter(name__startswith=MARK),
        title="name",
        body=("description",),
        subtitle=lambda obj: "a throw-away record",
    ),
    home_count=lambda user: Organisation.objects.filter(name__startswith=MARK).count(),
    api=f"{__name__}.ThrowawayViewSet",
    api_basename="throwaway",
)


def _reload_urls():
    import config.api_urls
    import config.urls

    importlib.reload(config.api_urls)
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def throwaway():
    registry.register(THROWAWAY)
    registry.register_nav(NavEntry("throwaways", "Throwaway list", "clusters:organisation-list", 99))
    try:
        _reload_urls()
        _load_enum_name_overrides.cache_clear()
        yield THROWAWAY
    finally:
        registry.unregister(THROWAWAY.key)
        registry.unregister_nav("throwaways")
        _reload_urls()


def test_the_site_registers_its_five_record_types_in_order():
    assert [t.key for t in registry.record_types()] == ["organisations", "visits", "instruments", "calls", "projects"]
    for record_type in registry.record_types():
        assert record_type.viewset.__name__ == f"{record_type.model.__name__}ViewSet"


def test_a_registered_type_is_in_search_home_freshness_navigation_and_the_api(client, throwaway):
    org = factories.organisation(name=f"{MARK} Lantern Cluster", description="A throw-away record.")
    Organisation.objects.filter(pk=org.pk).update(updated_at=timezone.now() - datetime.timedelta(days=800))

    search = client.get(reverse("globalsearch:search"), {"q": "Lantern"}).content.decode()
    assert 'id="results-throwaways"' in search and "Lantern" in search  # the title is highlighted

    home = client.get(reverse("home:home")).content.decode()
    assert "throwaway records" in home
    assert "Throwaway list" in home  # the header's navigation

    staff = get_user_model().objects.create_user("registry-staff", password="a-long-test-password", is_staff=True)
    client.force_login(staff)
    stale = client.get(reverse("freshness:stale"), {"months": 12}).content.decode()
    assert "Throwaway records" in stale and f"{MARK} Lantern Cluster" in stale
    client.logout()

    api = client.get("/api/throwaways/").json()
    assert [row["name"] for row in api["results"]] == [f"{MARK} Lantern Cluster"]
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/throwaways/" in schema["paths"]


def test_an_unregistered_type_is_gone_everywhere(client):
    factories.organisation(name=f"{MARK} Ember Cluster")
    search = client.get(reverse("globalsearch:search"), {"q": "Ember"}).content.decode()
    assert "Throwaway records" not in search
    assert "throwaway records" not in client.get(reverse("home:home")).content.decode()
    assert client.get("/api/throwaways/").status_code == 404


def test_a_key_cannot_be_registered_twice():
    clash = RecordType(Organisation, "organisations", "Again", "again")
    with pytest.raises(ValueError, match="registered already"):
        registry.register(clash)
