import datetime

import pytest
from django.http import QueryDict

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Ecosystem, Label, Organisation
from tests import factories
from tests.facet_checks import check_facet_counts

pytestmark = pytest.mark.django_db

TAG = "zz-filterset-test"


def names(query: str, queryset=None) -> set[str]:
    filterset = OrganisationFilterSet(QueryDict(query), queryset=queryset or Organisation.objects.for_list())
    return set(filterset.qs.values_list("name", flat=True))


def org(name, *tags, **kwargs):
    o = factories.organisation(name=name, **kwargs)
    o.tags.add(TAG, *tags)
    return o


@pytest.fixture
def rows():
    energy = Ecosystem.objects.get(slug="energy-intensive-industries")
    health = Ecosystem.objects.get(slug="health")
    a = org("Alpha", "lasers", "optics", kind="pole", country="NR", region="Yaren", members_count=12)
    b = org("Beta", "lasers", kind="cluster", country="NR", members_count=300, target_countries=["TV", "FR"])
    c = org("Gamma", kind="company", country="TV", target_countries=["TV"])
    a.ecosystems.add(energy)
    b.ecosystems.add(energy, health)
    Label.objects.create(organisation=a, kind=Label.Kind.ESCA_GOLD, valid_until=datetime.date(2099, 1, 1))
    Label.objects.create(organisation=b, kind=Label.Kind.ESCA_GOLD, valid_until=datetime.date(2001, 1, 1))
    Label.objects.create(organisation=c, kind=Label.Kind.ESCA_SILVER)
    factories.visit().hosts.add(c)
    factories.visit(status="draft").hosts.add(b)
    return a, b, c


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=pole", {"Alpha"}),
        ("country=NR", {"Alpha", "Beta"}),
        ("region=Yaren", {"Alpha"}),
        ("ecosystem=health", {"Beta"}),
        ("tag=lasers", {"Alpha", "Beta"}),
        ("label=esca_gold", {"Alpha", "Beta"}),
        ("label_valid=yes", {"Alpha", "Gamma"}),
        ("size=1-49", {"Alpha"}),
        ("size=250%2B", {"Beta"}),
        ("size=unknown", {"Gamma"}),
        ("has_visits=yes", {"Gamma"}),
        ("has_visits=no", {"Alpha", "Beta"}),
        ("target_country=TV", {"Beta", "Gamma"}),
        ("target_country=FR", {"Beta"}),
        ("q=alph", {"Alpha"}),
    ],
)
def test_each_filter_narrows_the_rows(rows, query, expected):
    assert names(f"tag={TAG}&{query}") == expected


def test_combined_filters_are_anded(rows):
    assert names(f"tag={TAG}&country=NR&ecosystem=health") == {"Beta"}


def test_several_tags_are_anded(rows):
    assert names(f"tag={TAG}&tag=lasers&tag=optics") == {"Alpha"}


def test_label_and_still_valid_need_the_same_label(rows):
    assert names(f"tag={TAG}&label=esca_gold&label_valid=yes") == {"Alpha"}


def test_free_text_matches_alternative_names(rows):
    rows[2].alternative_names.create(name="Гамма-кластер")
    assert names(f"tag={TAG}&q=гамма") == {"Gamma"}


def test_an_invalid_value_is_reported_and_ignored(rows):
    filterset = OrganisationFilterSet(QueryDict(f"tag={TAG}&country=XX"), queryset=Organisation.objects.for_list())
    assert set(filterset.qs.values_list("name", flat=True)) == {"Alpha", "Beta", "Gamma"}
    assert "country" in filterset.form.errors


@pytest.mark.parametrize(
    "query",
    [
        "",
        "country=NR",
        "tag=lasers",
        "label_valid=yes&kind=company",
        "ecosystem=energy-intensive-industries",
        "country=NR&ecosystem=energy-intensive-industries&has_visits=no",
    ],
)
def test_facet_counts_equal_the_rows_clicking_the_value_leaves(rows, query):
    """Scoped to this test's rows by the tag, each count matches the filtered result of its link."""
    assert check_facet_counts(OrganisationFilterSet, Organisation.objects.for_list, f"tag={TAG}&{query}") >= 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=pole&kind=company", {"Alpha", "Gamma"}),
        ("country=NR&country=TV", {"Alpha", "Beta", "Gamma"}),
        ("region=Yaren&region=Nowhere", {"Alpha"}),
        ("ecosystem=health&ecosystem=energy-intensive-industries", {"Alpha", "Beta"}),
        ("label=esca_gold&label=esca_silver", {"Alpha", "Beta", "Gamma"}),
        ("size=1-49&size=unknown", {"Alpha", "Gamma"}),
        ("has_visits=yes&has_visits=no", {"Alpha", "Beta", "Gamma"}),
        ("target_country=FR&target_country=TV", {"Beta", "Gamma"}),
        # ORed within a filter, ANDed across filters
        ("country=NR&country=TV&kind=pole&kind=company", {"Alpha", "Gamma"}),
        ("country=TV&country=NR&size=250%2B", {"Beta"}),
    ],
)
def test_two_values_of_one_filter_are_ored(rows, query, expected):
    assert names(f"tag={TAG}&{query}") == expected


def test_one_invalid_value_among_several_is_reported_and_the_filter_ignored(rows):
    filterset = OrganisationFilterSet(
        QueryDict(f"tag={TAG}&country=NR&country=XX"), queryset=Organisation.objects.for_list()
    )
    assert set(filterset.qs.values_list("name", flat=True)) == {"Alpha", "Beta", "Gamma"}
    assert "country" in filterset.form.errors


def test_one_chip_per_value_each_removing_only_its_value(rows):
    filterset = OrganisationFilterSet(
        QueryDict(f"tag={TAG}&country=NR&country=TV&country=NR"), queryset=Organisation.objects.for_list()
    )
    chips = {c["label"]: QueryDict(c["url"].lstrip("?")) for c in filterset.active_filters() if c["name"] == "country"}
    nauru, tuvalu = filterset.value_label("country", "NR"), filterset.value_label("country", "TV")
    assert set(chips) == {nauru, tuvalu}  # the repeated NR once
    assert chips[nauru].getlist("country") == ["TV"]
    assert set(chips[tuvalu].getlist("country")) == {"NR"}
    assert all(chip.getlist("tag") == [TAG] for chip in chips.values())


@pytest.mark.parametrize(
    "query",
    [
        "country=NR&country=TV",
        "kind=pole&kind=company&country=NR",
        "ecosystem=health&ecosystem=energy-intensive-industries&size=1-49&size=250%2B",
        "tag=lasers&target_country=FR&target_country=TV&has_visits=no",
    ],
)
def test_facet_counts_with_several_values_chosen(rows, query):
    assert check_facet_counts(OrganisationFilterSet, Organisation.objects.for_list, f"tag={TAG}&{query}") >= 3
