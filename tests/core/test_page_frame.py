"""The frame every public page shares (templates/base.html, generic/object_list.html): a meta
description, a favicon, a header menu that folds without script, a language menu that changes
nothing until its button is pressed, lists whose results come before their filter drawer, and
compressed HTML."""

import gzip
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description(response) -> str:
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, found
    return unescape(found[0])


def test_every_page_type_has_one_meta_description_and_a_favicon(client):
    org = factories.organisation(name="Meta Cluster", description="A **cluster** of *machine* makers & tool shops.")
    visit = factories.visit(purpose="To see how the cluster trains its welders and who pays for it.")
    pages = [
        reverse("home:home"),
        reverse("clusters:organisation-list"),
        org.get_absolute_url(),
        visit.get_absolute_url(),
        reverse("globalsearch:search") + "?q=cluster",
        reverse("insights:map"),
        "/no-such-page/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert len(description(response)) > 40, url
        content = response.content.decode()
        assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in content, url
    for name in ["favicon.svg", "favicon-32.png", "apple-touch-icon.png"]:
        assert finders.find(name), name


def test_a_detail_page_describes_itself_with_its_own_summary_in_plain_text(client):
    org = factories.organisation(name="Meta Cluster", description="A **cluster** of *machine* makers & tool shops.")
    assert description(client.get(org.get_absolute_url())) == "A cluster of machine makers & tool shops."
    long = factories.organisation(name="Long Cluster", description="word " * 100)
    text = description(client.get(long.get_absolute_url()))
    assert len(text) <= 160 and text.endswith("…")
    bare = factories.organisation(name="Bare Cluster", description="")
    assert description(client.get(bare.get_absolute_url())) == "Bare Cluster"


def test_a_list_describes_itself_with_its_intro(client):
    response = client.get(reverse("clusters:organisation-list"))
    assert description(response) == response.context["intro"]


def test_the_language_menu_submits_only_with_its_button_and_no_script_is_loaded(client):
    content = client.get(reverse("home:home")).content.decode()
    form = content[content.index('<form class="language-switch"') :]
    form = form[: form.index("</form>")]
    assert "data-autosubmit" not in form
    assert '<button type="submit">Change</button>' in form
    assert "<script" not in content
    assert not finders.find("js/language-switch.js")


def test_the_header_folds_into_one_menu_disclosure(client):
    content = client.get(reverse("home:home")).content.decode()
    header = content[content.index('<header class="site-header">') : content.index("</header>")]
    assert header.count("<details") == 1 and "<summary>Menu</summary>" in header
    menu = header[header.index('<details class="site-menu">') :]
    for part in ['<nav class="site-nav"', 'class="header-search"', 'class="language-switch"']:
        assert part in menu


def test_a_list_puts_its_results_before_one_filter_drawer_that_counts_active_filters(client):
    factories.organisation(name="Drawer Cluster", country="FR")
    content = client.get(reverse("clusters:organisation-list") + "?country=FR").content.decode()
    layout = content[content.index('<div class="list-layout">') :]
    assert layout.count('<details class="filter-drawer"') == 1
    assert layout.index('<section class="results"') < layout.index('<details class="filter-drawer"')
    assert layout.index('<details class="filter-drawer"') < layout.index('<aside class="facets"')
    assert "<summary>Filters (1 active)</summary>" in layout
    # A link for phones from the top of the results down to the drawer (it opens on arrival).
    assert '<a href="#filters-title">Filters (1 active) ↓</a>' in layout
    unfiltered = client.get(reverse("clusters:organisation-list")).content.decode()
    assert "<summary>Filters</summary>" in unfiltered


def test_html_is_sent_gzip_compressed_to_clients_that_accept_it(client):
    response = client.get(reverse("clusters:organisation-list"), headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"list-layout" in gzip.decompress(response.content)
    plain = client.get(reverse("clusters:organisation-list"))
    assert not plain.has_header("Content-Encoding")
