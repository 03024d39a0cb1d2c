"""The account page, "Download my data" and "Delete my account"."""

import json

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.urls import reverse

from core import personal_data
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")
DATA = reverse("accounts:data")
DELETE = reverse("accounts:delete")


@pytest.fixture(autouse=True)
def reader_domains(settings):
    settings.READER_EMAIL_DOMAINS = ["cluster-agency.example"]


@pytest.mark.parametrize("url", [PROFILE, DATA, DELETE])
def test_anonymous_visitors_are_sent_to_the_reader_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize(("url", "method"), [(PROFILE, "post"), (DATA, "post"), (DELETE, "put"), (DELETE, "delete")])
def test_wrong_methods_are_refused(client, make_user, url, method):
    client.force_login(make_user("methods@example.org"))
    assert getattr(client, method)(url).status_code == 405


def test_the_account_page_of_a_plain_signed_in_user_says_how_to_become_a_reader(client, make_user):
    client.force_login(make_user("plain@example.org"))
    response = client.get(PROFILE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Signed-in user:" in html
    assert "ask an administrator" in html
    assert "plain@example.org" in html
    assert reverse("account_email") in html
    assert reverse("account_change_password") in html
    assert DATA in html and DELETE in html
    assert reverse("alerts:searches") in html and reverse("alerts:following") in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_account_page_of_a_group_reader_names_the_group(client, make_user):
    client.force_login(make_user("grouped@example.org", reader=True))
    html = client.get(PROFILE).content.decode()
    assert "Reader:" in html
    assert "Readers group" in html


def test_the_account_page_of_a_domain_reader_names_the_domain(client, make_user):
    client.force_login(make_user("anna@cluster-agency.example"))
    html = client.get(PROFILE).content.decode()
    assert "Reader:" in html
    assert "cluster-agency.example" in html


def test_an_unverified_address_in_a_listed_domain_is_pointed_at(client, make_user):
    client.force_login(make_user("pending@cluster-agency.example", verified=False))
    html = client.get(PROFILE).content.decode()
    assert "Signed-in user:" in html
    assert "Once you verify pending@cluster-agency.example, you will be a reader." in html


def test_the_account_page_of_staff_says_staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff-acc", password=PASSWORD, is_staff=True))
    assert "Staff:" in client.get(PROFILE).content.decode()


def test_download_my_data_is_a_json_attachment_with_every_registered_part(client, make_user):
    user = make_user("data@example.org", reader=True)
    AccessLog.objects.create(username="data@example.org", ip_address="203.0.113.1", user_agent="test")
    personal_data.register("test_part", lambda u: {"email_again": u.email})
    try:
        client.force_login(user)
        response = client.get(DATA)
    finally:
        personal_data.unregister("test_part")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "data@example.org"
    assert data["account"]["groups"] == ["Readers"]
    assert data["account"]["email_addresses"] == [{"email": "data@example.org", "verified": True, "primary": True}]
    assert data["account"]["date_joined"]
    assert "203.0.113.1" in [s["ip_address"] for s in data["account"]["sign_ins"]]
    assert data["test_part"] == {"email_again": "data@example.org"}


def test_a_key_cannot_be_registered_twice_or_take_the_account_key():
    personal_data.register("twice", str)
    try:
        with pytest.raises(ValueError):
            personal_data.register("twice", repr)
        with pytest.raises(ValueError):
            personal_data.register("account", str)
    finally:
        personal_data.unregister("twice")


def test_delete_asks_for_the_password(client, make_user):
    client.force_login(make_user("ask@example.org"))
    html = client.get(DELETE).content.decode()
    assert 'type="password"' in html
    assert '<label for="id_password"' in html


def test_a_wrong_password_deletes_nothing(client, make_user):
    user = make_user("keep@example.org")
    client.force_login(user)
    response = client.post(DELETE, {"password": "not-it"})
    assert response.status_code == 400
    assert "This is not your password." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    response = client.post(DELETE, {})
    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_removes_the_account_and_its_rows_signs_out_and_says_so(client, make_user):
    user = make_user("leave@example.org")
    AccessLog.objects.create(username="leave@example.org", ip_address="203.0.113.2", user_agent="test")
    client.force_login(user)
    response = client.post(DELETE, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [(reverse("home:home"), 302)]
    assert "Your account and everything it held have been deleted." in response.content.decode()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="leave@example.org").exists()
    assert not AccessLog.objects.filter(username="leave@example.org").exists()
    assert "_auth_user_id" not in client.session


def test_staff_cannot_delete_themselves_here(client, django_user_model):
    staff = django_user_model.objects.create_user("staff-del", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    assert "Staff accounts cannot be deleted here" in client.get(DELETE).content.decode()
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 403
    assert "Staff accounts cannot be deleted here" in response.content.decode()
    assert django_user_model.objects.filter(pk=staff.pk).exists()


def test_with_the_page_cache_on_signed_in_readers_see_contacts_and_anonymous_readers_do_not(
    client, make_user, settings
):
    from clusters.models import ContactPerson
    from tests import factories

    settings.PAGE_CACHE_SECONDS = 300
    org = factories.organisation(name="Cached contact org")
    ContactPerson.objects.create(organisation=org, name="Cached Person", email="cached.person@example.org")
    assert "cached.person@example.org" not in client.get(org.get_absolute_url()).content.decode()
    client.force_login(make_user("cache@example.org", reader=True))
    assert "cached.person@example.org" in client.get(org.get_absolute_url()).content.decode()
    client.logout()
    assert "cached.person@example.org" not in client.get(org.get_absolute_url()).content.decode()
