"""Policy staff ask "an SME in Türkiye: what can it apply for, at what rate, until when?" on the
funding fit page, without JavaScript, on a phone and on a desktop."""

import datetime

import pytest

from funding.models import Eligibility
from tests import factories
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [390, 1366])
def test_policy_staff_see_what_a_turkish_sme_can_apply_for_without_javascript(context_page, demo_data, width):
    deadline = datetime.date.today() + datetime.timedelta(days=45)
    grant = factories.instrument(name="Anatolia Textile SME Grant", eligible_countries=["TR"], co_funding_rate=40)
    Eligibility.objects.create(instrument=grant, beneficiary_type="sme", co_funding_rate=60)
    factories.call(title="Anatolia Textile call 1", instrument=grant, deadline=deadline)

    page = context_page(javascript=False, width=width)
    page.goto("/funding/")
    page.get_by_role("link", name="What can I apply for? Funding fit").click()
    page.wait_for_url("**/funding/fit/")
    assert page.get_by_role("heading", name="Funding fit", level=1).is_visible()
    page.get_by_label("Beneficiary type").select_option("sme")
    page.get_by_label("Country").select_option("TR")
    page.get_by_role("button", name="Show what fits").click()
    page.wait_for_url("**beneficiary=sme**")
    assert "country=TR" in page.url

    card = page.locator("li.fit", has=page.get_by_role("link", name="Anatolia Textile SME Grant"))
    assert card.get_by_text("60 %").is_visible()  # the SME rate, not the instrument's 40 %
    assert card.get_by_role("link", name="Anatolia Textile call 1").is_visible()
    assert card.get_by_text(f"deadline {deadline.day} {deadline.strftime('%b %Y')}").is_visible()
    assert card.get_by_text("Türkiye is among its eligible countries.").is_visible()
    # COSME and Horizon 2020 state no country: shown, and said so.
    assert page.get_by_role("link", name="COSME").is_visible()
    assert page.get_by_text("Its sources state no country restriction").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"funding-fit-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"overflows at {width} px"
