"""Global search as users expect it: typos corrected against the lexicon, visits found by the
organisations that took part, names above mentions, stems in the interface language, plain-text
snippets, one ranked list across types, a paged and exportable list per type, bad input."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from clusters.models import Organisation
from funding.models import Instrument
from globalsearch import lexicon, search
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db
URL = reverse("globalsearch:search")


def best(q: str) -> list:
    return [hit.obj for hit in search.search(q, AnonymousUser()).best]


# --- typos (demo data) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "target"),
    [
        ("Tehctera", lambda: Organisation.objects.get(name="Techtera")),
        ("Arvea", lambda: Organisation.objects.get(name="Areva")),
        ("Piestnay", lambda: Organisation.objects.get(name="Town Piešťany")),
        ("Montebuorg", lambda: Visit.objects.get(report__contains="Montebourg")),
        ("Innovation Expres", lambda: Instrument.objects.get(name="Innovation Express")),
    ],
)
def test_a_typo_puts_its_target_in_the_first_three(typo, target):
    assert target() in best(typo)[:3]


def test_a_transposition_is_corrected_and_said_so(client):
    html = client.get(URL, {"q": "Tehctera"}).content.decode()
    assert "showing results for <strong>techtera</strong>" in html
    assert Organisation.objects.get(name="Techtera").get_absolute_url() in html


def test_a_query_that_finds_something_offers_did_you_mean(client):
    org = factories.organisation(name="Zelkova Partners")
    html = client.get(URL, {"q": "Zelkova Partnres"}).content.decode()  # found by name similarity
    assert org.get_absolute_url() in html
    assert "Did you mean" in html
    assert "?q=zelkova+partners" in html


def test_the_lexicon_follows_the_data():
    factories.organisation(name="Grindelwump")
    correction = lexicon.correct(search.SearchText("Grindelwupm"), search.specs())
    assert correction.text == "grindelwump"


def test_the_lexicon_holds_no_word_only_a_draft_contains():
    factories.visit(title="Secret", report="Hushhushium inside.", status=Visit.Status.DRAFT)
    assert lexicon.correct(search.SearchText("Hushhushiun"), search.specs()) is None


# --- visits by the organisations that took part ---------------------------------------------------


@pytest.mark.parametrize("role", ["hosts", "delegation", "organiser"])
@pytest.mark.parametrize("query", ["Frobnitz Agency", "FRBZ"])
def test_a_visit_is_found_by_the_name_or_acronym_of_who_took_part(role, query):
    org = factories.organisation(name="Frobnitz Agency", acronym="FRBZ")
    visit = factories.visit(title="Study tour", report="Nothing about them here.")
    if role == "organiser":
        visit.organiser = org
        visit.save()
    else:
        getattr(visit, role).add(org)
    assert visit in best(query)


def test_a_name_ranks_above_a_mention():
    mention = factories.visit(title="Fair", report="We met the people of Glimmerquatz there.")
    named = factories.organisation(name="Glimmerquatz")
    hosted = factories.visit(title="Study tour")
    hosted.hosts.add(named)
    order = best("Glimmerquatz")
    assert order.index(named) < order.index(hosted) < order.index(mention)


# --- stems in the interface language ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "report", "query", "interface"),
    [
        ("fr", "Les régions financent les clusters.", "financer", "fr"),
        ("fr", "Les régions financent les clusters.", "financer", "en"),
        ("tr", "Küçük firmalara hibe verildi.", "hibeler", "tr"),
    ],
)
def test_an_inflection_finds_another_form_of_its_word(language, report, query, interface):
    visit = factories.visit(language=language, report=report, summary_en="Summary.")
    with translation.override(interface):
        assert visit in best(query)


def test_the_word_as_written_matches_in_simple_too():
    visit = factories.visit(language="tr", report="Küçük firmalara hibe verildi.", summary_en="Summary.")
    assert visit in best("hibe")


# --- snippets ---------------------------------------------------------------------------------


def test_snippets_are_plain_text_with_marks_never_markdown():
    visit = factories.visit(
        report="## Outcome\n\n- The **Quibblestone** [press](https://example.org/x) said *yes*.\n> `quoted`"
    )
    hit = next(h for h in search.search("quibblestone", AnonymousUser()).best if h.obj == visit)
    assert "<mark>Quibblestone</mark>" in hit.snippet
    for markdown in ("##", "**", "](", "https://", "`", "- The"):
        assert markdown not in hit.snippet


def test_a_snippet_escapes_what_it_shows():
    visit = factories.visit(report="Snorkelbax & <script>alert(1)</script> partners")
    hit = next(h for h in search.search("snorkelbax", AnonymousUser()).best if h.obj == visit)
    assert "<script>" not in hit.snippet
    assert "<mark>Snorkelbax</mark> &amp;" in hit.snippet


# --- one ranked list, sections, all results, paging, export ---------------------------------------


def _many(n: int, word: str = "Wumpnik"):
    return [factories.organisation(name=f"Org {i:02d}", description=f"A {word} partner.") for i in range(n)]


def test_the_overview_ranks_all_types_together_then_links_to_all_results(client):
    _many(25)
    factories.instrument(name="Wumpnik Fund")
    response = client.get(URL, {"q": "wumpnik"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('id="results-best"') < html.index('id="results-organisations"')
    assert best("wumpnik")[0].name == "Wumpnik Fund"  # a name above 25 mentions, across types
    assert "All 25 results" in html
    assert "?q=wumpnik&amp;type=organisations" in html


def test_all_results_of_a_type_are_paged(client):
    _many(25)
    first = client.get(URL, {"q": "wumpnik", "type": "organisations"})
    second = client.get(URL, {"q": "wumpnik", "type": "organisations", "page": 2})
    assert first.status_code == second.status_code == 200
    assert len(first.context["page"].hits) == 20
    assert len(second.context["page"].hits) == 5
    assert "21–25 of 25" in second.content.decode()
    shown = {h.obj.pk for h in first.context["page"].hits} | {h.obj.pk for h in second.context["page"].hits}
    assert len(shown) == 25


def test_the_type_filter_shows_one_type_only(client):
    _many(3)
    factories.visit(title="Wumpnik tour")
    page = client.get(URL, {"q": "wumpnik", "type": "visits"}).context["page"]
    assert [h.key for h in page.hits] == ["visits"]


def test_the_export_holds_the_paged_lists_rows_in_order(client):
    _many(25)
    pages = [client.get(URL, {"q": "wumpnik", "type": "organisations", "page": p}).context["page"] for p in (1, 2)]
    listed = [h.obj.name for page in pages for h in page.hits]
    response = client.get(URL, {"q": "wumpnik", "type": "organisations", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "Name" and rows[0][-1] == "Profile"  # the partner list's columns
    assert [row[0] for row in rows[1:]] == listed
    assert all(row[-1].startswith("http://testserver/") for row in rows[1:])


def test_an_empty_type_list_and_an_empty_query_say_so(client):
    response = client.get(URL, {"q": "zzqxv", "type": "calls"})
    assert response.status_code == 200
    assert "No Calls for proposals found" in response.content.decode()
    response = client.get(URL, {"q": "", "type": "calls"})
    assert response.status_code == 200
    assert "Type a name" in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2", "99999", "１", "1.5"])
def test_a_bad_page_number_is_a_404(client, page):
    _many(3)
    response = client.get(URL, {"q": "wumpnik", "type": "organisations", "page": page})
    assert response.status_code == 404


def test_an_unknown_type_is_a_400_with_a_message(client):
    response = client.get(URL, {"q": "wumpnik", "type": "bogus"})
    assert response.status_code == 400
    assert "There is no result type" in response.content.decode()


def test_a_type_page_costs_the_same_queries_for_3_or_30_hits(client):
    def queries():
        client.get(URL, {"q": "wumpnik", "type": "organisations"})  # lexicon rebuilt after the writes
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"q": "wumpnik", "type": "organisations"}).status_code == 200
        return len(ctx.captured_queries)

    _many(3)
    few = queries()
    _many(27, word="Wumpnik")
    assert queries() == few
