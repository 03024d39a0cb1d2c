import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from alerts.models import Frequency, SavedSearch
from tests import factories

TAG = "alerts-test"


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", "reader@example.org", "a long reader password")


@pytest.fixture
def other(db):
    return User.objects.create_user("other", "other@example.org", "another long password")


def tagged_call(**kwargs):
    call = factories.call(**kwargs)
    call.tags.add(TAG)
    return call


def call_search(user, *, frequency=Frequency.DAILY, since=None, **kwargs) -> SavedSearch:
    """A saved call-list search on the test tag, its digest on since ``since`` (default: a minute ago)."""
    return SavedSearch.objects.create(
        user=user,
        name=kwargs.pop("name", "Test calls"),
        view_name="funding:call-list",
        query=kwargs.pop("query", f"tag={TAG}"),
        frequency=frequency,
        alerts_since=since or timezone.now() - datetime.timedelta(minutes=1),
        **kwargs,
    )
