"""A report full of script-injection attempts, opened in a real browser: nothing runs. The
site's Content-Security-Policy would block inline script on its own, so it is taken off the
responses here: what is tested is the Markdown sanitiser."""

import pytest

from tests import factories
from tests.xss_payloads import PAYLOADS

pytestmark = pytest.mark.e2e


def without_csp(route):
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if not k.lower().startswith("content-security-policy")}
    route.fulfill(response=response, headers=headers)


def test_a_report_of_xss_payloads_runs_nothing(page, transactional_db, screenshot):
    visit = factories.visit(
        title="Visit with a hostile report",
        summary="Every payload below must show as text or harmless markup.",
        report="\n\n".join(["# Payloads", *PAYLOADS, "The end of the report."]),
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", without_csp)

    response = page.goto(visit.get_absolute_url(), wait_until="load")
    assert response.status == 200
    assert "content-security-policy" not in {name.lower() for name in response.headers}
    report = page.locator(".report")
    report.get_by_text("The end of the report.").wait_for()
    report.hover()
    page.mouse.move(10, 10)
    page.wait_for_timeout(500)  # let any timer, toggle or focus handler fire

    assert dialogs == []
    assert report.locator("script, iframe, object, embed, svg, math, img, form, style, base, meta").count() == 0
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('.report *')].flatMap(e => e.getAttributeNames())"
            ".filter(name => name.startsWith('on'))"
        )
        == []
    )
    assert report.get_by_role("heading", name="Payloads", level=3).is_visible()
    screenshot("xss-visit")
