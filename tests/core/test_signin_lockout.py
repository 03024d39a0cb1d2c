"""Sign-in lockout (django-axes): five failed admin sign-ins for one username from one address lock
that pair for 15 minutes; other users and addresses still sign in; success clears the count."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-test-password"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor-lock", password=PASSWORD, is_staff=True)


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip="203.0.113.7"):
    return [sign_in(client, username, "wrong-password", ip).status_code for _ in range(times)]


def test_five_failed_sign_ins_lock_the_username_and_address(client, editor):
    assert fail(client, editor.username, 4) == [200] * 4  # the form again, with its error
    response = sign_in(client, editor.username, "wrong-password")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in temporarily locked" in text
    assert "try again in 15 minutes" in text


def test_the_right_password_is_refused_while_locked(client, editor):
    fail(client, editor.username, 5)
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_another_user_and_another_address_are_unaffected(client, editor):
    other = get_user_model().objects.create_user("editor-other", password=PASSWORD, is_staff=True)
    fail(client, editor.username, 5)

    response = sign_in(client, other.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)

    client.logout()
    response = sign_in(client, editor.username, PASSWORD, ip="198.51.100.20")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_sign_in_resets_the_count(client, editor):
    fail(client, editor.username, 4)
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    assert not AccessAttempt.objects.filter(username=editor.username).exists()
    # Four more failures are again below the limit: the earlier four no longer count.
    assert fail(client, editor.username, 4) == [200] * 4
    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_lockout_page_carries_the_security_headers(client, editor):
    fail(client, editor.username, 5)
    response = sign_in(client, editor.username, PASSWORD)
    assert response["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_new_passwords_are_hashed_with_argon2(editor):
    assert editor.password.startswith("argon2$")
