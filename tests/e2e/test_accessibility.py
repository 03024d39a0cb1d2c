"""axe-core finds no WCAG 2.1 A/AA or best-practice violation on the main public pages.

axe is vendored for the tests only (tests/e2e/vendor/, never served). The site's
Content-Security-Policy forbids inline script, so ``page.add_script_tag(content=...)`` would be
blocked; ``page.evaluate`` runs through the DevTools protocol, which the policy does not govern.
The policy itself stays on, so the pages are checked as visitors see them (inline styles blocked).
"""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from clusters.models import Organisation
from visits.models import Visit

pytestmark = pytest.mark.e2e

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def _organisation_with_visits_and_projects() -> str:
    """The demo organisation with most published visits among those that also have projects."""
    organisation = (
        Organisation.objects.for_list()
        .filter(project_links__isnull=False)
        .annotate(visits_total=F("visits_hosted_count") + F("visits_made_count"))
        .order_by("-visits_total", "name")
        .first()
    )
    return organisation.get_absolute_url()


def _published_visit() -> str:
    return Visit.objects.filter(status=Visit.Status.PUBLISHED).order_by("-start_date", "pk").first().get_absolute_url()


PAGES = {
    "home": lambda: "/",
    "partners-filtered": lambda: "/partners/?kind=cluster&has_visits=yes",
    "calls": lambda: "/funding/calls/",
    "organisation": _organisation_with_visits_and_projects,
    "visit": _published_visit,
    "map": lambda: reverse("insights:map"),
    "network": lambda: reverse("insights:network"),
    "funding": lambda: "/funding/",
    "discover": lambda: "/discover/?for=isim",
    "funding-fit": lambda: "/funding/fit/?beneficiary=sme&country=TR",
    "country": lambda: "/countries/fr/",
    "two-countries": lambda: "/countries/ru/with/fr/",
}


def _format(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " | "))
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_axe_violations(page, demo_data, name):
    path = PAGES[name]()
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    assert results["violations"] == [], f"{path}\n{_format(results['violations'])}"


def test_staff_stale_records_page_has_no_axe_violations(page, demo_data, screenshot):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Organisation.objects.update(updated_at=long_ago)
    Visit.objects.update(updated_at=long_ago)
    get_user_model().objects.create_user("axe-staff", password="a-long-test-password", is_staff=True)
    page.goto("/admin/login/?next=/staff/stale/%3Fmonths%3D1")
    page.fill("#id_username", "axe-staff")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/staff/stale/**")
    assert page.locator(".stale-section tbody tr").count() > 0
    screenshot("stale-records")
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    assert results["violations"] == [], _format(results["violations"])
