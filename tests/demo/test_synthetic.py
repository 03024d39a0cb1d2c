"""The synthetic data generator: the same rows for the same seed, removable without a trace, and
large enough to show that list pages cost the same queries for 30 rows or 3,000."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import AlternativeName, Organisation
from core.filtering import FacetedListView
from demo import synthetic
from funding.models import Call, Instrument, Project
from visits.models import Visit

pytestmark = pytest.mark.django_db

SMALL = {"organisations": 200, "visits": 50, "instruments": 20, "calls": 30, "projects": 10}


def generate(seed: int = 1, **sizes) -> None:
    synthetic.Generator(seed=seed, **{**SMALL, **sizes}).run()


def snapshot() -> dict:
    """The synthetic rows by natural key (slugs), with their values and links; no ids, no timestamps."""
    syn = {"slug__startswith": synthetic.PREFIX}
    return {
        "organisations": list(
            Organisation.objects.filter(**syn)
            .order_by("slug")
            .values_list("slug", "name", "kind", "country", "city", "members_count", "target_countries")
        ),
        "organisation links": sorted(
            Organisation.objects.filter(**syn).values_list("slug", "ecosystems__slug", "tags__name", "member_of__slug")
        ),
        "alternative names": sorted(Organisation.objects.filter(**syn).values_list("slug", "search_names")),
        "visits": sorted(
            Visit.objects.filter(**syn).values_list(
                "slug", "title", "status", "start_date", "hosts__slug", "delegation__slug", "tags__name"
            )
        ),
        "stops and findings": sorted(
            Visit.objects.filter(**syn).values_list("slug", "stops__day", "stops__host__slug", "findings__text")
        ),
        "calls": sorted(Call.objects.filter(**syn).values_list("slug", "instrument__slug", "opens_on", "deadline")),
        "projects": sorted(
            Project.objects.filter(**syn).values_list("slug", "instrument__slug", "partner_links__organisation__slug")
        ),
        "eligibilities": sorted(
            Call.objects.filter(**syn).values_list("slug", "instrument__eligibilities__beneficiary_type")
        ),
    }


def row_counts() -> dict:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows():
    generate(seed=1)
    first = snapshot()
    synthetic.remove()
    generate(seed=1)
    assert snapshot() == first
    synthetic.remove()
    generate(seed=2)
    assert snapshot() != first


def test_generated_rows_have_the_requested_sizes_and_children():
    generate()
    assert synthetic.counts() == {
        "organisations": 200,
        "visits": 50,
        "instruments": 20,
        "calls": 30,
        "projects": 10,
    }
    # Each organisation is written with the ecosystem ids its link rows give it (the triggers agree).
    link = Organisation.ecosystems.through
    for org in Organisation.objects.filter(slug__startswith=synthetic.PREFIX):
        linked = sorted(link.objects.filter(organisation=org).values_list("ecosystem_id", flat=True))
        assert org.ecosystem_ids == linked and linked
    visits = Visit.objects.filter(slug__startswith=synthetic.PREFIX)
    assert all(1 <= v.stops.count() <= 5 for v in visits)
    assert all(v.findings.count() <= 4 for v in visits)


def test_remove_deletes_only_synthetic_rows_and_twice_deletes_nothing():
    before = row_counts()
    generate()
    assert row_counts() != before
    assert synthetic.remove()
    assert row_counts() == before
    assert synthetic.remove() == {}
    assert row_counts() == before


def test_generating_twice_is_refused():
    call_command("generate_data", *[f"--{k}={v}" for k, v in SMALL.items()], verbosity=0)
    with pytest.raises(CommandError, match="already exist"):
        call_command("generate_data", *[f"--{k}={v}" for k, v in SMALL.items()], verbosity=0)


def test_scale_multiplies_every_size_and_if_missing_keeps_rows_of_those_sizes():
    tiny = {"organisations": 20, "visits": 5, "instruments": 2, "calls": 3, "projects": 1}
    args = [f"--{k}={v}" for k, v in tiny.items()]
    call_command("generate_data", *args, "--scale=2", verbosity=0)
    assert list(synthetic.counts().values()) == [2 * n for n in tiny.values()]
    first = snapshot()
    # A database copied from one of these sizes: nothing removed, nothing generated.
    call_command("generate_data", *args, "--scale=2", "--if-missing", "--replace", verbosity=0)
    assert snapshot() == first
    # Other sizes: --replace regenerates.
    call_command("generate_data", *args, "--if-missing", "--replace", verbosity=0)
    assert list(synthetic.counts().values()) == list(tiny.values())


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


# Every list page (with and without filters) and every detail page: at most this many queries,
# and the same number for 30 rows as for 3,000 (issue 5). The visit page is the largest: the visit
# and one query per relation it shows (hosts, delegation, instruments, tags, ecosystems, stops,
# participants, findings, follow-ups, attachments), and its other accounts when it has some.
QUERY_BUDGET = 12


def page_urls() -> dict:
    """Each page by name; the filters are the values of the first synthetic rows, so that every
    filtered list shows rows at both sizes (an empty page skips its prefetch queries)."""
    syn = {"slug__startswith": synthetic.PREFIX}
    org = Organisation.objects.filter(**syn, kind="cluster").order_by("slug").first()
    visit = Visit.objects.filter(**syn, status="published").order_by("slug").first()
    instrument = Instrument.objects.filter(**syn).order_by("slug").first()
    eco = org.ecosystems.order_by("pk").first().slug
    return {
        "partners": "/partners/",
        "partners, 3 filters": f"/partners/?country={org.country.code}&kind=cluster&ecosystem={eco}",
        "clusters": "/clusters/",
        "poles": "/poles/?sort=country",
        "partners, page 1000": "/partners/?page=1000",
        "visits": "/visits/",
        "visits, 2 filters": f"/visits/?kind={visit.kind}&language={visit.language}",
        "visits, 2 values in 2 facets": (
            f"/visits/?kind={visit.kind}&kind=workshop&language={visit.language}&language=en"
        ),
        "partners, 2 values in 2 facets": (
            f"/partners/?country={org.country.code}&country=FR&ecosystem={eco}&ecosystem=health"
        ),
        "calls, 2 values": "/funding/calls/?status=open&status=closed",
        "instruments": "/funding/",
        "instruments, 2 filters": f"/funding/?kind={instrument.kind}&level={instrument.level}",
        "calls": "/funding/calls/",
        "projects": "/funding/projects/",
        "organisation": org.get_absolute_url(),
        "visit": visit.get_absolute_url(),
        "instrument": instrument.get_absolute_url(),
        "call": Call.objects.filter(**syn).order_by("slug").first().get_absolute_url(),
        "project": Project.objects.filter(**syn).order_by("slug").first().get_absolute_url(),
    }


def page_queries(client) -> dict:
    urls = page_urls()
    for url in urls.values():  # warm the content-type cache and the like
        queries(client, url)
    return {name: queries(client, url) for name, url in urls.items()}


def test_every_list_and_detail_page_costs_the_same_few_queries_for_30_or_3000_rows(client):
    generate(organisations=30, visits=30, instruments=30, calls=30, projects=30)
    few = page_queries(client)
    synthetic.remove()
    generate(organisations=3000, visits=3000, instruments=300, calls=300, projects=300)
    many = page_queries(client)
    assert many == few
    # The organisation page too, with its timeline, cooperation history and graph: they read
    # the same visits, loaded once (insights/graphs.py visits_involving).
    assert {page: n for page, n in many.items() if n > QUERY_BUDGET} == {}


def test_bulk_inserted_alternative_names_reach_the_search_names_once_per_statement():
    generate()
    names = AlternativeName.objects.filter(organisation__slug__startswith=synthetic.PREFIX)
    assert names.exists()
    for name in names[:20]:
        assert name.name in Organisation.objects.get(pk=name.organisation_id).search_names
    # One statement deleting many names updates each organisation concerned.
    orgs = list(names.values_list("organisation_id", flat=True)[:5])
    AlternativeName.objects.filter(organisation_id__in=orgs).delete()
    assert set(Organisation.objects.filter(pk__in=orgs).values_list("search_names", flat=True)) == {""}


def test_pages_beyond_the_cap_show_the_last_allowed_page_with_a_notice(client, monkeypatch):
    generate(organisations=200)
    monkeypatch.setattr(FacetedListView, "max_page", 2)
    response = client.get("/partners/", {"page": "7"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert "Only the first 2 pages" in response.context["page_notice"]
