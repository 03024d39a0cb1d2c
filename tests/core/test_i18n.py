"""Interface languages: complete catalogs, committed .mo files that match them, the language
switcher, and pages that work in every language. Record content is never translated."""

import datetime
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests import factories
from visits.models import Visit

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["fr", "de", "ru", "tr"]
MSGFMT = shutil.which("msgfmt")

# What the header navigation says in each language (Overview, Partners, Funding, Visits).
NAV = {
    "en": ["Overview", "Partners", "Funding", "Visits"],
    "fr": ["Aperçu", "Partenaires", "Financement", "Visites"],
    "de": ["Übersicht", "Partner", "Förderung", "Besuche"],
    "ru": ["Обзор", "Партнёры", "Финансирование", "Визиты"],
    "tr": ["Genel bakış", "Ortaklar", "Finansman", "Ziyaretler"],
}
HOME_HEADING = {
    "en": "Who visited whom, what they learned, and what pays for it",
    "fr": "Qui a rendu visite à qui, ce qu’ils en ont appris, et ce qui le finance",
    "de": "Wer wen besucht hat, was man gelernt hat und wer es bezahlt",
    "ru": "Кто кого посетил, чему научились и кто за это платит",
    "tr": "Kim kimi ziyaret etti, ne öğrendiler ve bunu ne finanse ediyor",
}


def needs_msgfmt():
    if MSGFMT:
        return
    if os.environ.get("CI") == "true":
        pytest.fail("msgfmt (GNU gettext) is required in CI to check the translation catalogs")
    pytest.skip("msgfmt (GNU gettext) is not installed; apt-get install gettext to check the catalogs")


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


def in_language(client, lang: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def html_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_every_interface_language_is_offered():
    assert [code for code, _ in settings.LANGUAGES] == ["en", *TRANSLATED]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_has_no_untranslated_or_fuzzy_message(lang):
    needs_msgfmt()
    result = subprocess.run(
        [MSGFMT, "--statistics", "--check", "-o", os.devnull, str(po_path(lang))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics
    assert int(statistics.split()[0]) > 400


@pytest.mark.parametrize("lang", TRANSLATED)
def test_committed_mo_matches_its_po(lang, tmp_path):
    """A fresh machine may lack msgfmt, so the compiled catalogs are committed: they must be current."""
    needs_msgfmt()
    fresh = tmp_path / "django.mo"
    subprocess.run([MSGFMT, "--check", "-o", str(fresh), str(po_path(lang))], check=True)
    committed = po_path(lang).with_suffix(".mo")
    with committed.open("rb") as a, fresh.open("rb") as b:
        committed_catalog = gettext.GNUTranslations(a)._catalog
        fresh_catalog = gettext.GNUTranslations(b)._catalog
    # The header holds creation dates; every message must be identical.
    committed_catalog.pop("", None)
    fresh_catalog.pop("", None)
    assert committed_catalog == fresh_catalog, f"run: manage.py compilemessages (locale/{lang} is stale)"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_russian_style_plurals_are_declared(lang):
    header = po_path(lang).read_text(encoding="utf-8").split("\n\n", 1)[0]
    expected = 3 if lang == "ru" else 2
    assert f"nplurals={expected};" in header
    assert f'"Language: {lang}\\n"' in header


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_home_page_speaks_the_language_of_the_cookie(client, lang):
    response = in_language(client, lang).get(reverse("home:home"))
    assert response.status_code == 200
    content = html_text(response)
    assert f'<html lang="{lang}">' in content
    for label in NAV[lang]:
        assert f">{label}</a>" in content
    assert HOME_HEADING[lang] in content
    # The switcher names each language in its own language and marks the current one.
    for code, name in settings.LANGUAGES:
        assert re.search(rf'<option value="{code}" lang="{code}"( selected)?>{name}</option>', content)
    assert f'<option value="{lang}" lang="{lang}" selected>' in content


@pytest.mark.django_db
def test_english_stays_the_default_without_cookie_or_accept_language(client):
    content = html_text(client.get(reverse("home:home")))
    assert '<html lang="en">' in content
    assert ">Overview</a>" in content


@pytest.mark.django_db
def test_accept_language_header_chooses_french(client):
    content = html_text(client.get(reverse("home:home"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5"))
    assert '<html lang="fr">' in content
    assert ">Aperçu</a>" in content


@pytest.mark.django_db
def test_an_unoffered_language_falls_back_to_english(client):
    content = html_text(client.get(reverse("home:home"), HTTP_ACCEPT_LANGUAGE="ja"))
    assert '<html lang="en">' in content


@pytest.mark.django_db
def test_switcher_posts_the_language_and_returns_to_the_page(client):
    home = html_text(client.get(reverse("home:home")))
    assert f'action="{reverse("set_language")}"' in home
    assert 'name="next" value="/"' in home
    target = reverse("visits:visit-list") + "?kind=workshop"
    response = client.post(reverse("set_language"), {"language": "de", "next": target})
    assert response.status_code == 302
    assert response["Location"] == target
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    content = html_text(client.get(target))
    assert '<html lang="de">' in content
    assert "Besuche und Veranstaltungen" in content


@pytest.mark.django_db
def test_switcher_refuses_a_foreign_next_address(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_switcher_keeps_the_query_string_of_the_page(client):
    content = html_text(client.get(reverse("visits:visit-list") + "?kind=workshop&sort=title"))
    assert 'name="next" value="/visits/?kind=workshop&amp;sort=title"' in content


@pytest.fixture
def records(db):
    org = factories.organisation(name="Testcluster Mitte", country="DE", city="Erfurt")
    visit = factories.visit(title="Besuch in Erfurt", language="de", summary_en="A visit to Erfurt.")
    visit.hosts.add(org)
    instrument = factories.instrument(name="Testprogramm")
    call = factories.call(title="Testaufruf", instrument=instrument, deadline=datetime.date(2030, 3, 5))
    project = factories.project(name="Testprojekt", instrument=instrument)
    return [org, visit, instrument, call, project]


LISTS = [
    "clusters:organisation-list",
    "clusters:cluster-list",
    "clusters:pole-list",
    "visits:visit-list",
    "funding:instrument-list",
    "funding:call-list",
    "funding:project-list",
    "globalsearch:search",
]


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_lists_and_detail_pages_work_in_every_language(client, records, lang):
    in_language(client, lang)
    for name in LISTS:
        response = client.get(
            reverse(name), {"q": "Test"} if name == "globalsearch:search" else {"sort": "-x", "page": "9"}
        )
        assert response.status_code == 200, name
        assert f'<html lang="{lang}">' in response.content.decode()
    for obj in records:
        response = client.get(obj.get_absolute_url())
        assert response.status_code == 200, obj
        # Record content is never translated.
        assert str(obj.name if hasattr(obj, "name") else obj.title) in response.content.decode()
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["visits:visit-list", "clusters:organisation-list", "home:home"])
def test_a_translated_page_costs_no_more_queries(client, name):
    client.get(reverse(name))  # warm-up: sessions, content types
    with CaptureQueriesContext(connection) as english:
        assert client.get(reverse(name)).status_code == 200
    with CaptureQueriesContext(connection) as russian:
        assert in_language(client, "ru").get(reverse(name)).status_code == 200
    assert len(russian) == len(english)


@pytest.mark.django_db
def test_csv_headers_follow_the_reader_language(client):
    response = in_language(client, "fr").get(reverse("funding:call-list"), {"format": "csv"})
    header = b"".join(response.streaming_content).decode().splitlines()[0]
    assert header.startswith("Titre,Instrument,Statut,Ouverture,Date limite")


@pytest.mark.django_db
def test_filter_messages_are_translated(client):
    response = in_language(client, "de").get(reverse("clusters:organisation-list"), {"page": "abc"})
    assert "Es gibt keine Seite „abc“" in response.content.decode()


def render(source: str, lang: str, **context) -> str:
    with translation.override(lang):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1,234,567"),
        ("fr", "1\xa0234\xa0567"),
        ("de", "1.234.567"),
        ("ru", "1\xa0234\xa0567"),
        ("tr", "1.234.567"),
    ],
)
def test_large_numbers_are_grouped_the_local_way(lang, expected):
    assert render("{% load humanize %}{{ n|intcomma }}", lang, n=1234567) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "12.25"), ("fr", "12,25"), ("de", "12,25"), ("ru", "12,25"), ("tr", "12,25")],
)
def test_decimals_use_the_local_separator(lang, expected):
    assert render('{{ n|floatformat:"-2" }}', lang, n=12.25) == expected


@pytest.mark.parametrize(
    ("lang", "day", "month"),
    [
        ("en", "5 Mar 2024", "March 2024"),
        ("fr", "5 mars 2024", "mars 2024"),
        ("de", "5. März 2024", "März 2024"),
        ("ru", "5 марта 2024", "Март 2024"),
        ("tr", "5 Mart 2024", "Mart 2024"),
    ],
)
def test_visit_dates_are_written_the_local_way(lang, day, month):
    template = '{% include "visits/includes/visit_dates.html" %}'
    exact = Visit(start_date=datetime.date(2024, 3, 5), date_precision="day")
    by_month = Visit(start_date=datetime.date(2024, 3, 1), date_precision="month")
    assert f">{day}</time>" in render(template, lang, visit=exact)
    assert f">{month}</time>" in render(template, lang, visit=by_month)


@pytest.fixture
def turkish_report(db):
    return factories.visit(
        title="İŞİM heyeti Lyon'da",
        language="tr",
        summary="Türkçe özet metni.",
        report="Türkçe rapor metni.",
        summary_en="English summary of the Turkish report.",
    )


@pytest.mark.parametrize(("lang", "shown"), [("en", True), ("fr", True), ("de", True), ("ru", True), ("tr", False)])
def test_english_summary_only_for_readers_of_another_language(client, turkish_report, lang, shown):
    content = in_language(client, lang).get(turkish_report.get_absolute_url()).content.decode()
    # The report itself is always there, in its own language, whatever the interface language.
    assert '<div class="prose report" lang="tr">' in content
    assert "Türkçe rapor metni." in content
    assert ("English summary of the Turkish report." in content) is shown
    assert ('class="card summary-en"' in content) is shown


@pytest.mark.django_db
def test_french_reader_of_a_german_report_gets_the_english_summary(client):
    visit = factories.visit(language="de", report="Deutscher Bericht.", summary_en="Summary in English.")
    french = in_language(client, "fr").get(visit.get_absolute_url()).content.decode()
    assert "Résumé en anglais" in french
    assert "Summary in English." in french
    german = in_language(client, "de").get(visit.get_absolute_url()).content.decode()
    assert "Summary in English." not in german
    assert "Deutscher Bericht." in german


@pytest.mark.django_db
def test_an_english_report_has_no_separate_english_summary(client):
    visit = factories.visit(language="en", report="An English report.", summary_en="Should not repeat.")
    for lang in ["en", "fr"]:
        content = in_language(client, lang).get(visit.get_absolute_url()).content.decode()
        assert "An English report." in content
        assert "Should not repeat." not in content


SVG_TAG = re.compile(r"<(?:svg|rect|text|line|circle|path|g|polyline|polygon|use)\b[^>]*>")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", TRANSLATED)
def test_drawn_charts_keep_machine_numbers_in_every_language(client, lang):
    """A decimal comma ("220,0") in an SVG coordinate breaks the drawing: charts render unlocalised."""
    from clusters.models import Organisation

    busiest = Organisation.objects.for_list().order_by(F("visits_hosted_count") + F("visits_made_count")).last()
    in_language(client, lang)
    for url in ["/", reverse("insights:map"), reverse("insights:network"), busiest.get_absolute_url()]:
        tags = SVG_TAG.findall(client.get(url).content.decode())
        assert tags, url
        assert not [t for t in tags if re.search(r'="[^"]*\d,\d', t)], url


@pytest.mark.django_db
def test_cached_search_results_keep_the_reader_language(client, monkeypatch):
    """Frequent queries are cached; the cache must not serve one language's subtitles to another."""
    from globalsearch import search

    monkeypatch.setattr(search, "CACHE_MIN_HITS", 1)
    factories.organisation(name="Cachetest cluster", kind="cluster", city="Lyon")
    assert "Cluster · Lyon" in client.get(reverse("globalsearch:search"), {"q": "Cachetest"}).content.decode()
    russian = in_language(client, "ru").get(reverse("globalsearch:search"), {"q": "Cachetest"}).content.decode()
    assert "Кластер · Lyon" in russian
    assert "Организации" in russian


def po_entries(path: Path) -> list[tuple[str | None, str, bool]]:
    """``(msgctxt, msgid, has_plural)`` of every active entry, read without GNU gettext."""

    def unquote(lines):
        return "".join(
            bytes(line.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode() for line in lines
        )

    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current].append(line)
                continue
            current, _, rest = line.partition(" ")
            fields[current] = [rest]
        if "msgid" in fields and unquote(fields["msgid"]):
            ctx = unquote(fields["msgctxt"]) if "msgctxt" in fields else None
            entries.append((ctx, unquote(fields["msgid"]), "msgid_plural" in fields))
    return entries


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalog_translates_every_message_even_without_msgfmt(lang):
    """The same guarantee as msgfmt --statistics, from the committed files alone: no fuzzy flag,
    and every msgid of the .po is in the .mo (msgfmt leaves untranslated and fuzzy ones out)."""
    po = po_path(lang)
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")
    with po.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    entries = po_entries(po)
    assert len(entries) > 400
    for ctx, msgid, plural in entries:
        key = f"{ctx}\x04{msgid}" if ctx else msgid
        assert ((key, 0) if plural else key) in catalog, (ctx, msgid)
