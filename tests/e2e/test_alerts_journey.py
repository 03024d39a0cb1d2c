"""The reader's alert journey of issue 15, in one browser: sign up, open the verification link
from the captured e-mail, sign in, save "calls open to SMEs from Türkiye" from the filtered call
list and ask for a daily digest; an editor publishes a matching call; ``send_alerts`` sends
exactly one e-mail naming that call, a second run sends nothing, and the e-mail's unsubscribe
link stops further e-mails (a later run that would have sent one sends nothing)."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Frequency, SavedSearch
from alerts.sending import send_alerts
from funding.models import BeneficiaryType, Eligibility
from tests import factories

pytestmark = pytest.mark.e2e

EMAIL = "journey.reader@example.org"
PASSWORD = "a-long-reader-password"
SEARCH = "/funding/calls/?status=open&country=TR&beneficiary=sme"
NAME = "Calls open to SMEs from Türkiye"


@pytest.fixture(autouse=True)
def captured_mail(settings, live_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = live_server.url
    mail.outbox = []


def publish_matching_call(title: str):
    """What an editor's new call for SMEs from Türkiye amounts to: an instrument open to Türkiye
    and to SMEs, and an open call under it (calls have no draft state: saved is published)."""
    instrument = factories.instrument(name=f"{title} instrument", eligible_countries=["TR"])
    Eligibility.objects.create(instrument=instrument, beneficiary_type=BeneficiaryType.SME)
    today = timezone.localdate()
    return factories.call(
        title=title,
        instrument=instrument,
        opens_on=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=45),
    )


def test_a_reader_saves_a_call_search_gets_one_alert_and_unsubscribes(page, demo_data, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    # Sign up and verify with the link of the captured e-mail.
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    assert page.get_by_role("heading", name="Verify Your Email Address").is_visible()
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/profile/")

    # Save the filtered call list, then ask for a daily digest.
    page.goto(SEARCH)
    page.fill("#save-search-name", NAME)
    page.get_by_role("button", name="Save this search").click()
    page.wait_for_url("**/me/searches/")
    assert page.get_by_role("link", name=NAME, exact=True).is_visible()
    page.locator(f'a[href="/me/searches/{SavedSearch.objects.get(user__email=EMAIL).pk}/"]').click()
    page.get_by_label("E-mail digest").select_option(Frequency.DAILY)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/me/searches/")
    screenshot("alerts-journey-searches-390")
    search = SavedSearch.objects.get(user__email=EMAIL)
    assert search.frequency == Frequency.DAILY
    assert "country=TR" in search.query and "beneficiary=sme" in search.query

    # An editor publishes a matching call; the next run mails it once, the run after nothing.
    mail.outbox = []
    call = publish_matching_call("Türkiye SME twinning call")
    out = StringIO()
    call_command("send_alerts", stdout=out)
    assert len(mail.outbox) == 1, out.getvalue()
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert call.title in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    call_command("send_alerts", stdout=StringIO())
    assert len(mail.outbox) == 1

    # The e-mail's unsubscribe link, opened without signing in, stops further e-mails.
    page.context.clear_cookies()
    unsubscribe = re.search(r"http://\S+/alerts/unsubscribe/\S+/", message.body).group(0)
    page.goto(unsubscribe)
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.get_by_role("status").get_by_text("sends no more e-mails").is_visible()
    screenshot("alerts-journey-unsubscribed-390")
    publish_matching_call("Second Türkiye SME call")
    send_alerts(now=timezone.now() + datetime.timedelta(days=2))
    assert len(mail.outbox) == 1
