import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.e2e


def test_visitor_sees_holdings_and_latest_visits_on_the_home_page(page, demo_data, screenshot):
    page.goto("/")
    assert page.title() == "Overview · Cluster Cooperation KB"
    assert page.get_by_role("heading", name="What the knowledge base holds").is_visible()
    assert page.locator(".stat").count() == 5
    assert page.locator(".card-list .card").count() >= 1
    screenshot("home")


def test_admin_signs_in_at_the_admin_and_reaches_the_visit_form(page, demo_data, screenshot):
    get_user_model().objects.create_superuser("editor-e2e", "e@example.org", "a-long-test-password")
    page.goto("/admin/login/?next=/admin/")  # staff keep the admin's own sign-in
    page.fill("#id_username", "editor-e2e")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/visits/visit/add/")
    assert page.get_by_role("heading", name="Add visit").is_visible()
    assert page.locator("#stops-group").is_visible()
    screenshot("admin-visit-add")
