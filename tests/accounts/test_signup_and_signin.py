"""Reader accounts through django-allauth: sign up with a mandatory e-mail verification, sign in with
the e-mail address, sign out with a POST, reset the password; every page in the site's layout;
failed sign-ins counted and locked by django-axes as for the admin."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
SIGNUP = reverse("account_signup")
PROFILE = reverse("accounts:profile")


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/\S+/)", message.body).group(1)


def sign_up(client, email="new.reader@example.org", password=PASSWORD):
    return client.post(SIGNUP, {"email": email, "password1": password, "password2": password})


def sign_in(client, login, password=PASSWORD, ip="203.0.113.9"):
    return client.post(LOGIN, {"login": login, "password": password}, REMOTE_ADDR=ip)


def test_sign_up_sends_a_verification_link_that_verifies_the_address(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="new.reader@example.org")
    assert user.username  # filled in by allauth: readers never choose one
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.reader@example.org"]

    confirm = link_in(mail.outbox[0])
    assert client.get(confirm).status_code == 200
    assert client.post(confirm).status_code == 302
    assert EmailAddress.objects.get(user=user).verified


def test_an_unverified_reader_cannot_sign_in_and_gets_the_link_again(client, make_user):
    make_user("pending@example.org", verified=False)
    response = sign_in(client, "pending@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1


def test_a_verified_reader_signs_in_with_the_address_and_lands_on_the_account_page(client, make_user):
    user = make_user("verified@example.org")
    response = sign_in(client, "Verified@Example.org")
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Successfully signed in as verified@example.org." in client.get(PROFILE).content.decode()


def test_sign_in_follows_next(client, make_user):
    make_user("next@example.org")
    response = client.post(f"{LOGIN}?next=/funding/calls/", {"login": "next@example.org", "password": PASSWORD})
    assert response["Location"] == "/funding/calls/"


def test_a_wrong_password_shows_the_form_again_with_its_error(client, make_user):
    make_user("wrong@example.org")
    response = sign_in(client, "wrong@example.org", "not-the-password")
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_post(client, make_user):
    client.force_login(make_user("out@example.org"))
    logout = reverse("account_logout")
    assert client.post(logout).status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_link_that_sets_a_new_password(client, make_user):
    make_user("forgot@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "forgot@example.org"})
    assert response.status_code == 302
    link = link_in(mail.outbox[-1])
    form_url = client.get(link)["Location"]  # allauth moves the key out of the address first
    response = client.post(form_url, {"password1": "a-brand-new-password", "password2": "a-brand-new-password"})
    assert response.status_code == 302
    assert sign_in(client, "forgot@example.org", "a-brand-new-password").status_code == 302


def test_changing_the_address_sends_a_verification_to_the_new_one(client, make_user):
    user = make_user("old@example.org")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["new@example.org"]
    assert EmailAddress.objects.get(user=user, email="new@example.org").verified is False


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_allauth_pages_are_in_the_site_layout(client, url_name):
    html = client.get(reverse(url_name)).content.decode()
    assert 'class="site-header"' in html
    assert "· Cluster Cooperation KB</title>" in html
    assert 'class="breadcrumbs"' in html
    assert 'class="account-form"' in html
    assert re.search(r'<label for="id_(login|email)"', html)


def test_allauth_pages_speak_the_interface_language(client):
    client.cookies["django_language"] = "fr"
    html = client.get(LOGIN).content.decode()
    assert '<html lang="fr">' in html
    assert "Connexion" in html


def test_a_field_error_is_shown_next_to_its_field(client):
    html = client.post(SIGNUP, {"email": "not-an-address", "password1": "x", "password2": "y"}).content.decode()
    email_field = html[html.index('for="id_email"') : html.index('name="email"')]
    assert "errorlist" in email_field


def test_five_failed_sign_ins_lock_the_address_with_the_lockout_page(client, make_user):
    make_user("locked@example.org")
    statuses = [sign_in(client, "locked@example.org", "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = sign_in(client, "LOCKED@example.org")  # the right password, any case, is refused
    assert response.status_code == 429
    assert "Sign-in temporarily locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_leaves_other_readers_and_addresses_alone(client, make_user):
    make_user("locked2@example.org")
    other = make_user("other@example.org")
    for _ in range(5):
        sign_in(client, "locked2@example.org", "wrong")
    assert sign_in(client, "other@example.org").status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)
    client.logout()
    assert sign_in(client, "locked2@example.org", ip="198.51.100.3").status_code == 302


def test_staff_still_sign_in_at_the_admin(client, django_user_model):
    django_user_model.objects.create_user("editor-acc", password=PASSWORD, is_staff=True)
    response = client.post("/admin/login/?next=/admin/", {"username": "editor-acc", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_header_sign_in_leads_to_the_reader_sign_in_with_next(client):
    html = client.get("/funding/calls/?country=TR").content.decode()
    assert f'href="{LOGIN}?next=/funding/calls/%3Fcountry%3DTR"' in html
    assert "/admin/login/" not in html


def test_header_of_a_signed_in_reader_has_account_and_a_sign_out_form(client, make_user):
    client.force_login(make_user("header@example.org"))
    html = client.get("/").content.decode()
    assert f'href="{PROFILE}"' in html
    assert f'<form class="sign-out" method="post" action="{reverse("account_logout")}">' in html
    assert 'href="/admin/"' not in html
    assert ">Sign in<" not in html


def test_header_of_staff_keeps_the_admin_link(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff-h", password=PASSWORD, is_staff=True))
    assert 'href="/admin/"' in client.get("/").content.decode()


@pytest.mark.parametrize("key", ["bogus-key", "MQ:1vAbcd:" + "z" * 43, "%00", "a" * 300])
def test_a_tampered_or_expired_verification_link_gets_a_clear_page(client, key):
    response = client.get(f"/accounts/confirm-email/{key}/")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "This email confirmation link expired or is invalid" in response.content.decode()
    assert client.post(f"/accounts/confirm-email/{key}/").status_code == 404  # nothing to confirm


def test_a_tampered_password_reset_link_gets_a_clear_page(client):
    response = client.get("/accounts/password/reset/key/1-bad-key/")
    assert response.status_code == 200
    assert "The password reset link was invalid" in response.content.decode()
