import datetime

import pytest
from django.http import QueryDict

from funding.filtersets import CallFilterSet, InstrumentFilterSet, ProjectFilterSet
from funding.models import Call, Eligibility, Instrument, Project
from tests import factories
from tests.facet_checks import check_facet_counts

pytestmark = pytest.mark.django_db

TAG = "zz-funding-filterset-test"
TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def instrument_names(query: str) -> set[str]:
    filterset = InstrumentFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Instrument.objects.for_list())
    return set(filterset.qs.values_list("name", flat=True))


def call_titles(query: str) -> set[str]:
    filterset = CallFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Call.objects.for_list())
    return set(filterset.qs.values_list("title", flat=True))


def instrument(name, *, rates=None, **kwargs):
    i = factories.instrument(name=name, **kwargs)
    i.tags.add(TAG)
    for beneficiary, rate in (rates or {}).items():
        Eligibility.objects.create(instrument=i, beneficiary_type=beneficiary, co_funding_rate=rate)
    return i


def call(title, inst, **kwargs):
    c = factories.call(title=title, instrument=inst, **kwargs)
    c.tags.add(TAG)
    return c


@pytest.fixture
def instruments():
    body = factories.organisation(name="Zz funding agency", slug="zz-funding-agency")
    a = instrument(
        "Alpha fund",
        kind="grant",
        level="eu",
        eligible_countries=["TR", "FR"],
        managing_body=body,
        co_funding_rate=50,
        rates={"sme": 70, "research": None},
    )
    b = instrument("Beta loan", kind="loan", level="national", eligible_countries=["FR"], rates={"large_company": 40})
    c = instrument("Gamma open", kind="grant", level="national", status="discontinued", rates={"sme": 30})
    call("Alpha open call", a, opens_on=TODAY - 10 * DAY, deadline=TODAY + 30 * DAY)
    call("Beta old call", b, opens_on=TODAY - 100 * DAY, deadline=TODAY - 50 * DAY)
    return a, b, c


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Alpha fund", "Beta loan", "Gamma open"}),
        ("kind=loan", {"Beta loan"}),
        ("level=eu", {"Alpha fund"}),
        ("managing_body=zz-funding-agency", {"Alpha fund"}),
        ("status=discontinued", {"Gamma open"}),
        ("beneficiary=sme", {"Alpha fund", "Gamma open"}),
        ("has_open_call=yes", {"Alpha fund"}),
        ("has_open_call=no", {"Beta loan", "Gamma open"}),
        ("q=Beta", {"Beta loan"}),
        # combined filters are ANDed
        ("kind=grant&beneficiary=sme&country=TR", {"Alpha fund", "Gamma open"}),
        ("kind=grant&status=active&beneficiary=sme", {"Alpha fund"}),
    ],
)
def test_each_instrument_filter_narrows(instruments, query, expected):
    assert instrument_names(query) == expected


def test_an_instrument_without_eligible_countries_is_open_to_every_country(instruments):
    assert instrument_names("country=TR") == {"Alpha fund", "Gamma open"}
    assert instrument_names("country=FR") == {"Alpha fund", "Beta loan", "Gamma open"}
    assert instrument_names("country=DE") == {"Gamma open"}


def test_country_code_match_is_exact(instruments):
    instrument("Rwanda only", eligible_countries=["RW"])
    assert instrument_names("country=RW") == {"Rwanda only", "Gamma open"}
    assert "Rwanda only" not in instrument_names("country=TR")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("beneficiary=sme&rate_min=50&rate_max=100", {"Alpha fund"}),  # 70 vs 30
        ("beneficiary=sme&rate_max=40", {"Gamma open"}),
        # the research row has no rate of its own: the instrument's 50 % applies
        ("beneficiary=research&rate_min=50", {"Alpha fund"}),
        ("beneficiary=research&rate_min=60", set()),
        ("beneficiary=large_company&rate_min=30&rate_max=45", {"Beta loan"}),
        # without a type: any type's rate
        ("rate_min=65", {"Alpha fund"}),
        ("rate_max=35", {"Gamma open"}),
    ],
)
def test_rate_range_reads_the_chosen_beneficiary_types_rate(instruments, query, expected):
    assert instrument_names(query) == expected


def test_invalid_rate_is_reported_and_ignored(instruments):
    filterset = InstrumentFilterSet(QueryDict(f"tag={TAG}&rate_min=abc"), queryset=Instrument.objects.for_list())
    assert len(filterset.qs) == 3
    assert filterset.error_messages()


@pytest.mark.parametrize(
    "query",
    ["", "kind=grant", "beneficiary=sme", "country=FR", "beneficiary=sme&rate_min=50", "rate_min=35&kind=grant"],
)
def test_instrument_facet_counts_equal_what_clicking_shows(instruments, query):
    assert check_facet_counts(InstrumentFilterSet, Instrument.objects.for_list, f"tag={TAG}&{query}")


@pytest.fixture
def calls():
    active = instrument("Active instrument", eligible_countries=["TR"])
    ended = instrument("Ended instrument", status="discontinued")
    call("Forthcoming call", active, opens_on=TODAY + 5 * DAY, deadline=TODAY + 40 * DAY)
    call("Open call", active, opens_on=TODAY - 5 * DAY, deadline=TODAY + 10 * DAY)
    call("Closes today", active, opens_on=TODAY - 5 * DAY, deadline=TODAY)
    call("Rolling call", active)
    call("Closed call", active, opens_on=TODAY - 50 * DAY, deadline=TODAY - DAY)
    call("Ended rolling call", ended)
    call("Ended dated call", ended, deadline=TODAY + 20 * DAY)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=forthcoming", {"Forthcoming call"}),
        ("status=open", {"Open call", "Closes today", "Rolling call", "Ended dated call"}),
        ("status=closed", {"Closed call", "Ended rolling call"}),
        ("closing_within=14", {"Open call", "Closes today"}),
        ("closing_within=0", {"Closes today"}),
        (f"deadline_after={TODAY + 15 * DAY:%Y-%m-%d}", {"Forthcoming call", "Ended dated call"}),
        (f"deadline_before={TODAY:%Y-%m-%d}", {"Closes today", "Closed call"}),
        ("country=TR&status=open", {"Open call", "Closes today", "Rolling call", "Ended dated call"}),
        ("country=DE", {"Ended rolling call", "Ended dated call"}),  # no restriction: open to all
    ],
)
def test_call_status_is_computed_relative_to_today(calls, query, expected):
    assert call_titles(query) == expected


def test_malformed_date_is_reported_and_ignored(calls):
    filterset = CallFilterSet(QueryDict(f"tag={TAG}&deadline_after=2024-13-45"), queryset=Call.objects.for_list())
    assert filterset.qs.count() == 7
    assert any("Deadline from" in m for m in filterset.error_messages())


def test_call_facet_counts_equal_what_clicking_shows(calls):
    assert check_facet_counts(CallFilterSet, Call.objects.for_list, f"tag={TAG}")
    filterset = CallFilterSet(QueryDict(f"tag={TAG}"), queryset=Call.objects.for_list())
    status = next(f for f in filterset.facet_results(7) if f.name == "status")
    assert {v.value: v.count for v in status.values} == {"open": 4, "closed": 2, "forthcoming": 1}


@pytest.fixture
def calls_by_beneficiary():
    sme_tr = instrument("SME grant for Turkey", eligible_countries=["TR"], rates={"sme": 60})
    sme_de = instrument("SME grant for Germany", eligible_countries=["DE"], rates={"sme": 50})
    research_all = instrument("Research grant for all", rates={"research": 70})
    call("Turkish SME call", sme_tr)
    call("German SME call", sme_de)
    call("Research call", research_all)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("beneficiary=sme", {"Turkish SME call", "German SME call"}),
        ("beneficiary=sme&country=TR", {"Turkish SME call"}),  # calls open to SMEs from Turkey
        ("beneficiary=research&country=TR", {"Research call"}),  # no country restriction: open to all
        ("beneficiary=individual", set()),
    ],
)
def test_calls_filter_by_who_may_apply_through_their_instrument(calls_by_beneficiary, query, expected):
    assert call_titles(query) == expected


def test_call_beneficiary_facet_counts_equal_what_a_click_shows(calls_by_beneficiary):
    filterset = CallFilterSet(QueryDict(f"tag={TAG}&country=TR"), queryset=Call.objects.for_list())
    facet = next(f for f in filterset.facet_results(filterset.qs.count()) if f.name == "beneficiary")
    counts = {value.value: value.count for value in facet.values}
    assert counts == {"sme": 1, "research": 1}
    for value in facet.values:
        clicked = CallFilterSet(QueryDict(value.url[1:]), queryset=Call.objects.for_list())
        assert clicked.qs.count() == value.count


def test_projects_are_filtered_by_partner_country():
    for name, countries in (("Zz Turkish-French", ["TR", "FR"]), ("Zz Rwandan", ["RW"]), ("Zz none", [])):
        factories.project(name=name, partner_countries=countries).tags.add(TAG)

    def names(country):
        filterset = ProjectFilterSet(QueryDict(f"tag={TAG}&country={country}"), queryset=Project.objects.for_list())
        return set(filterset.qs.values_list("name", flat=True))

    assert names("FR") == {"Zz Turkish-French"}
    assert names("RW") == {"Zz Rwandan"}
    assert names("DE") == set()


def project_names(query: str) -> set[str]:
    filterset = ProjectFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Project.objects.for_list())
    return set(filterset.qs.values_list("name", flat=True))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=loan&kind=grant", {"Alpha fund", "Beta loan", "Gamma open"}),
        ("level=eu&level=national&kind=loan", {"Beta loan"}),
        ("status=discontinued&status=active", {"Alpha fund", "Beta loan", "Gamma open"}),
        ("beneficiary=large_company&beneficiary=research", {"Alpha fund", "Beta loan"}),
        ("has_open_call=yes&has_open_call=no", {"Alpha fund", "Beta loan", "Gamma open"}),
        ("country=TR&country=DE", {"Alpha fund", "Gamma open"}),
        ("managing_body=zz-funding-agency&managing_body=zz-funding-agency", {"Alpha fund"}),
        ("beneficiary=sme&beneficiary=large_company&rate_min=35&rate_max=45", {"Beta loan"}),
    ],
)
def test_two_values_of_one_instrument_filter_are_ored(instruments, query, expected):
    assert instrument_names(query) == expected


@pytest.mark.parametrize(
    "query", ["kind=grant&kind=loan", "country=TR&country=FR&level=national", "beneficiary=sme&beneficiary=research"]
)
def test_instrument_facet_counts_with_several_values_chosen(instruments, query):
    assert check_facet_counts(InstrumentFilterSet, Instrument.objects.for_list, f"tag={TAG}&{query}")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=forthcoming&status=closed", {"Forthcoming call", "Closed call", "Ended rolling call"}),
        ("instrument=active-instrument&instrument=ended-instrument&status=forthcoming", {"Forthcoming call"}),
        ("country=TR&country=DE&status=closed", {"Closed call", "Ended rolling call"}),
    ],
)
def test_two_values_of_one_call_filter_are_ored(calls, query, expected):
    assert call_titles(query) == expected


def test_call_facet_counts_with_several_values_chosen(calls):
    assert check_facet_counts(CallFilterSet, Call.objects.for_list, f"tag={TAG}&status=open&status=closed")


def test_two_values_of_one_project_filter_are_ored():
    alpha = factories.instrument(name="Zz alpha programme")
    beta = factories.instrument(name="Zz beta programme")
    funder = factories.organisation(name="Zz project funder")
    for name, countries, instrument_, programme in (
        ("Zz Turkish-French", ["TR", "FR"], alpha, alpha),
        ("Zz Rwandan", ["RW"], beta, None),
        ("Zz none", [], None, beta),
    ):
        p = factories.project(name=name, partner_countries=countries, instrument=instrument_, programme=programme)
        p.tags.add(TAG)
    Project.objects.filter(name="Zz Rwandan").update(funder=funder)
    assert project_names("country=FR&country=RW") == {"Zz Turkish-French", "Zz Rwandan"}
    assert project_names(f"instrument={alpha.slug}&instrument={beta.slug}") == {"Zz Turkish-French", "Zz Rwandan"}
    assert project_names(f"programme={alpha.slug}&programme={beta.slug}") == {"Zz Turkish-French", "Zz none"}
    assert project_names(f"funder={funder.slug}&country=RW&country=TR") == {"Zz Rwandan"}
    assert check_facet_counts(ProjectFilterSet, Project.objects.for_list, f"tag={TAG}&country=FR&country=RW")
