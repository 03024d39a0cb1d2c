"""Global search: bad input never fails, a page costs the same queries however many rows match,
and the multi-language query is parsed once and usable by the indexes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from globalsearch import search
from tests import factories

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


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "",
        " ",
        "x" * 10_000,
        '"',
        '"unclosed phrase',
        "-",
        "or",
        "OR OR",
        "- - -",
        "!!! ::: & | ( )",
        "a:* & !b",
        "'; DROP TABLE clusters_organisation; --",
        "<script>alert(1)</script>",
        "%_\\",
        "\x00\x01 nul",
        "\u202e\ufeff",
        "\ue000marker\ue001",
    ],
)
def test_bad_input_never_fails(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code in (200, 400)
    assert b"<script>alert" not in response.content


def test_a_long_query_is_cut_with_a_message(client):
    html = client.get(URL, {"q": "zorblax " * 100}).content.decode()
    assert "only its first 200 characters" in html


def test_operators_alone_get_a_message(client):
    assert "nothing to search for" in client.get(URL, {"q": '- "'}).content.decode()


def test_an_empty_query_invites_a_search(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Type a name" in response.content.decode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_random_queries_never_fail(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code in (200, 400)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=50))
def test_random_text_with_control_characters_and_nul_never_fails(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code in (200, 400)


# --- cost -----------------------------------------------------------------------------------------


def _page_queries(client, q: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_page_costs_the_same_queries_for_3_or_30_matching_rows(client):
    for n in range(3):
        factories.organisation(description=f"Snarfblat partner {n}")
        factories.visit(summary=f"Snarfblat visit {n}")
    _page_queries(client, "snarfblat")  # the process's first search of this text parses it once more
    few = _page_queries(client, "snarfblat")
    for n in range(27):
        factories.organisation(description=f"Snarfblat partner {n}")
        factories.visit(summary=f"Snarfblat visit {n}")
    _page_queries(client, "snarfblat")  # the first search after a write rebuilds the lexicon
    many = _page_queries(client, "snarfblat")
    assert few == many
    assert few <= 9  # the data version, one per type, the visits' parties, the lexicon's version and look-up


def test_the_page_html_has_a_search_form_in_the_header(client):
    html = client.get(reverse("home:home")).content.decode()
    assert re.search(r'<form[^>]*role="search"[^>]*action="' + URL + '"', html)


# --- the multi-language query, deduplicated in the database (ckb_websearch) ---------------


def _query_text(q: str) -> str:
    from core.fulltext import SearchText

    expression = SearchText(q).tsquery()
    sql, params = expression.as_sql(None, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({sql})::text", params)
        return cursor.fetchone()[0]


def test_a_query_text_is_parsed_by_one_query_the_first_time_only(client):
    org = factories.organisation(name="Zorblex Quendor Works")
    with CaptureQueriesContext(connection) as ctx:
        assert org_key(org) in found("zorblex quendor")
    assert sum("ckb_websearch" in q["sql"] for q in ctx.captured_queries) == 1
    with CaptureQueriesContext(connection) as ctx:
        assert org_key(org) in found("zorblex quendor")
        _page_queries(client, "zorblex quendor")
    # The statements carry the parsed query as a constant, and nothing parses it again.
    assert not any("ckb_websearch" in q["sql"] for q in ctx.captured_queries)
    assert any("::tsquery" in q["sql"] for q in ctx.captured_queries)


def test_the_query_holds_each_distinct_parse_once():
    text = _query_text("Automobilovy Lodz")
    disjuncts = [part.strip() for part in text.split("|")]
    assert len(disjuncts) == len(set(disjuncts)), text
    # The stems and the as-you-type prefix are all still there.
    assert "'automobilovy' & 'lodz':*" in disjuncts
    assert any("'automobilovi'" in part for part in disjuncts)  # a stemmer's form of the word


def test_the_query_is_a_constant_the_index_can_use():
    """IMMUTABLE with constant arguments: the planner folds it, so the plan shows a tsquery constant."""
    from core.fulltext import SearchText

    sql, params = SearchText("Automobilovy").tsquery().as_sql(None, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT 1 FROM clusters_organisation WHERE search_vector @@ {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "ckb_websearch" not in plan
    assert "::tsquery" in plan


def test_a_stop_word_in_one_language_still_searches_in_the_others():
    org = factories.organisation(name="The Qwertz Works")
    assert org_key(org) in found("the qwertz")
    assert "'the'" in _query_text("the")  # "simple" keeps it; English drops it
