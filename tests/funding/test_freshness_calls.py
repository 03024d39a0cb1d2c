"""Open calls closing within settings.CALL_CLOSING_SOON_DAYS days are highlighted with a
"Closes in N days" badge, wherever calls are listed; the rule lives in Call.objects.with_status()."""

import datetime

import pytest
from django.urls import reverse

from funding.models import Call
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def annotated(call) -> Call:
    return Call.objects.with_status().get(pk=call.pk)


@pytest.mark.parametrize(
    ("opens", "deadline", "soon", "left"),
    [
        (None, 0, True, 0),
        (-30, 1, True, 1),
        (None, 14, True, 14),
        (None, 15, False, 15),
        (None, -1, False, -1),
        (3, 10, False, 10),  # forthcoming: not open yet, so not "closing"
        (-30, None, False, None),
    ],
)
def test_with_status_says_which_open_calls_close_soon(opens, deadline, soon, left):
    call = factories.call(
        opens_on=None if opens is None else days(opens),
        deadline=None if deadline is None else days(deadline),
    )
    call = annotated(call)
    assert call.closing_soon is soon
    assert call.days_to_deadline == left


def test_the_window_is_a_setting(settings):
    call = factories.call(deadline=days(20))
    assert not annotated(call).closing_soon
    settings.CALL_CLOSING_SOON_DAYS = 30
    assert annotated(call).closing_soon


def test_call_list_highlights_a_call_closing_soon(client):
    instrument = factories.instrument(name="Closing soon instrument")
    soon = factories.call(title="Closing soon call", instrument=instrument, deadline=days(5))
    later = factories.call(title="Closing later call", instrument=instrument, deadline=days(60))
    html = client.get(reverse("funding:call-list"), {"instrument": instrument.slug}).content.decode()
    soon_row = html.split(soon.get_absolute_url(), 1)[0].rsplit("<li", 1)[1]
    later_row = html.split(later.get_absolute_url(), 1)[0].rsplit("<li", 1)[1]
    assert "closing-soon" in soon_row
    assert "closing-soon" not in later_row
    assert html.count("Closes in 5 days") == 1


def test_call_and_instrument_pages_show_the_badge(client):
    call = factories.call(title="Closing tomorrow call", deadline=days(1))
    assert "Closes in 1 day<" in client.get(call.get_absolute_url()).content.decode()
    instrument_html = client.get(call.instrument.get_absolute_url()).content.decode()
    assert "Closes in 1 day<" in instrument_html
    assert 'class="closing-soon"' in instrument_html


def test_a_call_closing_today_says_so(client):
    call = factories.call(title="Closing today call", deadline=TODAY)
    assert "Closes today" in client.get(call.get_absolute_url()).content.decode()


def test_home_page_calls_table_marks_a_call_closing_soon(client):
    call = factories.call(title="Closing soon on the home page", deadline=days(3))
    html = client.get(reverse("home:home")).content.decode()
    url = call.get_absolute_url()
    assert f'<a href="{url}" class="call-link closing-soon">' in html
    assert f'<tr class="closing-soon"><th scope="row"><a href="{url}">' in html
    assert "Closes in 3 days" in html
