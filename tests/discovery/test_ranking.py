import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discovery.suggest import suggest
from discovery.weights import WEIGHTS
from tests.discovery.conftest import TAG, org

pytestmark = pytest.mark.django_db


def by_pk(suggestions) -> dict:
    return {s.organisation.pk: s for s in suggestions}


def reasons(suggestion) -> dict:
    return {r.key: r for r in suggestion.reasons}


def test_shared_ecosystem_and_tag_are_reasons_with_their_names(graph):
    found = by_pk(suggest(graph.me, limit=20))
    twin = reasons(found[graph.twin.pk])
    assert TAG in twin["tag"].evidence
    assert "ecosystem" in twin
    assert [str(e) for e in twin["ecosystem"].evidence] == [str(graph.me.ecosystems.get())]


def test_existing_partners_through_visits_and_projects_are_left_out(graph):
    found = by_pk(suggest(graph.me, limit=100))
    assert graph.partner.pk not in found
    assert graph.project_partner.pk not in found
    assert graph.me.pk not in found


def test_a_partner_of_a_partner_is_ranked_with_its_intermediary_named(graph):
    found = by_pk(suggest(graph.me, limit=20))
    via = reasons(found[graph.friend_of_friend.pk])["via"]
    assert [e.name for e in via.evidence] == [graph.partner.name]
    assert via.points == WEIGHTS["via"]
    assert via.evidence[0].url == graph.partner.get_absolute_url()


def test_a_target_country_and_a_current_label_with_its_date_are_reasons(graph):
    found = by_pk(suggest(graph.me, limit=20))
    abroad = reasons(found[graph.abroad.pk])
    assert "Monaco" in abroad["target"].text
    label = abroad["label"].evidence[0]
    assert label.as_of == datetime.date(2024, 5, 1)
    assert abroad["label"].points == 1.5 * WEIGHTS["label"]


def test_recent_activity_is_a_reason(graph):
    found = by_pk(suggest(graph.me, limit=20, today=datetime.date(2024, 1, 1)))
    recent = reasons(found[graph.friend_of_friend.pk])["recent"]
    assert recent.evidence == [2022]
    assert recent.points == pytest.approx(0.8 * WEIGHTS["recent"])


def test_the_score_is_the_sum_of_the_reasons_and_orders_the_list(graph):
    suggestions = suggest(graph.me, limit=20)
    for s in suggestions:
        assert s.score == round(sum(r.points for r in s.reasons), 2)
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    # a partner of a partner, active in 2022 (4 + activity); ecosystem and tag (2 + 2)
    assert [s.organisation.pk for s in suggestions[:2]] == [graph.friend_of_friend.pk, graph.twin.pk]


def test_filters_by_country_and_kind(graph):
    only_sm = suggest(graph.me, countries=["SM"], limit=50)
    assert {s.organisation.pk for s in only_sm} == {graph.twin.pk, graph.friend_of_friend.pk}
    networks = suggest(graph.me, kinds=["network"], countries=["SM", "MC"], limit=50)
    assert {s.organisation.pk for s in networks} == {graph.friend_of_friend.pk, graph.abroad.pk}


def test_hiding_a_link_takes_its_events_out_of_the_graph(graph):
    found = by_pk(suggest(graph.me, limit=100, hide=graph.partner.pk))
    assert graph.partner.pk in found  # no longer an existing partner: it shares the tag
    assert graph.friend_of_friend.pk not in found or "via" not in reasons(found[graph.friend_of_friend.pk])


def test_an_organisation_with_nothing_in_common_gets_no_suggestion(db):
    loner = org("Discovery Loner", country="")
    assert suggest(loner) == []


def test_queries_do_not_grow_with_the_number_of_candidates(graph):
    with CaptureQueriesContext(connection) as few:
        suggest(graph.me, limit=30)
    for i in range(30):
        o = org(f"Discovery Extra {i:02}")
        o.tags.add(TAG)
    with CaptureQueriesContext(connection) as many:
        found = suggest(graph.me, limit=30)
    assert len(found) == 30
    assert len(few) == len(many) == 7
