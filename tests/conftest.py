"""Shared fixtures. Every database test runs against a real PostgreSQL (embedded or DATABASE_URL)
whose test database holds the demo data set: the seeds are the data the product is judged on."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def redis_url():
    """The Redis server for tests marked ``redis``: TEST_REDIS_URL (CI sets it when Redis is
    reachable), else REDIS_URL; skipped when neither is set. Tests use keys under their own
    prefix and delete only those."""
    import os

    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("no Redis: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/9)")
    return url
