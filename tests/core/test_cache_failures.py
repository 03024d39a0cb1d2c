"""A cache that fails degrades to computing the page, never to a 500, and /health/ says so: the
cache directory cannot be created (it would lie under a regular file), or Redis is not listening.
Neither needs a Redis server: a closed port is the failure."""

import logging
import socket

import pytest
from django.core.cache import caches

from core.cache_backends import DegradingFileBasedCache, DegradingRedisCache, round_trip

pytestmark = pytest.mark.django_db

PAGES = ["/", "/partners/", "/visits/", "/funding/calls/", "/search/?q=cluster", "/api/organisations/"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once the socket is closed


@pytest.fixture
def every_cache_used(settings, monkeypatch):
    """The page cache on, and every list's facet counts and every search cached."""
    from core.filtering import counting
    from globalsearch import search

    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(counting, "FACET_CACHE_MIN_ROWS", 1)
    monkeypatch.setattr(search, "CACHE_MIN_HITS", 1)


@pytest.fixture
def unwritable_cache_dir(settings, tmp_path, every_cache_used):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    backend = "core.cache_backends.DegradingFileBasedCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(blocker / "cache")}}
    return caches["default"]


@pytest.fixture
def redis_down(settings, every_cache_used):
    url = f"redis://127.0.0.1:{closed_port()}/9"
    settings.CACHES = {"default": {"BACKEND": "core.cache_backends.DegradingRedisCache", "LOCATION": url}}
    return caches["default"]


@pytest.mark.parametrize("broken", ["unwritable_cache_dir", "redis_down"])
def test_pages_search_and_the_api_answer_200_when_the_cache_fails(client, request, broken):
    backend = request.getfixturevalue(broken)
    assert isinstance(backend, DegradingFileBasedCache | DegradingRedisCache)
    for url in PAGES:
        first, again = client.get(url), client.get(url)  # a store, then a read, both failing
        assert (first.status_code, again.status_code) == (200, 200), url
    assert "Clusterland" in client.get("/search/?q=Clusterland").content.decode()


@pytest.mark.parametrize("broken", ["unwritable_cache_dir", "redis_down"])
def test_health_answers_503_naming_the_cache_when_it_fails(client, request, broken):
    request.getfixturevalue(broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "unavailable"}


def test_health_reports_a_working_cache_on_disk(client, settings, tmp_path):
    backend = "core.cache_backends.DegradingFileBasedCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path / "cache")}}
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert not list((tmp_path / "cache").glob("*.djcache"))  # the probe key is deleted again


@pytest.mark.parametrize("broken", ["unwritable_cache_dir", "redis_down"])
def test_every_operation_of_a_failing_cache_is_a_miss(request, broken):
    cache = request.getfixturevalue(broken)
    assert cache.get("k", "default") == "default"
    assert cache.set("k", 1) is None
    assert cache.get_or_set("k", 2) == 2
    assert cache.get("k") is None
    # How django-axes counts a failed sign-in: a count that starts again, not an error.
    assert (1 if cache.add("k", 1) else cache.incr("k")) == 1
    assert cache.touch("k") is False
    assert cache.has_key("k") is False
    assert cache.delete("k") is False
    cache.set_many({"k": 1, "j": 2})
    assert cache.get_many(["k", "j"]) == {}
    cache.delete_many(["k", "j"])
    cache.clear()
    assert round_trip(cache) is False


def test_a_failing_cache_is_logged_once_a_minute_not_per_request(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(5):
            redis_down.get("k")
            redis_down.set("k", 1)
    records = [r for r in caplog.records if r.name == "core.cache"]
    assert len(records) == 1
    assert "serving without the cache" in records[0].getMessage()


def test_a_closed_redis_port_costs_no_timeout(redis_down):
    import time

    started = time.monotonic()
    for _ in range(20):
        redis_down.get("k")
    assert time.monotonic() - started < 2


def test_a_store_that_failed_is_skipped_for_a_moment_then_used_again(settings, tmp_path, monkeypatch):
    from core import cache_backends

    blocker = tmp_path / "cache"
    blocker.write_text("a file where the directory should be")
    backend = "core.cache_backends.DegradingFileBasedCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(blocker)}}
    cache = caches["default"]
    cache.set("k", 1)  # fails
    blocker.unlink()  # the directory can be made again
    cache.set("k", 1)
    assert cache.get("k") is None  # not tried: it failed a moment ago
    assert round_trip(cache) is True  # /health/ tries it all the same
    monkeypatch.setattr(cache_backends, "_down_until", {})  # the moment has passed
    cache.set("k", 1)
    assert cache.get("k") == 1
