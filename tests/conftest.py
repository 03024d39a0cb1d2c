"""Shared fixtures. Every database test runs against a real PostgreSQL (embedded or DATABASE_URL)
whose test database holds the demo data set: the seeds are the data the product is judged on."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
