"""Feeds given a line break, carriage return or NUL in any filter parameter: never a 500 (a value
the filter refuses is a plain-text 400), and the value is never echoed raw, so it cannot start a
line of its own in a calendar (a forged event or property) or break the Atom document."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import resolve, reverse

pytestmark = pytest.mark.django_db

FEEDS = [
    "visits:visit-feed",
    "visits:upcoming-ics",
    "funding:call-feed",
    "funding:deadlines-ics",
    "funding:instrument-feed",
    "funding:project-feed",
    "clusters:organisation-feed",
    "clusters:cluster-feed",
    "clusters:pole-feed",
]
CONTROLS = {"LF": "%0A", "CR": "%0D", "NUL": "%00"}
# A content line of iCalendar: a name, then parameters or the value; folded lines start with a space.
CONTENT_LINE = re.compile(rb"^(?: |[A-Z][A-Z0-9-]*[;:])")


def filter_names(url_name: str) -> list[str]:
    match = resolve(reverse(url_name))
    view = getattr(match.func, "view_initkwargs", {}).get("list_view") or match.func.list_view
    return sorted(view.filterset_class.base_filters)


def cases():
    for url_name in FEEDS:
        for param in filter_names(url_name):
            for control, encoded in CONTROLS.items():
                yield pytest.param(url_name, param, encoded, id=f"{url_name}-{param}-{control}")


@pytest.mark.parametrize(("url_name", "param", "control"), list(cases()))
def test_a_control_character_in_a_filter_is_never_echoed_raw(client, url_name, param, control):
    response = client.get(f"{reverse(url_name)}?{param}=x{control}BEGIN:VEVENT{control}")

    assert response.status_code in (200, 400)  # a value the filter refuses is a 400 (plain text)
    body = response.content
    assert b"\x00" not in body
    if response.status_code == 400:
        assert response["Content-Type"].startswith("text/plain")
        assert b"\nBEGIN:VEVENT" not in body and b"\rBEGIN:VEVENT" not in body
        return
    if url_name.endswith("-ics"):
        # Lines end in CRLF only, and each is a property or a folded continuation.
        assert b"\r" not in body.replace(b"\r\n", b"") and b"\n" not in body.replace(b"\r\n", b"")
        lines = body.split(b"\r\n")
        assert not lines[-1]
        assert all(CONTENT_LINE.match(line) for line in lines[:-1]), body
        assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
    else:
        feed = ET.fromstring(body)
        ns = {"atom": "http://www.w3.org/2005/Atom"}
        for tag in ("atom:title", "atom:subtitle"):
            element = feed.find(tag, ns)
            text = element.text if element is not None else ""
            assert not re.search("[\x00-\x1f]", text or ""), (tag, text)
