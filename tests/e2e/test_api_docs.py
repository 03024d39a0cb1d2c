"""The API documentation page (/api/docs/) works in a real browser under the site's
Content-Security-Policy and offline: Swagger UI loads from the site's own static files, renders
every operation, and "Try it out" fetches a real answer, with no error in the console."""

import pytest

pytestmark = pytest.mark.e2e


def test_api_docs_render_every_operation_and_run_one(page, live_server, demo_data, screenshot):
    errors, outside = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request", lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None
    )
    page.goto("/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    for path in ["/api/organisations/", "/api/visits/{slug}/", "/api/instruments/", "/api/calls/", "/api/projects/"]:
        assert any(p.replace("\u200b", "") == path for p in paths), (path, paths)
    operation = page.locator("#operations-calls-calls_list")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    page.wait_for_selector(
        "#operations-calls-calls_list .live-responses-table tbody .response-col_status", timeout=20_000
    )
    assert "200" in operation.locator(".live-responses-table tbody .response-col_status").first.inner_text()
    assert "innovation-express" in operation.locator(".live-responses-table .microlight").first.inner_text()
    screenshot("api-docs")
    assert errors == []
    assert outside == []


def test_site_footer_links_to_the_api_docs(page, demo_data):
    page.goto("/")
    page.get_by_role("link", name="Open data API").click()
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    assert page.url.endswith("/api/docs/")
