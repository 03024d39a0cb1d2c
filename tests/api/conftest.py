"""API test fixtures: the anonymous rate limit lifted (one test puts it back) and a fresh count,
so that the order of tests never decides whether a request is throttled."""

import pytest
from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle


@pytest.fixture(autouse=True)
def unthrottled(monkeypatch):
    cache.clear()
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "100000/min")
    yield
    cache.clear()


def all_results(client, url: str, **params) -> list[dict]:
    """Every result of a list endpoint, following ``next`` through all pages."""
    results = []
    response = client.get(url, {"page_size": 100, **params})
    while True:
        assert response.status_code == 200, response.content[:300]
        data = response.json()
        results += data["results"]
        if not data["next"]:
            return results
        response = client.get(data["next"])


@pytest.fixture
def collect():
    return all_results
