"""Property: whatever three facets are combined, with several values each, the count beside every
facet value is the number of rows the list shows with that value chosen (tests/facet_checks.py:
ORed within a facet, so for a facet with a selection, the rows of that value among the other
filters' rows). Small factory data sets on the real database, a few dozen examples."""

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Ecosystem, Label, Organisation
from tests import factories
from tests.facet_checks import check_facet_counts
from visits.filtersets import VisitFilterSet
from visits.models import Visit

pytestmark = pytest.mark.django_db

TAG = "zz-facet-property"
ECOSYSTEMS = ["health", "digital", "textile"]

ORGANISATION_VALUES = {
    "kind": ["cluster", "pole", "company"],
    "country": ["FR", "DE", "TR", "NR"],
    "ecosystem": ECOSYSTEMS,
    "size": ["1-49", "50-249", "250+", "unknown"],
    "target_country": ["FR", "TR", "UA"],
    "label": ["esca_gold", "esca_silver"],
    "tag": ["p-lasers", "p-optics"],
}

VISIT_VALUES = {
    "kind": ["study_visit", "workshop", "conference"],
    "year": ["2014", "2015", "2016"],
    "host_country": ["FR", "DE", "TR"],
    "delegation_country": ["FR", "DE", "TR"],
    "language": ["en", "fr", "tr"],
    "ecosystem": ECOSYSTEMS,
}


def organisations():
    ecosystems = {e.slug: e for e in Ecosystem.objects.filter(slug__in=ECOSYSTEMS)}
    kinds, countries = ORGANISATION_VALUES["kind"], ORGANISATION_VALUES["country"]
    sizes = [None, 10, 100, 400]
    made = []
    # Attributes on different cycles, so that every combination of values occurs.
    for i in range(24):
        o = factories.organisation(
            name=f"Property org {i}",
            kind=kinds[i % 3],
            country=countries[(i // 3) % 4],
            members_count=sizes[(i // 2) % 4],
            target_countries=[["FR"], ["TR", "UA"], [], ["FR", "TR"], ["UA"]][i % 5],
        )
        o.tags.add(TAG, *[["p-lasers"], ["p-optics"], ["p-lasers", "p-optics"], []][(i // 5) % 4])
        o.ecosystems.add(*[ecosystems[s] for s in [["health"], ["digital"], ["health", "textile"], []][(i // 4) % 4]])
        if i % 5 != 2:
            Label.objects.create(organisation=o, kind=ORGANISATION_VALUES["label"][(i // 7) % 2])
        made.append(o)
    return made


def visits():
    ecosystems = {e.slug: e for e in Ecosystem.objects.filter(slug__in=ECOSYSTEMS)}
    hosts = {c: factories.organisation(name=f"Property host {c}", country=c) for c in ("FR", "DE", "TR")}
    for i in range(24):
        language = VISIT_VALUES["language"][i % 3]
        v = factories.visit(
            title=f"Property visit {i}",
            kind=VISIT_VALUES["kind"][(i // 2) % 3],
            start_date=datetime.date(2014 + (i // 4) % 3, 1 + i % 12, 1),
            language=language,
            summary_en="" if language == "en" else "Summary.",
        )
        v.tags.add(TAG)
        v.hosts.add(*[hosts[c] for c in [("FR",), ("DE", "TR"), ("FR", "TR"), ("DE",)][(i // 3) % 4]])
        v.delegation.add(hosts[("TR", "FR", "DE")[(i // 5) % 3]])
        v.ecosystems.add(
            *[ecosystems[s] for s in [["health"], ["digital", "textile"], [], ["health", "digital"]][i % 4]]
        )


def selections(values: dict):
    """Three facets of ``values``, each with one to three of its values."""
    names = st.lists(st.sampled_from(sorted(values)), min_size=3, max_size=3, unique=True)
    return names.flatmap(
        lambda chosen: st.tuples(
            *[
                st.tuples(st.just(name), st.lists(st.sampled_from(values[name]), min_size=1, max_size=3, unique=True))
                for name in chosen
            ]
        )
    )


def query(selection) -> str:
    pairs = itertools.chain.from_iterable(((name, v) for v in chosen) for name, chosen in selection)
    return "&".join([f"tag={TAG}", *(f"{name}={value.replace('+', '%2B')}" for name, value in pairs)])


SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_organisation_facet_counts_equal_the_rows_a_click_leaves():
    organisations()

    @SETTINGS
    @given(selection=selections(ORGANISATION_VALUES))
    def check(selection):
        check_facet_counts(OrganisationFilterSet, Organisation.objects.for_list, query(selection))

    check()


def test_visit_facet_counts_equal_the_rows_a_click_leaves():
    visits()

    @SETTINGS
    @given(selection=selections(VISIT_VALUES))
    def check(selection):
        check_facet_counts(VisitFilterSet, Visit.objects.for_list, query(selection))

    check()
