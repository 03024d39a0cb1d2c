"""Display faults of issue 17: a calendar year in a finding, an acronym that is the name, stray
separators in one-line summaries, and where a non-English report's English summary sits."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template

from tests import factories
from visits.models import Finding

pytestmark = pytest.mark.django_db


def in_language(client, lang: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def finding_figures(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m) for m in re.findall(r'<p class="finding-figure">(.*?)</p>', html, re.S)]


@pytest.mark.parametrize("lang", ["en", "de", "fr", "ru", "tr"])
def test_a_calendar_year_in_a_finding_has_no_thousands_separator(client, lang):
    visit = factories.visit()
    Finding.objects.create(visit=visit, text="Founded then.", figure_label="Year founded", value=2005, unit="year")
    Finding.objects.create(visit=visit, text="Took long.", figure_label="Took", value=3, unit="year", position=1)
    Finding.objects.create(visit=visit, text="Paid.", figure_label="Budget", value=12500, unit="EUR", position=2)
    founded, duration, budget = finding_figures(
        in_language(client, lang).get(visit.get_absolute_url()).content.decode()
    )
    assert "<strong>2005</strong>" in founded
    assert "3 " in duration and "2005" not in duration
    # Amounts keep their grouping: only years lose it.
    assert "12500" not in budget and "12" in budget and "500" in budget


def test_the_demo_findings_year_reads_2005_not_2005_years(client):
    finding = Finding.objects.get(value=2005, unit="year")
    html = client.get(finding.visit.get_absolute_url()).content.decode()
    (figure,) = [f for f in finding_figures(html) if finding.figure_label in f]
    assert "<strong>2005</strong>" in figure
    assert "2,005" not in html and "2005 years" not in html


def test_a_project_whose_acronym_is_its_name_is_named_once(client):
    project = factories.project(name="ZZDISPLAY", acronym="ZZDISPLAY")
    project.tags.add("zz-display")
    html = client.get("/funding/projects/", {"tag": "zz-display"}).content.decode()
    assert html.count("ZZDISPLAY") == 1
    detail = client.get(project.get_absolute_url()).content.decode()
    subtitle = re.search(r'<h1>ZZDISPLAY</h1>\s*<p class="meta">(.*?)</p>', detail, re.S).group(1)
    assert subtitle.strip() == ""  # nothing else to say: no repeated name, no "·"


def test_the_demo_clustem_project_is_not_named_twice(client):
    html = client.get("/funding/projects/", {"q": "CLUSTEM"}).content.decode()
    assert "CLUSTEM CLUSTEM" not in html
    assert not re.search(r"CLUSTEM</a>\s*<span class=\"meta\">CLUSTEM<", html)


def card_meta(html: str) -> list[str]:
    cards = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    return [re.sub(r"\s+", " ", m).strip() for c in cards for m in re.findall(r'<p class="meta">(.*?)</p>', c, re.S)]


def test_project_card_has_no_stray_separators(client):
    factories.project(name="ZZ only countries", partner_countries=["FR", "DE"]).tags.add("zz-display")
    factories.project(name="ZZ only funder", instrument=factories.instrument(name="ZZ grant")).tags.add("zz-display")
    factories.project(name="ZZ nothing").tags.add("zz-display")
    metas = card_meta(client.get("/funding/projects/", {"tag": "zz-display", "sort": "name"}).content.decode())
    assert len(metas) == 3
    for meta in metas:
        assert not meta.startswith("·") and not meta.endswith("·") and "· ·" not in meta
    nothing, countries, funder = metas  # in name order
    assert "France" in countries and "Germany" in countries and "·" not in countries
    assert funder.startswith("funded by") and "·" not in funder
    assert nothing == ""


def test_dotted_joins_only_the_parts_with_text():
    template = Template(
        "{% load parts %}[{% dotted %} {{ a }} {% part %}<b>{{ b }}</b>{% part %}{{ c }}{% enddotted %}]"
    )
    assert template.render(Context({"a": "A", "b": "", "c": "C"})) == "[A · C]"
    assert template.render(Context({"a": "", "b": "B", "c": ""})) == "[<b>B</b>]"
    assert template.render(Context({"a": "<x>", "b": "", "c": ""})) == "[&lt;x&gt;]"
    assert template.render(Context({})) == "[]"


@pytest.fixture
def turkish_report(db):
    return factories.visit(
        title="İŞİM heyeti Lyon'da",
        language="tr",
        purpose="Ziyaretin amacı.",
        summary="Türkçe özet metni.",
        report="Türkçe rapor metni.",
        summary_en="English summary of the Turkish report.",
    )


@pytest.mark.parametrize("lang", ["en", "fr", "de", "ru"])
def test_english_summary_of_a_turkish_report_comes_right_under_the_title(client, turkish_report, lang):
    page = in_language(client, lang).get(turkish_report.get_absolute_url()).content.decode()
    html = page[page.index("<body") :]  # the head's meta description quotes the summary too
    title = html.index('<h1 lang="tr">İŞİM heyeti')
    summary = html.index("English summary of the Turkish report.")
    # Under the title and before everything in Turkish: purpose, programme, report.
    assert title < summary < html.index("Ziyaretin amacı.") < html.index("Türkçe rapor metni.")
    assert summary < html.index('id="itinerary-title"')
    assert html.count("English summary of the Turkish report.") == 1
    assert '<div class="prose" lang="en"><p>English summary of the Turkish report.</p>' in html
    assert '<div class="prose" lang="tr"><p>Ziyaretin amacı.</p>' in html
    assert '<div class="prose report" lang="tr">' in html


def test_a_turkish_reader_gets_the_report_without_the_english_summary(client, turkish_report):
    html = in_language(client, "tr").get(turkish_report.get_absolute_url()).content.decode()
    assert "English summary of the Turkish report." not in html
    assert "Türkçe rapor metni." in html


def test_the_demo_clustem_visits_english_summary_is_near_the_top(client):
    from visits.models import Visit

    visit = Visit.objects.filter(language="tr").exclude(summary_en="").first()
    html = client.get(visit.get_absolute_url()).content.decode()
    assert visit.purpose  # the CLUSTEM study visit states its purpose in Turkish
    summary = html.index('class="card summary-en"')
    assert html.index("<h1") < summary < html.index('id="purpose-title"') < html.index('id="itinerary-title"')
