"""Global search (/search/): multilingual stemming, accent and case folding, typos and
prefixes, ranking, grouping, drafts, bad input. Rows are made here, not taken from the demo set;
queries use words the demo set does not contain, or assert on our own rows only."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import NoReverseMatch, reverse

from clusters.models import AlternativeName, Organisation
from core.text import fold
from globalsearch import search
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db
URL = reverse("globalsearch:search")


def found(q: str, user=None) -> set:
    """The records a search for ``q`` shows, as (group key, title) pairs."""
    results = search.search(q, user or _anonymous())
    return {(group.key, hit.obj.pk) for group in results.groups for hit in group.hits}


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def visit_key(visit):
    return ("visits", visit.pk)


def org_key(org):
    return ("organisations", org.pk)


# --- one fold, in Python and in the database ------------------------------------------------

TRICKY = [
    "Düsseldorf",
    "İŞİM",
    "İstanbul",
    "ıstanbul",
    "ISIM işim",
    "Łódź ŁÓDŹ",
    "Straße STRASSE ẞ",
    "Søren ØRESUND",
    "Đakovo đ Ð ð",
    "Þór æther Æ Œuvre œ",
    "Piešťany",
    "Ħal Far",
    "Кластер Железногорск ЙОШКАР-ОЛА ёлка",
    "Ñandú Çağ Ğ Ş ş",
    "e\u0301cole",  # a decomposed é
    "Mixed CASE, punctuation: 'quotes' & <tags>",
]


def test_python_fold_agrees_with_sql_ckb_fold():
    with connection.cursor() as cursor:
        for text in TRICKY:
            cursor.execute("SELECT ckb_fold(%s)", [text])
            assert cursor.fetchone()[0] == fold(text), text


@pytest.mark.parametrize(
    ("text", "folded"),
    [("İŞİM", "isim"), ("ıstanbul", "istanbul"), ("ŁÓDŹ", "lodz"), ("STRASSE ẞ", "strasse ss"), ("ЁЛКА", "елка")],
)
def test_fold_lowers_upper_case_letters_that_survive_nfd(text, folded):
    assert fold(text) == folded


# --- stemming by the record's language --------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "report", "query"),
    [
        ("fr", "Les coopérations transfrontalières des pôles se renforcent.", "coopération"),
        ("de", "Die Kliniken der Region arbeiten mit dem Netzwerk zusammen.", "Klinik"),
        ("ru", "Обсуждались вопросы сотрудничества кластеров.", "сотрудничество"),
        ("tr", "Türk kümelenmeleri Fransa'yı ziyaret etti.", "kümelenme"),
        ("es", "Las agrupaciones tecnológicas visitaron el parque.", "tecnológica"),
        ("it", "Le collaborazioni industriali sono cresciute.", "collaborazione"),
        ("en", "The delegation discussed several partnerships.", "partnership"),
        ("pl", "Wizyta w klastrze Dolina Lotnicza w Rzeszowie.", "rzeszowie"),
    ],
)
def test_each_report_is_stemmed_in_its_own_language(language, report, query):
    visit = factories.visit(language=language, report=report, summary_en="English summary.")
    assert visit_key(visit) in found(query)


def test_polish_uses_simple_config_so_only_the_exact_word_matches():
    visit = factories.visit(language="pl", report="Wizyta w klastrze lotniczym.", summary_en="Summary.")
    assert visit_key(visit) in found("lotniczym")
    # Full text alone: global search would correct the unknown word to "lotniczym" (a typo).
    assert not Visit.objects.search("lotnicza").filter(pk=visit.pk).exists()


# --- accents and case, both ways ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Düsseldorf Zentrum", "Dusseldorf"),
        ("Dusseldorf Zentrum", "Düsseldorf"),
        ("İstanbul Makine", "Istanbul"),
        ("Istanbul Makine", "İstanbul"),
        ("İŞİM Kümesi", "ISIM"),
        ("İŞİM Kümesi", "isim"),
        ("İŞİM Kümesi", "İŞİM"),
        ("ISIM Kumesi", "İŞİM"),
        ("Łódź Textile", "Lodz"),
        ("Lodz Textile", "Łódź"),
        ("ıspanak Tarım", "ispanak"),
        ("Straße Werke", "Strasse"),
        ("Strasse Werke", "Straße"),
        ("Søndergaard Maskin", "Sondergaard"),
        ("Sondergaard Maskin", "Søndergaard"),
        ("Đakovo Metal", "Dakovo"),
        ("Dakovo Metal", "Đakovo"),
    ],
)
def test_accents_and_case_are_ignored_both_ways(stored, query):
    org = factories.organisation(name=stored)
    assert org_key(org) in found(query)


def test_accents_are_ignored_in_report_text_too():
    visit = factories.visit(report="Die Delegation besuchte Mönchengladbach.", language="de", summary_en="S.")
    assert visit_key(visit) in found("monchengladbach")


# --- typos, prefixes, alternative names --------------------------------------------------------


@pytest.mark.parametrize(
    "typo",
    ["ViaMecca", "ViaMeka", "ViaMec", "iaMeca", "ViaMeca pole", "viameca"],
    ids=["letter added", "letter replaced", "last letter missing", "first letter missing", "extra word",
         "lower case"],
)  # fmt: skip
def test_a_one_letter_typo_in_a_name_still_finds_it(typo):
    org = factories.organisation(name="ViaMeca", kind=Organisation.Kind.POLE)
    assert org_key(org) in found(typo)


def test_a_name_prefix_finds_it_as_you_type():
    org = factories.organisation(name="ViaMeca", kind=Organisation.Kind.POLE)
    assert org_key(org) in found("Via")
    assert org_key(org) in found("viame")


def test_an_alternative_name_finds_the_organisation():
    org = factories.organisation(name="Partners in Nuclear Business")
    AlternativeName.objects.create(organisation=org, name="PNB", kind=AlternativeName.Kind.ACRONYM)
    assert org_key(org) in found("PNB")


def test_changing_or_deleting_an_alternative_name_updates_search():
    org = factories.organisation(name="Partners in Nuclear Business")
    alt = AlternativeName.objects.create(organisation=org, name="PNBX", kind=AlternativeName.Kind.ACRONYM)
    alt.name = "Pôle Nucléaire Bourgogne"
    alt.save()
    assert org_key(org) not in found("PNBX")
    assert org_key(org) in found("pole nucleaire bourgogne")
    alt.delete()
    assert org_key(org) not in found("pole nucleaire bourgogne")


def test_saving_a_stale_organisation_keeps_its_alternative_names_searchable():
    org = factories.organisation(name="Partners in Nuclear Business")
    AlternativeName.objects.create(organisation=org, name="Qwertpnb")
    org.city = "Dijon"
    org.save()  # this instance never saw the alternative name
    assert org_key(org) in found("Qwertpnb")


def test_an_acronym_on_the_row_finds_it():
    org = factories.organisation(name="Innovation Technologies Cluster", acronym="ZITC")
    assert org_key(org) in found("zitc")


# --- ranking and grouping --------------------------------------------------------------------------


def test_a_name_hit_ranks_above_a_body_mention():
    mention = factories.organisation(name="Aaa Mentioner", description="We work with Quillomatic every day.")
    named = factories.organisation(name="Quillomatic")
    hits = search.search("Quillomatic", _anonymous()).groups[0].hits
    assert [h.obj.pk for h in hits] == [named.pk, mention.pk]


def test_results_are_grouped_by_type_with_counts():
    for _ in range(2):
        factories.organisation(description="Zorblax partner")
    factories.visit(summary="Zorblax visit")
    factories.instrument(description="Zorblax grants")
    factories.call(description="Zorblax call")
    factories.project(description="Zorblax project")
    results = search.search("zorblax", _anonymous())
    assert {g.key: g.count for g in results.groups} == {
        "organisations": 2,
        "visits": 1,
        "instruments": 1,
        "calls": 1,
        "projects": 1,
    }
    assert results.total == 6


def test_the_page_shows_groups_counts_links_and_highlighted_snippets(client):
    org = factories.organisation(name="Klaxonworks", description="Makers of the Zorblax <b>horn</b>.")
    response = client.get(URL, {"q": "zorblax"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="results-organisations"' in html
    # Snippets are plain text: the HTML tag is dropped, not shown escaped.
    assert "Makers of the <mark>Zorblax</mark> horn." in html
    assert search.url_for(org) in html


def test_snippets_keep_the_original_spelling_while_matching_folded():
    org = factories.organisation(description="Le salon à Düsseldorf réunit les pôles.")
    hits = search.search("dusseldorf", _anonymous()).groups[0].hits
    hit = next(h for h in hits if h.obj.pk == org.pk)
    assert "<mark>Düsseldorf</mark>" in hit.snippet


def test_hit_links_go_to_the_detail_page_or_else_to_the_admin():
    call = factories.call(title="Zorblax call")
    try:
        expected = call.get_absolute_url()
    except NoReverseMatch:
        expected = f"/admin/funding/call/{call.pk}/change/"
    assert search.url_for(call) == expected


# --- nothing found ---------------------------------------------------------------------------------


def test_nothing_found_says_so_and_offers_the_closest_names(client):
    factories.organisation(name="Quarkonium Cluster")
    # Too far from any word for a correction (4 edits), close enough for a suggestion.
    response = client.get(URL, {"q": "Quarkxxonimm"})
    html = response.content.decode()
    assert "Nothing found" in html
    assert "Quarkonium Cluster" in html


def test_typos_in_several_words_are_corrected_and_the_correction_searched(client):
    org = factories.organisation(name="Quarkonium Cluster")
    response = client.get(URL, {"q": "Quarkonim Clustr"})
    html = response.content.decode()
    assert "quarkonium cluster</" in html  # "Did you mean" or "showing results for" the correction
    assert search.url_for(org) in html


# --- drafts ---------------------------------------------------------------------------------------


def test_drafts_are_hidden_from_anonymous_users_but_shown_to_staff(client):
    draft = factories.visit(title="Secret Plumbus visit", status=Visit.Status.DRAFT)
    assert visit_key(draft) not in found("plumbus")
    assert "Plumbus" not in client.get(URL, {"q": "plumbus"}).content.decode()
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    assert visit_key(draft) in found("plumbus", staff)
    client.force_login(staff)
    assert "Secret <mark>Plumbus</mark> visit" in client.get(URL, {"q": "plumbus"}).content.decode()
