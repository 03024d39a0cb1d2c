"""Under the Content-Security-Policy (no inline script or style), the public pages and the admin
work in a real browser: no violation is reported and the admin's autocomplete finds partners."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.e2e


def test_site_and_admin_autocomplete_work_without_policy_violations(page, demo_data):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    get_user_model().objects.create_superuser("editor-csp", "e@example.org", "a-long-test-password")
    for path in ["/", "/partners/", "/visits/", "/funding/", "/search/?q=cluster"]:
        page.goto(path)
    page.goto("/admin/login/")
    page.fill("#id_username", "editor-csp")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    for path in ["/admin/", "/admin/clusters/organisation/", "/admin/clusters/organisation/add/"]:
        page.goto(path)
    page.goto("/admin/visits/visit/add/")
    page.locator(".select2-selection").first.click()
    page.keyboard.type("Via")
    page.wait_for_selector(".select2-results__option >> text=ViaMeca", timeout=10_000)
    assert violations == []
