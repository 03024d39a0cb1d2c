"""The cache in Redis (REDIS_URL, Django's Redis backend behind core/cache_backends.py): pages
computed by one process are hits for another, sign-in failures are counted there, /health/
checks it, and clearing it deletes this site's keys only."""

import io
import uuid

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.cache_backends import DegradingRedisCache
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def redis_cache(settings, redis_url):
    prefix = f"ckb-test-{uuid.uuid4().hex[:8]}"
    backend = "core.cache_backends.DegradingRedisCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": redis_url, "KEY_PREFIX": prefix}}
    settings.PAGE_CACHE_SECONDS = 300
    cache = caches["default"]
    assert isinstance(cache, DegradingRedisCache)
    yield cache
    caches["default"].clear()


def raw_keys(cache) -> list[bytes]:
    return list(cache._cache.get_client().scan_iter(match=f"{cache.key_prefix}:*"))


def test_health_checks_redis_with_a_round_trip(client, redis_cache):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert raw_keys(redis_cache) == []  # the probe key is gone again


def test_a_page_computed_by_one_process_is_a_hit_for_another(client, redis_cache):
    org = factories.organisation(name="Redis Shared Cluster")
    with CaptureQueriesContext(connection) as first:
        client.get(org.get_absolute_url())
    assert any(b":page:" in key for key in raw_keys(redis_cache))
    del caches["default"]  # as if in another process: nothing kept in memory
    with CaptureQueriesContext(connection) as second:
        response = client.get(org.get_absolute_url())
    assert len(first) > 1 and len(second) == 1  # the data version only
    assert "Redis Shared Cluster" in response.content.decode()


def test_clear_deletes_only_this_sites_keys(redis_cache, redis_url, settings):
    other_prefix = f"ckb-other-{uuid.uuid4().hex[:8]}"
    other = DegradingRedisCache(redis_url, {"KEY_PREFIX": other_prefix})
    other.set("kept", 1, 60)
    redis_cache.set("gone", 1, 60)
    redis_cache.clear()
    assert redis_cache.get("gone") is None
    assert other.get("kept") == 1
    other.clear()
    assert other.get("kept") is None


@pytest.fixture
def axes_in_redis(settings, redis_cache):
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    AxesProxyHandler.get_implementation(force=True)
    yield redis_cache
    settings.AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
    AxesProxyHandler.get_implementation(force=True)


def test_sign_in_failures_are_counted_in_redis(client, axes_in_redis):
    user = get_user_model().objects.create_user("editor-redis", password="a-long-test-password", is_staff=True)
    login = "/admin/login/?next=/admin/"
    statuses = [client.post(login, {"username": user.username, "password": "wrong"}).status_code for _ in range(5)]
    assert statuses == [200] * 4 + [429]
    right = client.post(login, {"username": user.username, "password": "a-long-test-password"})
    assert right.status_code == 429
    assert not AccessAttempt.objects.exists()  # counted in Redis, not in the database
    assert raw_keys(axes_in_redis)
    call_command("axes_reset_ip_username", "127.0.0.1", user.username, stdout=io.StringIO())  # README
    assert client.post(login, {"username": user.username, "password": "a-long-test-password"}).status_code == 302
