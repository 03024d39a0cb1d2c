import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import Organisation
from funding.models import ProjectPartner
from insights import graphs
from tests import factories
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


@pytest.fixture
def cooperation():
    """Host A was visited by B's delegation in 2020 within project P, with C as co-host; A and D
    are partners in P; E visited A in a draft report."""
    a = factories.organisation(name="Graph host A", acronym="GHA")
    b, c, d, e = (factories.organisation(name=f"Graph partner {x}") for x in "BCDE")
    project = factories.project(name="Graph project", acronym="GPROJ")
    visit = factories.visit(title="Graph visit 2020", start_date=datetime.date(2020, 6, 1), project=project)
    visit.hosts.add(a, c)
    visit.delegation.add(b)
    draft = factories.visit(title="Graph draft visit", status=Visit.Status.DRAFT, start_date=datetime.date(2021, 1, 1))
    draft.hosts.add(a)
    draft.delegation.add(e)
    ProjectPartner.objects.create(project=project, organisation=a)
    ProjectPartner.objects.create(project=project, organisation=d)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "visit": visit, "project": project}


def test_partners_are_linked_by_visit_direction_shared_events_and_projects(cooperation):
    a, b, c, d = (cooperation[k] for k in "abcd")
    partners = {p.organisation: p for p in graphs.cooperation_partners(a, ANONYMOUS)}
    assert set(partners) == {b, c, d}
    assert [(t.kind, t.year, t.project) for t in partners[b].ties] == [
        (graphs.VISITED_US, 2020, cooperation["project"])
    ]
    assert [t.kind for t in partners[c].ties] == [graphs.MET]  # a co-host
    assert [(t.kind, t.project) for t in partners[d].ties] == [(graphs.PROJECT, cooperation["project"])]
    # Seen from the delegation, the same visit points the other way.
    b_partners = {p.organisation: p for p in graphs.cooperation_partners(b, ANONYMOUS)}
    assert {t.kind for t in b_partners[a].ties} == {graphs.WE_VISITED}


def test_draft_visits_link_organisations_for_staff_only(cooperation, admin_user):
    a, e = cooperation["a"], cooperation["e"]
    assert e not in {p.organisation for p in graphs.cooperation_partners(a, ANONYMOUS)}
    assert e in {p.organisation for p in graphs.cooperation_partners(a, admin_user)}


def test_participants_with_a_delegate_role_count_as_visitors(cooperation):
    f = factories.organisation(name="Graph participant F")
    Participant.objects.create(visit=cooperation["visit"], organisation=f, role=Participant.Role.DELEGATE)
    partners = {p.organisation: p for p in graphs.cooperation_partners(cooperation["a"], ANONYMOUS)}
    assert [t.kind for t in partners[f].ties] == [graphs.VISITED_US]


def test_graph_layout_is_deterministic_with_arrows_and_labels(cooperation):
    a = cooperation["a"]
    first, second = graphs.cooperation_graph(a, ANONYMOUS), graphs.cooperation_graph(a, ANONYMOUS)
    assert [(n["x"], n["y"]) for n in first["nodes"]] == [(n["x"], n["y"]) for n in second["nodes"]]
    visit_edge = next(e for e in first["edges"] if "edge-visit" in e["css"])
    assert visit_edge["start_arrow"] and not visit_edge["end_arrow"]  # B came to A
    assert visit_edge["label"] == "2020"
    project_edges = [e for e in first["edges"] if "edge-project" in e["css"]]
    assert [e["label"] for e in project_edges] == ["GPROJ"]


def test_graph_shows_the_most_linked_partners_and_lists_them_all(cooperation):
    a, project = cooperation["a"], cooperation["project"]
    for i in range(graphs.MAX_GRAPH_PARTNERS + 4):
        ProjectPartner.objects.create(project=project, organisation=factories.organisation(name=f"Graph extra {i:02}"))
    graph = graphs.cooperation_graph(a, ANONYMOUS)
    assert len(graph["nodes"]) == graphs.MAX_GRAPH_PARTNERS
    assert graph["partners_total"] == graphs.MAX_GRAPH_PARTNERS + 4 + 3
    assert len(graph["partners"]) == graph["partners_total"]


def _detail_queries(client, org) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(org.get_absolute_url())
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_organisation_page_draws_the_graph_and_its_list_in_constant_queries(client, cooperation):
    a = cooperation["a"]
    few, content = _detail_queries(client, a)
    assert 'aria-labelledby="coop-svg-title coop-svg-desc"' in content
    assert f'<a href="{cooperation["b"].get_absolute_url()}" class="node-link">' in content
    assert "visited Graph host A" in content
    assert "Graph partner E" not in content  # only in a draft
    for i in range(12):
        other = factories.organisation(name=f"Graph more {i}")
        visit = factories.visit(start_date=datetime.date(2010 + i, 1, 1))
        visit.hosts.add(a)
        visit.delegation.add(other)
    many, content = _detail_queries(client, a)
    assert many == few
    assert "Graph more 11" in content


def test_organisation_without_cooperation_says_so(client):
    lonely = factories.organisation(name="Graph lonely")
    _, content = _detail_queries(client, lonely)
    assert "No cooperation on record yet" in content


def test_network_links_clusters_that_took_part_in_the_same_published_visit():
    x, y = factories.organisation(name="Net X"), factories.organisation(name="Net Y", kind=Organisation.Kind.POLE)
    company = factories.organisation(name="Net company", kind=Organisation.Kind.COMPANY)
    for _ in range(2):
        visit = factories.visit()
        visit.hosts.add(x)
        visit.delegation.add(y, company)
    draft = factories.visit(status=Visit.Status.DRAFT)
    draft.hosts.add(x)
    Participant.objects.create(visit=draft, organisation=factories.organisation(name="Net Z"))
    nodes, links, nodes_total, links_total = graphs.network_links(limit=1000)
    pair = (min(x.pk, y.pk), max(x.pk, y.pk), 2)
    assert pair in links
    assert company.pk not in nodes  # companies are not clusters
    assert not any(Organisation.objects.get(pk=pk).name == "Net Z" for pk in nodes)  # draft only
    assert nodes_total == len(nodes) and links_total == len(links)


def test_network_is_capped_from_the_strongest_links_down_and_says_so():
    hub = factories.organisation(name="Net hub")
    for i in range(8):  # busier than any pair in the demo data
        visit = factories.visit()
        visit.hosts.add(hub)
        visit.delegation.add(factories.organisation(name=f"Net spoke {i}"))
    pair = factories.organisation(name="Net pair 1"), factories.organisation(name="Net pair 2")
    for _ in range(3):  # the strongest link: three shared visits
        visit = factories.visit()
        visit.hosts.add(pair[0])
        visit.delegation.add(pair[1])
    overview = graphs.network_overview(limit=4)
    shown = {n["organisation"] for n in overview["nodes"]}
    # The pair's link is the strongest; then the hub's links, the busiest (hub and one spoke).
    assert len(shown) == 4
    assert set(pair) < shown and hub in shown
    assert overview["capped"] and overview["nodes_total"] > 4
    assert all(e["a"].pk in {n["organisation"].pk for n in overview["nodes"]} for e in overview["edges"])


def test_network_page_answers_with_a_table_of_links_in_constant_queries(client):
    def get():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("insights:network"))
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    before, content = get()
    assert "<caption" in content and 'role="group" aria-labelledby="network-svg-title network-svg-desc"' in content
    for i in range(6):
        visit = factories.visit()
        visit.hosts.add(factories.organisation(name=f"Net page host {i}"))
        visit.delegation.add(factories.organisation(name=f"Net page guest {i}"))
    after, content = get()
    assert after == before <= 4  # the counted groups with a country: one query
    assert "Net page guest 5" in content
