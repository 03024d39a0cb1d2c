"""Report intake in a real browser, at a laptop's width and a phone's: the ViaMeca report pasted,
reviewed and saved as a draft whose hosts and itinerary link to the records already on file,
without a duplicate organisation; then the host's own short account of the same visit, linked to
the first through the same-event line, and each visit's page naming the other.

Screenshots go to /tmp/shots/intake-*.png (and test-artifacts/) to be looked at."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from clusters.models import Organisation
from demo.seeds import seeds_dir
from visits.models import Visit

pytestmark = pytest.mark.e2e

SEEDS = seeds_dir()
SHOTS = Path("/tmp/shots")
VIAMECA_VISIT = "zheleznogorsk-cluster-at-viameca-2013"
HOSTS = ["ViaMeca", "Mayer Group France", "Partners in Nuclear Business"]
# Written for this test: the same visit told from the host's side, same dates and hosts.
SECOND_ACCOUNT = """ViaMeca welcomes a cluster delegation from Russia

From 16 to 19 April 2013 the ViaMeca pole of competitiveness received a delegation of the
Innovation Technologies Cluster of Zheleznogorsk. The programme, prepared with the Center for
Strategic Research "North-West", included a visit to Mayer Group France in Saint-Etienne, a meeting
with Partners in Nuclear Business in Burgundy and a day at the engineering fair in Lyon.
"""


@pytest.fixture
def editor(demo_data):
    user = get_user_model().objects.create_user("ines", "ines@example.org", "an-editor-password-42", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def shoot(page, name: str, width: int, *, fits: bool = True) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"intake-{name}-{width}.png"), full_page=True)
    if fits:  # the intake pages: a phone scrolls down, never sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, f"{name} overflows at {width} px"


def read_report(page, text: str) -> None:
    page.goto("/admin/visits/visit/")
    page.get_by_role("link", name="Intake a report").click()
    page.wait_for_url("**/admin/intake/")
    page.fill("#id_text", text)
    page.get_by_role("button", name="Read the report").click()
    page.locator("input[name=proposal]").wait_for(state="attached")


def save(page) -> Visit:
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url("**/admin/visits/visit/*/change/")
    assert "Saved the draft" in page.locator(".messagelist").inner_text()
    return Visit.objects.get(pk=int(page.url.rstrip("/").split("/")[-2]))


def test_a_report_and_another_account_of_it_become_linked_drafts(page, editor):
    seed = next(SEEDS.glob("000_*.txt"), None)
    if seed is None:
        pytest.skip(f"The seed documents are not in {SEEDS}.")
    # The event is not on record yet; its organisations are.
    Visit.objects.filter(slug=VIAMECA_VISIT).delete()
    organisations_before = set(Organisation.objects.values_list("pk", flat=True))

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "ines")
    page.fill("#id_password", "an-editor-password-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_role("link", name="Intake a report").count() == 1

    page.goto("/admin/intake/")
    shoot(page, "start", 390)
    read_report(page, seed.read_text())
    shoot(page, "review", 1366)
    shoot(page, "review", 390)
    for host in HOSTS:
        chosen = page.locator("label:has(input[type=radio][value=link-0]:checked)")
        assert chosen.filter(has_text=f"Link to {host} ").count() >= 1, f"{host} is not proposed as a link"
    first = save(page)
    shoot(page, "saved", 1366, fits=False)  # the admin's own change page

    assert first.status == Visit.Status.DRAFT and first.language == "en"
    assert (str(first.start_date), str(first.end_date)) == ("2013-04-16", "2013-04-19")
    assert set(HOSTS) <= {o.name for o in first.hosts.all()}
    stops = list(first.stops.select_related("host"))
    assert {1, 2, 3} <= {s.day for s in stops}
    assert {s.host.name for s in stops if s.host} & set(HOSTS)
    new = Organisation.objects.exclude(pk__in=organisations_before)
    for name in [*HOSTS, "Innovation Technologies Cluster"]:
        assert not new.filter(name__icontains=name).exists(), f"a second {name} was created"

    # The host's account of the same visit: the review offers the first draft as the same event.
    read_report(page, SECOND_ACCOUNT)
    same = page.locator("[id^=same-]", has_text=first.title)
    assert same.count() == 1, "the first draft is not offered as the same event"
    same.get_by_label("This report is another account of that visit").check()
    # The editor's part: the text names only records on file, so any line proposed as a new
    # record is rejected, and ViaMeca, which received the delegation, is made its host.
    for line in page.locator(".intake-line:has(input[value=create]:checked)").all():
        line.locator("input[value=reject]").check()
    viameca = page.locator(".intake-line:has(label:has(input[value=link-0]:checked):text('Link to ViaMeca '))")
    viameca.locator("select[name$='-role']").select_option("host")
    shoot(page, "second-review", 390)
    organisations_between = Organisation.objects.count()
    second = save(page)
    assert second.account_of == first
    assert "ViaMeca" in {o.name for o in second.hosts.all()}
    assert Organisation.objects.count() == organisations_between

    # Each visit's page (a draft's page is a preview for staff) names the other account.
    page.goto(first.get_absolute_url())
    assert second.title in page.locator("main").inner_text()
    shoot(page, "accounts-first", 1366, fits=False)
    page.goto(second.get_absolute_url())
    assert first.title in page.locator("main").inner_text()
    shoot(page, "accounts-second", 390, fits=False)
