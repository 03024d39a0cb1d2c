"""The anonymous page cache (core/cache.py): a hit costs one query, a write from anywhere
invalidates it at once, and nothing per-user is ever stored or served to someone else."""

import re

import pgtrigger
import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from clusters.models import Ecosystem, Organisation
from core.cache import DATA_VERSION_TRIGGER, data_version
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(ctx)


def test_a_second_anonymous_get_is_served_from_the_cache_in_one_query(client):
    org = factories.organisation(name="Cached Cluster")
    first, n_first = get(client, org.get_absolute_url())
    second, n_second = get(client, org.get_absolute_url())
    assert n_first > 1 and n_second == 1  # the data version only
    assert "Cached Cluster" in second.content.decode()
    strip = lambda r: TOKEN.sub("", r.content.decode())  # noqa: E731
    assert strip(first) == strip(second)


def test_an_orm_write_invalidates_the_cached_page_at_once(client):
    org = factories.organisation(name="Aaaa Old Name")  # first on the partner list
    get(client, org.get_absolute_url())
    get(client, "/partners/")
    Organisation.objects.filter(pk=org.pk).update(name="Aaaa New Name")
    for url in (org.get_absolute_url(), "/partners/"):
        response, n = get(client, url)
        assert n > 1, url
        content = response.content.decode()
        assert "Aaaa New Name" in content and "Aaaa Old Name" not in content


def test_a_raw_sql_write_and_a_truncate_bump_the_data_version(client):
    org = factories.organisation(name="Raw Name")
    before = data_version()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE clusters_organisation SET name = 'Raw Renamed' WHERE id = %s", [org.pk])
    after_update = data_version()
    assert after_update > before
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE clusters_alternativename")
    assert data_version() > after_update


DOMAIN_APPS = ("clusters", "funding", "visits")
# Tables no page reads: the version log itself, sessions, the migration ledger, sign-in lockouts.
# The search lexicon is derived from the data and rebuilt when the version changes: a trigger
# there would bump the version on every rebuild.
# A reader's saved searches, follows and alert deliveries (alerts/) are read by no anonymous page:
# their writes (every send_alerts run, every opened search) must not empty the page cache.
# Likewise readers' shortlists (shortlists/): the owner's pages are never cached (/me/), a profile
# shows them through a personal hole (core/holes.py), and the shared page is never stored.
UNTRACKED = (
    "core_data_version",
    "django_session",
    "django_migrations",
    "globalsearch_word",
    "globalsearch_lexiconbuild",
    "alerts_savedsearch",
    "alerts_follow",
    "alerts_delivery",
    "shortlists_shortlist",
    "shortlists_entry",
)


def _is_history(model) -> bool:
    """simple_history's tables: no page reads them, and they are written only together with the
    record they track, whose own trigger bumps the version (core/0003)."""
    return model.__module__ == "simple_history.models" or model.__name__.startswith("Historical")


def _domain_tables() -> set[str]:
    """Every table of a concrete model of the domain apps, default many-to-many tables included."""
    return {
        model._meta.db_table
        for label in DOMAIN_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed and not _is_history(model)
    }


def _triggers_by_table() -> dict[str, set[str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.relname, g.tgname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_trigger g ON g.tgrelid = c.oid AND NOT g.tgisinternal
               WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"""
        )
        found: dict[str, set[str]] = {}
        for table, trigger in cursor.fetchall():
            found.setdefault(table, set()).add(trigger)
    return found


def test_every_domain_model_declares_the_version_trigger_and_has_it_installed():
    """Declared in Python (core.cache.data_version_trigger: the abstract bases' Meta, or the
    model's own Meta, or a proxy for a default link table), so makemigrations installs it."""
    declared = {
        model._meta.db_table: trigger.get_pgid(model)
        for model, trigger in pgtrigger.registered()
        if trigger.name == DATA_VERSION_TRIGGER
    }
    tables = _domain_tables()
    assert "clusters_organisation" in tables and "clusters_organisation_ecosystems" in tables
    assert "visits_visit_hosts" in tables and "funding_projectpartner" in tables
    assert sorted(tables - declared.keys()) == []  # a model whose Meta does not inherit the base's
    installed = _triggers_by_table()
    assert sorted(t for t in tables if declared[t] not in installed.get(t, set())) == []
    # One entry per statement: the hand-attached trigger of core/0002 is gone from these tables.
    assert sorted(t for t in tables if "core_data_version_bump" in installed.get(t, set())) == []


def test_every_declared_trigger_is_installed_as_declared():
    """What ``manage.py pgtrigger ls`` reports: no trigger missing or outdated (a trigger edited
    in Python without its migration)."""
    states = {
        trigger.get_uri(model): trigger.get_installation_status(model)[0] for model, trigger in pgtrigger.registered()
    }
    assert states and {uri for uri, state in states.items() if state != "INSTALLED"} == set()


def test_every_other_data_table_keeps_the_hand_attached_version_trigger():
    """Third-party tables (auth, admin, content types, tags) keep core/0002's trigger."""
    history = {
        model._meta.db_table
        for label in DOMAIN_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if _is_history(model)
    }
    installed = _triggers_by_table()
    others = [
        t
        for t in connection.introspection.table_names()
        if t not in UNTRACKED and not t.startswith("axes_") and t not in _domain_tables() and t not in history
    ]
    assert "taggit_taggeditem" in others and "auth_user" in others
    assert sorted(t for t in others if "core_data_version_bump" not in installed.get(t, set())) == []


def test_a_write_to_a_link_table_or_an_ecosystem_bumps_the_data_version_once_per_statement():
    org = factories.organisation(name="Linked")
    ecosystems = list(Ecosystem.objects.all()[:2])
    before = data_version()
    org.ecosystems.add(*ecosystems)  # one INSERT of two links, then the trigger's UPDATE of the organisation
    assert data_version() == before + 2
    assert list(Organisation.objects.filter(pk=org.pk).values_list("ecosystem_ids", flat=True)) == [
        sorted(e.pk for e in ecosystems)
    ]
    Ecosystem.objects.filter(pk=ecosystems[0].pk).update(position=F("position"))
    assert data_version() == before + 3


def test_each_hit_gets_its_own_csrf_token_and_cookie(client):
    org = factories.organisation()
    first, _ = get(client, org.get_absolute_url())
    other = type(client)()
    second, n = get(other, org.get_absolute_url())
    assert n == 1
    first_token, second_token = TOKEN.search(first.content.decode()), TOKEN.search(second.content.decode())
    assert first_token and second_token and first_token.group(1) != second_token.group(1)
    assert "\x00" not in second.content.decode()
    assert "csrftoken" in second.cookies


def test_signed_in_readers_and_cookie_holders_bypass_the_cache(client, admin_user):
    org = factories.organisation()
    get(client, org.get_absolute_url())
    client.force_login(admin_user)
    _, n = get(client, org.get_absolute_url())
    assert n > 1
    client.logout()
    client.cookies["sessionid"] = "x" * 32
    _, n = get(client, org.get_absolute_url())
    assert n > 1


def test_the_api_csv_exports_and_posts_are_not_cached(client, monkeypatch):
    stored = []
    monkeypatch.setattr("core.cache.cache.set", lambda key, *args: key.startswith("page:") and stored.append(key))
    factories.organisation()
    for url in ("/api/organisations/", "/partners/?format=csv"):
        response = client.get(url)
        assert response.status_code == 200 and not response["Content-Type"].startswith("text/html")
    assert client.post("/partners/").status_code in (403, 405)
    assert stored == []
    client.get("/partners/")
    assert len(stored) == 1


def test_each_language_gets_its_own_page(client, settings):
    org = factories.organisation()
    english, _ = get(client, org.get_absolute_url())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french, n = get(client, org.get_absolute_url())
    assert n > 1
    assert 'lang="fr"' in french.content.decode() and 'lang="en"' in english.content.decode()
    _, n = get(client, org.get_absolute_url())
    assert n == 1


def test_switching_off_serves_every_page_fresh(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    org = factories.organisation()
    get(client, org.get_absolute_url())
    _, n = get(client, org.get_absolute_url())
    assert n > 1


def test_concurrent_writers_do_not_wait_for_each_other():
    """The version is an append-only log: a writer in another transaction never waits for this
    one's commit (a single counter row would make it queue)."""
    import psycopg

    factories.organisation()  # this transaction has written and appended a version entry
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        other.execute("SET lock_timeout = '2s'")
        other.execute("UPDATE clusters_organisation SET name = name WHERE false")
        assert other.execute("SELECT max(id) FROM core_data_version").fetchone()[0] is not None


def test_a_failing_version_read_serves_the_page_uncached(client, monkeypatch):
    from django.db import DatabaseError

    def down():
        raise DatabaseError("connection refused")

    monkeypatch.setattr("core.cache.data_version", down)
    org = factories.organisation(name="Still Served")
    assert "Still Served" in client.get(org.get_absolute_url()).content.decode()


def test_workers_share_one_file_cache_so_a_page_computed_by_one_is_a_hit_for_another(client, settings, tmp_path):
    """Production's cache lives on disk (CACHE_DIR): a second process, or a worker gunicorn
    recycled, finds the pages the first one rendered."""
    from django.core.cache import caches
    from django.core.cache.backends.filebased import FileBasedCache

    backend = "django.core.cache.backends.filebased.FileBasedCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}  # resets the handler
    org = factories.organisation(name="Shared Cluster")
    _, n_first = get(client, org.get_absolute_url())
    assert isinstance(caches["default"], FileBasedCache)
    assert list(tmp_path.glob("*.djcache"))
    del caches["default"]  # as if in another process: nothing kept in memory
    second, n_second = get(client, org.get_absolute_url())
    assert n_first > 1 and n_second == 1
    assert "Shared Cluster" in second.content.decode()


def _version_reads(ctx) -> int:
    return sum("core_data_version" in q["sql"] for q in ctx.captured_queries)


def test_cached_facet_counts_of_a_large_list_show_a_write_at_once(client, settings, monkeypatch):
    """Facet counts of large lists are cached under the data version: a new row counts at once."""
    from core.filtering import counting

    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(counting, "FACET_CACHE_MIN_ROWS", 1)  # every list counts as large
    factories.organisation(name="Counted One", country="IS")
    first = client.get("/partners/", {"country": "IS"})
    again = client.get("/partners/", {"country": "IS"})
    assert first.context["result_count"] == again.context["result_count"] == 1
    factories.organisation(name="Counted Two", country="IS")
    after = client.get("/partners/", {"country": "IS"})
    assert after.context["result_count"] == 2


def test_cached_search_results_show_a_write_at_once(client, settings, monkeypatch):
    from globalsearch import search

    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(search, "CACHE_MIN_HITS", 1)  # every result is cached
    factories.organisation(name="Zyxwvu Alpha")
    assert client.get("/search/", {"q": "Zyxwvu"}).context["results"].total == 1
    factories.organisation(name="Zyxwvu Beta")
    assert client.get("/search/", {"q": "Zyxwvu"}).context["results"].total == 2


def test_one_request_reads_the_data_version_once_for_page_facets_and_search(client):
    with CaptureQueriesContext(connection) as ctx:
        client.get("/partners/")
    assert _version_reads(ctx) == 1
    with CaptureQueriesContext(connection) as ctx:
        client.get("/search/", {"q": "cluster"})
    assert _version_reads(ctx) == 1
