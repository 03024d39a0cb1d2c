"""Freshness: every record page says when it was last updated, and the staff page /staff/stale/
lists the records not updated for a number of months."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from freshness.stale import ROWS_PER_TYPE, months_before, stale_records
from tests import factories

pytestmark = pytest.mark.django_db

STALE = reverse("freshness:stale")
BUILDERS = {
    "organisation": factories.organisation,
    "visit": factories.visit,
    "instrument": factories.instrument,
    "call": factories.call,
    "project": factories.project,
}


def backdate(obj, **delta):
    """Set ``updated_at`` in the past (``auto_now`` would overwrite it on save)."""
    moment = timezone.now() - datetime.timedelta(**delta)
    type(obj).objects.filter(pk=obj.pk).update(updated_at=moment)
    return moment


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("fresh-staff", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    return client


# Last updated on every record page


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_record_page_says_when_it_was_last_updated(client, kind):
    obj = BUILDERS[kind]()
    moment = backdate(obj, days=400)
    html = client.get(obj.get_absolute_url()).content.decode()
    local = timezone.localtime(moment)
    match = re.search(r'Last updated <time datetime="([^"]+)">([^<]+)</time>', html)
    assert match, "no last-updated line"
    assert datetime.datetime.fromisoformat(match[1]) == local
    assert match[2] == f"{local.day} {local:%b %Y}"


# The stale query


def test_months_before_clamps_the_day_to_the_shorter_month():
    moment = datetime.datetime(2025, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2025, 2, 28, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 13) == datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 120) == datetime.datetime(2015, 3, 31, 12, 0, tzinfo=datetime.UTC)


def test_stale_records_lists_only_older_records_oldest_first():
    older = factories.organisation(name="Stale oldest")
    old = factories.organisation(name="Stale old")
    fresh = factories.organisation(name="Stale fresh")
    backdate(older, days=900)
    backdate(old, days=500)
    backdate(fresh, days=200)
    organisations = stale_records(12)[0]
    titles = [row.title for row in organisations.rows]
    assert titles.index("Stale oldest") < titles.index("Stale old")
    assert "Stale fresh" not in titles
    assert organisations.count == len(titles)
    assert "Stale fresh" in [row.title for row in stale_records(6)[0].rows]


def test_stale_records_caps_rows_per_type_but_counts_them_all():
    calls = [factories.call(title=f"Stale call {i}") for i in range(4)]
    for i, c in enumerate(calls):
        backdate(c, days=800 + i)
    group = stale_records(12, limit=3)[3]
    assert group.count == 4 and len(group.rows) == 3 and group.truncated
    assert [row.title for row in group.rows] == ["Stale call 3", "Stale call 2", "Stale call 1"]


# The staff page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(STALE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_signed_in_users_without_staff_status_are_refused(client):
    user = get_user_model().objects.create_user("fresh-member", password="a-long-test-password")
    client.force_login(user)
    assert client.get(STALE).status_code == 403


def test_staff_see_stale_records_with_their_page_and_admin_links(staff_client):
    visit = factories.visit(title="Stale draft visit", status="draft")
    project = factories.project(name="Stale project")
    backdate(visit, days=800)
    backdate(project, days=40)
    response = staff_client.get(STALE)
    assert response.status_code == 200
    html = response.content.decode()
    assert visit.get_absolute_url() in html
    assert reverse("admin:visits_visit_change", args=[visit.pk]) in html
    assert "Stale project" not in html
    html = staff_client.get(STALE, {"months": 1}).content.decode()
    assert project.get_absolute_url() in html
    assert reverse("admin:funding_project_change", args=[project.pk]) in html


def test_default_months_come_from_the_setting(staff_client, settings):
    organisation = factories.organisation(name="Stale by setting")
    backdate(organisation, days=100)
    settings.STALE_AFTER_MONTHS = 12
    assert "Stale by setting" not in staff_client.get(STALE).content.decode()
    settings.STALE_AFTER_MONTHS = 3
    response = staff_client.get(STALE)
    assert "Stale by setting" in response.content.decode()
    assert 'value="3"' in response.content.decode()


@pytest.mark.parametrize("months", ["abc", "0", "121", "1.5", "-3", "99999999999999999999999"])
def test_bad_months_answer_400_with_a_clear_message(staff_client, months):
    response = staff_client.get(STALE, {"months": months})
    assert response.status_code == 400
    assert "Give the number of months as a whole number from 1 to 120." in response.content.decode()


@pytest.mark.parametrize("months", ["1", "120"])
def test_the_bounds_are_accepted(staff_client, months):
    assert staff_client.get(STALE, {"months": months}).status_code == 200


def test_staff_page_costs_the_same_queries_for_one_or_many_stale_rows(staff_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert staff_client.get(STALE).status_code == 200
        return len(ctx)

    for builder in BUILDERS.values():
        backdate(builder(), days=700)
    one = count()
    for builder in BUILDERS.values():
        for _ in range(4):
            backdate(builder(), days=700)
    assert count() == one
    assert one <= 2 * len(BUILDERS) + 4  # two per type, plus session and user


def test_staff_page_with_more_rows_than_the_cap_still_costs_two_queries_per_type(staff_client):
    for i in range(ROWS_PER_TYPE + 1):
        backdate(factories.organisation(name=f"Stale many {i:03}"), days=700)
    with CaptureQueriesContext(connection) as ctx:
        html = staff_client.get(STALE).content.decode()
    assert len(ctx) <= 2 * len(BUILDERS) + 4
    assert f"The {ROWS_PER_TYPE} oldest of" in html


def test_staff_see_the_link_in_the_navigation_and_others_do_not(client, staff_client):
    assert STALE in staff_client.get(reverse("home:home")).content.decode()
    client.logout()
    assert STALE not in client.get(reverse("home:home")).content.decode()
