import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import READERS

PASSWORD = "a-long-reader-password"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Argon2 costs a second per user on a busy machine; these tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    """A user with an e-mail address (verified or not), optionally in the Readers group or staff."""

    def make(email, *, verified=True, reader=False, **fields):
        user = get_user_model().objects.create_user(
            username=email.split("@")[0] + "-" + email.split("@")[1], email=email, password=PASSWORD, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        if reader:
            user.groups.add(Group.objects.get(name=READERS))
        return user

    return make
