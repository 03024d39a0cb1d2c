"""Property-based: any query string on any list page (and the search page) answers 200 or 400,
never 500. Parameters are drawn from each page's real filter names plus arbitrary ones, with
arbitrary values (quotes, markup, NUL and control characters, huge numbers)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PAGES = {
    "/partners/": ["kind", "country", "region", "ecosystem", "label", "label_valid", "size", "has_visits", "target"],
    "/clusters/": ["kind", "country", "ecosystem", "size"],
    "/poles/": ["country", "label", "label_valid"],
    "/visits/": ["kind", "year", "host_country", "delegation_country", "organisation", "project", "language"],
    "/funding/": ["kind", "level", "managing_body", "country", "beneficiary", "rate_min", "rate_max", "status"],
    "/funding/calls/": ["status", "deadline_after", "deadline_before", "closing_within", "instrument", "country"],
    "/funding/projects/": ["instrument", "country"],
    "/search/": [],
}
COMMON = ["q", "tag", "sort", "page", "format"]

values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(["", "-", '"', "'", "<script>alert(1)</script>", "2013-02-30", "1e309", "NaN", "csv", "%00"]),
)


def query_strings(names):
    keys = st.one_of(st.sampled_from(names + COMMON), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(keys, values), max_size=6)


@pytest.mark.parametrize("url", list(PAGES))
def test_random_query_strings_never_cause_a_server_error(client, url):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(params=query_strings(PAGES[url]))
    def check(params):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params, response.status_code)

    check()
