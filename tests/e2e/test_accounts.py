"""A reader's journey: sign up on a phone (390 px), open the verification link from the captured
e-mail, verify, sign in, land on the account page; on a laptop (1366 px) the header shows
"Account". Screenshots of the sign-up and account pages at both widths go to test-artifacts/."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-reader-password"


@pytest.fixture(autouse=True)
def captured_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    mail.outbox = []


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, f"{page.url} overflows at {width} px"


def shoot(page, screenshot, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    screenshot(f"accounts-{name}-{width}")
    fits(page, width)


def test_a_reader_signs_up_verifies_signs_in_and_sees_the_account_page(page, demo_data, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.locator("details.site-menu > summary").click()  # on a phone the header folds into a menu
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="sign up").click()
    assert page.title() == "Signup · Cluster Cooperation KB"
    shoot(page, screenshot, "signup", 390)
    shoot(page, screenshot, "signup", 1366)
    page.set_viewport_size({"width": 390, "height": 844})

    page.get_by_label("Email").fill("e2e.reader@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    assert page.get_by_role("heading", name="Verify Your Email Address").is_visible()

    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("e2e.reader@example.org")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/profile/")
    assert page.get_by_role("heading", name="Your account").is_visible()
    assert page.get_by_text("Signed-in user:").is_visible()
    assert page.get_by_text("e2e.reader@example.org").first.is_visible()
    shoot(page, screenshot, "profile", 390)

    shoot(page, screenshot, "profile", 1366)
    header = page.get_by_role("navigation", name="Main")
    assert header.get_by_role("link", name="Account").is_visible()
    assert header.get_by_role("button", name="Sign out").is_visible()
    assert header.get_by_role("link", name="Sign in").count() == 0

    with page.expect_navigation():
        header.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").is_visible()
