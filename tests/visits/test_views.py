import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from visits.models import Finding, FollowUp, ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db

TAG = "zz-visit-views-test"
LIST = reverse("visits:visit-list")


def tagged(n: int, **kwargs) -> list[Visit]:
    visits = []
    for i in range(n):
        v = factories.visit(title=f"Views test visit {i:03}", **kwargs)
        v.tags.add(TAG, "zz-other")
        v.hosts.add(factories.organisation())
        v.delegation.add(factories.organisation())
        visits.append(v)
    return visits


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx)


def csv_rows(response) -> list[dict]:
    assert response.streaming
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    return user


def test_list_shows_the_visit(client):
    visit = tagged(1)[0]
    response = client.get(LIST, {"tag": TAG})
    assert response.status_code == 200
    assert visit.get_absolute_url() in response.content.decode()


def test_detail_shows_the_visit_and_links_to_its_organisations(client):
    host = factories.organisation(name="Welcoming pole", kind="pole")
    guest = factories.organisation(name="Travelling cluster")
    visit = factories.visit(title="Travelling cluster at the welcoming pole")
    visit.hosts.add(host)
    visit.delegation.add(guest)
    response = client.get(visit.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert visit.title in html
    assert host.get_absolute_url() in html
    assert guest.get_absolute_url() in html
    assert visit.get_absolute_url() in client.get(host.get_absolute_url()).content.decode()


def test_detail_shows_itinerary_findings_follow_ups_and_english_summary(client):
    owner = factories.organisation(name="Follow-up owner")
    visit = factories.visit(language="tr", summary_en="An English summary.", report="Türkçe rapor")
    ItineraryStop.objects.create(visit=visit, day=2, place="Izmir port", host=factories.organisation(name="Stop host"))
    Participant.objects.create(visit=visit, group="Turkish clusters", count=7)
    Finding.objects.create(
        visit=visit, text="Lesson", figure_label="State share", value=40, unit="percent", is_approximate=True
    )
    outcome = factories.visit(title="The return visit")
    FollowUp.objects.create(
        visit=visit,
        action="Return visit",
        owner=owner,
        due_date=datetime.date(2014, 3, 1),
        due_precision="month",
        outcome=outcome,
    )
    html = client.get(visit.get_absolute_url()).content.decode()
    for text in (
        "Day 2",
        "Izmir port",
        "Stop host",
        "Turkish clusters",
        "about 40 %",
        "March 2014",
        outcome.get_absolute_url(),
        owner.get_absolute_url(),
        'lang="tr"',
        "An English summary.",
    ):
        assert text in html


def test_draft_is_hidden_from_anonymous_visitors(client):
    draft = tagged(1, status="draft")[0]
    assert draft.get_absolute_url() not in client.get(LIST, {"tag": TAG}).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert csv_rows(client.get(LIST, {"tag": TAG, "format": "csv"})) == []


def test_draft_is_shown_to_staff(client, staff):
    draft = tagged(1, status="draft")[0]
    assert draft.get_absolute_url() in client.get(LIST, {"tag": TAG}).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_text_is_escaped_not_rendered_as_html(client):
    visit = factories.visit(report="<script>alert(1)</script>\n\nSecond paragraph", purpose="<b>bold</b>")
    html = client.get(visit.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html


def test_csv_export_has_the_filtered_rows_of_every_page(client):
    visits = tagged(30)
    factories.visit(title="Untagged views test visit")
    on_pages = set()
    for page in (1, 2):
        html = client.get(LIST, {"tag": TAG, "page": page}).content.decode()
        on_pages |= {v.title for v in visits if v.get_absolute_url() in html}
    rows = csv_rows(client.get(LIST, {"tag": TAG, "format": "csv"}))
    assert {row["Title"] for row in rows} == on_pages == {v.title for v in visits}
    assert len(rows) == 30


def test_list_query_count_does_not_grow_with_rows(client):
    tagged(3)
    url = f"{LIST}?tag={TAG}&year=2020&sort=title"
    queries(client, url)  # warm caches (content types)
    few = queries(client, url)
    tagged(27)
    assert queries(client, url) == few


def test_detail_query_count_does_not_grow_with_rows(client):
    visit = factories.visit()

    def add(n):
        for i in range(n):
            ItineraryStop.objects.create(visit=visit, day=i + 1, host=factories.organisation())
            Finding.objects.create(
                visit=visit, text=f"Finding {i}", value=i, unit="count", subject=factories.organisation()
            )
            Participant.objects.create(visit=visit, organisation=factories.organisation())
            FollowUp.objects.create(
                visit=visit, action=f"Action {i}", owner=factories.organisation(), outcome=factories.visit()
            )
            visit.hosts.add(factories.organisation())

    add(3)
    queries(client, visit.get_absolute_url())
    few = queries(client, visit.get_absolute_url())
    add(27)
    assert queries(client, visit.get_absolute_url()) == few


@pytest.mark.parametrize(
    "params",
    [
        {"page": str(10**9)},
        {"page": "abc"},
        {"page": "9" * 5000},
        {"q": "x" * 10_000},
        {"q": "\"'<script>alert(1)</script>"},
        {"q": "-"},
        {"q": '"'},
        {"q": "'"},
        {"q": "nul\x00byte"},
        {"year": "20x3"},
        {"year": "99999999999999999999"},
        {"kind": "<script>"},
        {"host_country": "XX"},
        {"organisation": "no-such-org"},
        {"project": "'"},
        {"tag": ['"', "<b>", "-"]},
        {"sort": "password"},
        {"unknown": "1"},
        {"format": "xml"},
    ],
)
def test_bad_input_never_breaks_the_list(client, params):
    response = client.get(LIST, params)
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)" not in response.content


def test_an_unknown_visit_is_a_404(client):
    assert client.get(reverse("visits:visit-detail", kwargs={"slug": "no-such-visit"})).status_code == 404


def test_report_markdown_is_rendered_with_html_escaped(client):
    visit = factories.visit(report="# Day 1\n**Organiser:** a <i>pole</i>\nwrapped line\n\n- first stop")
    html = client.get(visit.get_absolute_url()).content.decode()
    assert "<h3>Day 1</h3>" in html
    assert "<strong>Organiser:</strong> a &lt;i&gt;pole&lt;/i&gt;\nwrapped line" in html
    assert "<li>first stop</li>" in html
