"""A small cooperation graph beside the demo data, in countries the demo data leave alone
(Liechtenstein, Monaco, San Marino), tagged with a tag of its own."""

import datetime
from dataclasses import dataclass

import pytest

from clusters.models import Ecosystem, Label, Organisation
from funding.models import ProjectPartner
from tests import factories

TAG = "zz-discovery-topic"


@dataclass
class Graph:
    me: Organisation  # the organisation suggestions are made for
    twin: Organisation  # shares an ecosystem and the tag, never met
    partner: Organisation  # met on a visit: an existing partner
    project_partner: Organisation  # in a project with me: an existing partner
    friend_of_friend: Organisation  # met `partner` on another visit
    abroad: Organisation  # in a country `me` seeks partners in, with a gold label


def org(name, **kwargs):
    kwargs.setdefault("country", "LI")
    return factories.organisation(name=name, **kwargs)


@pytest.fixture
def graph(db):
    ecosystem = Ecosystem.objects.order_by("pk").last()
    me = org("Discovery Alpha Cluster", target_countries=["MC"])
    twin = org("Discovery Twin Pole", kind=Organisation.Kind.POLE, country="SM")
    partner = org("Discovery Met Partner", kind=Organisation.Kind.COMPANY)
    project_partner = org("Discovery Project Partner", kind=Organisation.Kind.RESEARCH)
    friend = org("Discovery Friend Of Friend", kind=Organisation.Kind.NETWORK, country="SM")
    abroad = org("Discovery Monaco Network", kind=Organisation.Kind.NETWORK, country="MC")
    for o in (me, twin, partner, project_partner):
        o.tags.add(TAG)
        o.ecosystems.add(ecosystem)
    visit = factories.visit(start_date=datetime.date(2021, 3, 1))
    visit.hosts.add(me)
    visit.delegation.add(partner)
    other = factories.visit(start_date=datetime.date(2022, 6, 1))
    other.hosts.add(friend)
    other.delegation.add(partner)
    project = factories.project()
    ProjectPartner.objects.create(project=project, organisation=me)
    ProjectPartner.objects.create(project=project, organisation=project_partner)
    Label.objects.create(organisation=abroad, kind=Label.Kind.ESCA_GOLD, as_of=datetime.date(2024, 5, 1))
    for o in (me, twin, partner, project_partner, friend, abroad):
        o.refresh_from_db()
    return Graph(me, twin, partner, project_partner, friend, abroad)
