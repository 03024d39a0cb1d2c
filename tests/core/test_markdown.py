"""Long text is Markdown rendered through a sanitiser: what an editor types in the admin can
format a page but never run script on it."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from core.templatetags.markdown import render_markdown
from tests import factories
from tests.admin_helpers import admin_form_data
from tests.xss_payloads import PAYLOADS, dangers

IDS = [f"payload{n:02d}" for n in range(len(PAYLOADS))]


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 50


def test_the_checker_finds_what_it_looks_for():
    raw = (
        '<p><img src=x onerror=alert(1)><a href=" jav&#x09;ascript:alert(1)">x</a><svg></svg>'
        '<meta http-equiv="refresh"><a href="%6A%61vascript:x">y</a></p>'
    )
    assert dangers(raw) == [
        "<img>",
        "<img onerror>",
        "<a href=' jav\\tascript:alert(1)'>",
        "<svg>",
        "<meta http-equiv>",
        "<a href='%6A%61vascript:x'>",
    ]


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_the_filter_leaves_nothing_executable(payload):
    assert dangers(render_markdown(payload)) == []


# Through the admin and the public page. One record per test, saved once per payload: the admin
# change form is rendered once (slow), the save and the public page once per payload (fast).


def save_each_payload_and_check(admin_client, client, record, field: str, region: set[str]) -> dict:
    url = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
    data = admin_form_data(admin_client.get(url))
    problems = {}
    for payload in PAYLOADS:
        data[field] = payload
        assert admin_client.post(url, data).status_code == 302, payload
        record.refresh_from_db()
        assert getattr(record, field).replace("\r\n", "\n") == payload.strip()
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200
        if found := dangers(response.content.decode(), region):
            problems[payload] = found
    return problems


@pytest.mark.django_db
def test_reports_saved_in_the_admin_render_harmless(admin_client, client):
    visit = factories.visit(report="placeholder")
    assert save_each_payload_and_check(admin_client, client, visit, "report", {"prose", "report"}) == {}


@pytest.mark.django_db
def test_organisation_descriptions_saved_in_the_admin_render_harmless(admin_client, client):
    organisation = factories.organisation(description="placeholder")
    assert save_each_payload_and_check(admin_client, client, organisation, "description", {"prose"}) == {}


# What Markdown is for


def render(text: str) -> str:
    return Template("{% load markdown %}{{ text|markdown }}").render(Context({"text": text}))


def test_bold_italics_and_lists():
    html = render("**bold** and *italic*\n\n- one\n- two\n\n1. first\n2. second")
    assert "<strong>bold</strong> and <em>italic</em>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html


def test_links_are_kept_with_rel_noopener_nofollow():
    html = render('[ViaMeca](https://www.viameca.fr "the pole") and <mailto:info@example.org>')
    assert '<a href="https://www.viameca.fr" title="the pole" rel="noopener nofollow">ViaMeca</a>' in html
    assert '<a href="mailto:info@example.org" rel="noopener nofollow">mailto:info@example.org</a>' in html


def test_headings_are_demoted_under_the_pages_own():
    html = render("# Day 1\n\n## Morning\n\n#### Detail\n\n###### Deepest")
    assert "<h3>Day 1</h3>" in html
    assert "<h4>Morning</h4>" in html
    assert "<h6>Detail</h6>" in html
    assert "<h6>Deepest</h6>" in html
    assert "<h1" not in html and "<h2" not in html


def test_raw_html_is_shown_as_text():
    assert "<p>a &lt;i&gt;pole&lt;/i&gt;</p>" in render("a <i>pole</i>")


def test_images_become_links():
    html = render("![Visit photo](https://example.org/photo.jpg)")
    assert "<img" not in html
    assert '<a href="https://example.org/photo.jpg" rel="noopener nofollow">Visit photo</a>' in html


def test_tables_quotes_and_code():
    html = render("| Cluster | Members |\n|---|---|\n| ViaMeca | 100 |\n\n> quoted\n\n```\ncode <b>\n```")
    assert "<td>ViaMeca</td>" in html
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in html
    assert "<pre><code>code &lt;b&gt;\n</code></pre>" in html


def test_empty_text_renders_nothing():
    assert render("") == ""


@pytest.mark.django_db
def test_descriptions_on_public_pages_are_markdown(client):
    pages = {
        factories.organisation(description="A **pole**."): "A <strong>pole</strong>.",
        factories.instrument(description="Grants for *clusters*."): "Grants for <em>clusters</em>.",
        factories.call(description="- open\n- closed"): "<li>open</li>",
        factories.project(description="# Goals"): "<h3>Goals</h3>",
    }
    for record, expected in pages.items():
        assert expected in client.get(record.get_absolute_url()).content.decode()
